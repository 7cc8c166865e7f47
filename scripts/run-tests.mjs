#!/usr/bin/env node
// Runs vitest, then prints one plain "N passed, N failed" line that CI and
// people can read without knowing vitest's own summary format.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const report = 'tests/output/vitest-report.json';
// Durability tests append one line each (tests/helpers/durability.ts); summed up below.
const durability = 'tests/output/durability.jsonl';
mkdirSync('tests/output', { recursive: true });
rmSync(report, { force: true });
rmSync(durability, { force: true });
const vitest = join(dirname(createRequire(import.meta.url).resolve('vitest/package.json')), 'vitest.mjs');
const res = spawnSync(process.execPath, [vitest, 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${report}`, ...process.argv.slice(2)], { stdio: 'inherit' });
try {
  const r = JSON.parse(readFileSync(report, 'utf8'));
  const skipped = r.numPendingTests + r.numTodoTests;
  try {
    const lines = readFileSync(durability, 'utf8').trim().split('\n').map((l) => JSON.parse(l));
    const sum = (k) => lines.reduce((n, l) => n + l[k], 0);
    console.log(`\nDurability: ${lines.length} scenarios, ${sum('trials')} trials run, ${sum('faults')} faults injected, ${sum('acked')} acknowledged writes checked, ${sum('lost')} rows lost`);
  } catch {
    // no durability test ran in this selection
  }
  console.log(`\nTests: ${r.numPassedTests} passed, ${r.numFailedTests} failed${skipped ? `, ${skipped} skipped` : ''}`);
  if (r.numTotalTests === 0) process.exitCode = 1;
} catch {
  console.log('\nTests: 0 passed, 1 failed');
  process.exitCode = 1;
}
process.exitCode ||= res.status ?? 1;
