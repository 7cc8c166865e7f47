#!/usr/bin/env node
// `npm audit` cannot reach its service here, so the lock file is checked against
// a list kept in the repo: packages that must never be installed, and versions
// known to have been published by attackers. Exit 1 names each offender.
import { readFileSync } from 'node:fs';

const BANNED = {
  xlsx: 'the npm "xlsx" package is stale and has unpatched vulnerabilities (prototype pollution, ReDoS); use exceljs',
  'node-xlsx': 'wraps the vulnerable npm "xlsx" package',
  request: 'deprecated and unmaintained',
  'event-stream': 'carried the flatmap-stream backdoor',
  'flatmap-stream': 'malicious package',
};

// Versions published from hijacked maintainer accounts.
const COMPROMISED = {
  'event-stream': ['3.3.6'],
  'ua-parser-js': ['0.7.29', '0.8.0', '1.0.0'],
  coa: ['2.0.3', '2.0.4', '2.1.1', '2.1.3', '3.0.1', '3.1.3'],
  rc: ['1.2.9', '1.3.9', '2.3.9'],
  colors: ['1.4.1', '1.4.2', '1.4.44-liberty-2'],
  faker: ['6.6.6'],
  'node-ipc': ['10.1.1', '10.1.2', '10.1.3', '11.0.0'],
  chalk: ['5.6.1'],
  debug: ['4.4.2'],
  'ansi-styles': ['6.2.2'],
  'ansi-regex': ['6.2.1'],
  'strip-ansi': ['7.1.1'],
  'supports-color': ['10.2.1'],
  'wrap-ansi': ['9.0.1'],
  'color-convert': ['3.1.1'],
  'color-name': ['2.0.1'],
  'color-string': ['2.1.1'],
  color: ['5.0.1'],
  'is-arrayish': ['0.3.3'],
  'slice-ansi': ['7.1.1'],
  'error-ex': ['1.3.3'],
  'simple-swizzle': ['0.2.3'],
  'has-ansi': ['6.0.1'],
  'chalk-template': ['1.1.1'],
  'supports-hyperlinks': ['4.1.1'],
  backslash: ['0.2.1'],
};

const lock = JSON.parse(readFileSync(new URL('../package-lock.json', import.meta.url), 'utf8'));
const problems = [];
let count = 0;
for (const [path, meta] of Object.entries(lock.packages ?? {})) {
  if (!path) continue;
  count++;
  const name = meta.name ?? path.slice(path.lastIndexOf('node_modules/') + 'node_modules/'.length);
  if (BANNED[name]) problems.push(`${path}: ${BANNED[name]}`);
  if (COMPROMISED[name]?.includes(meta.version)) problems.push(`${path}@${meta.version}: a known compromised release`);
  if (meta.resolved && !meta.resolved.startsWith('https://registry.npmjs.org/')) problems.push(`${path}: resolved outside the npm registry (${meta.resolved})`);
}
if (problems.length) {
  console.error(`package-lock.json: ${problems.length} problem(s)\n${problems.join('\n')}`);
  process.exit(1);
}
console.log(`package-lock.json: ${count} packages checked, none banned or known compromised`);
