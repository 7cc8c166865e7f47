#!/usr/bin/env node
// Prints the SQL drizzle-kit generates for one feature's tables, on top of the
// migrations that have landed, without touching electron/db/migrations: several
// features are built side by side, each with its own pre-numbered migration
// file. Usage: node scripts/feature-migration.mjs dossiers
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';

const feature = process.argv[2];
if (!feature) throw new Error('usage: feature-migration.mjs FEATURE');
const root = resolve(import.meta.dirname, '..');
const LANDED = 9; // 0000–0008
const CORE = ['accounts', 'analytics', 'import', 'dossiers', 'retention', 'recovery', 'privacy'];
// Inside the repository (ignored by git): drizzle-kit takes its --out relative to the working folder.
const scratch = join(root, 'tests', 'output');
mkdirSync(scratch, { recursive: true });
const dir = mkdtempSync(join(scratch, `migration-${feature}-`));
try {
  cpSync(join(root, 'electron/db/migrations'), join(dir, 'm'), { recursive: true });
  const journalPath = join(dir, 'm/meta/_journal.json');
  const journal = JSON.parse(readFileSync(journalPath, 'utf8'));
  journal.entries = journal.entries.slice(0, LANDED);
  writeFileSync(journalPath, JSON.stringify(journal, null, 2));
  for (const f of readdirSync(join(dir, 'm'))) if (/^\d{4}_/.test(f) && Number(f.slice(0, 4)) >= LANDED) rmSync(join(dir, 'm', f));
  const schema = join(dir, 'schema.ts');
  writeFileSync(schema, [`export * from '${join(root, 'electron/db/kernel-schema')}';`, ...[...CORE, feature].map((f) => `export * from '${join(root, `electron/features/${f}/schema`)}';`)].join('\n') + '\n');
  execFileSync(join(root, 'node_modules/.bin/drizzle-kit'), ['generate', '--dialect', 'sqlite', '--schema', schema, '--out', relative(root, join(dir, 'm')), '--name', feature], { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });
  const out = readdirSync(join(dir, 'm')).find((f) => f.startsWith(String(LANDED).padStart(4, '0')) && f.endsWith('.sql'));
  process.stdout.write(out ? readFileSync(join(dir, 'm', out), 'utf8') : '-- no tables\n');
} finally {
  rmSync(dir, { recursive: true, force: true });
}
