#!/usr/bin/env node
// Writes drizzle-kit's snapshot for each hand-numbered feature migration
// (0005 dossiers … 0008 privacy, landed together), one after the other, so that a later
// `npm run db:generate` diffs against the schema those migrations made
// instead of creating their tables again. The migrations' SQL is not touched.
// Usage: node scripts/migration-snapshots.mjs
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');
const migrations = join(root, 'electron/db/migrations');
const CORE = ['accounts', 'analytics', 'import'];
const FEATURES = [
  [5, 'dossiers'],
  [6, 'retention'],
  [7, 'recovery'],
  [8, 'privacy'],
];
const scratch = join(root, 'tests', 'output');
mkdirSync(scratch, { recursive: true });
const fullJournal = JSON.parse(readFileSync(join(migrations, 'meta/_journal.json'), 'utf8'));

for (const [n, feature] of FEATURES) {
  const dir = mkdtempSync(join(scratch, `snapshot-${feature}-`));
  try {
    cpSync(migrations, join(dir, 'm'), { recursive: true });
    const journal = { ...fullJournal, entries: fullJournal.entries.slice(0, n) };
    writeFileSync(join(dir, 'm/meta/_journal.json'), JSON.stringify(journal, null, 2));
    for (const f of readdirSync(join(dir, 'm'))) if (/^\d{4}_/.test(f) && Number(f.slice(0, 4)) >= n) rmSync(join(dir, 'm', f));
    for (const f of readdirSync(join(dir, 'm/meta'))) if (/^\d{4}_snapshot/.test(f) && Number(f.slice(0, 4)) >= n) rmSync(join(dir, 'm/meta', f));
    const upTo = FEATURES.filter(([k]) => k <= n).map(([, f]) => f);
    const schema = join(dir, 'schema.ts');
    writeFileSync(schema, [`export * from '${join(root, 'electron/db/kernel-schema')}';`, ...[...CORE, ...upTo].map((f) => `export * from '${join(root, `electron/features/${f}/schema`)}';`)].join('\n') + '\n');
    execFileSync(join(root, 'node_modules/.bin/drizzle-kit'), ['generate', '--dialect', 'sqlite', '--schema', schema, '--out', relative(root, join(dir, 'm')), '--name', feature], { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });
    const tag = String(n).padStart(4, '0');
    const made = readdirSync(join(dir, 'm/meta')).find((f) => f.startsWith(`${tag}_snapshot`));
    if (!made) {
      // No tables: the snapshot is the previous one under a new id.
      const prev = JSON.parse(readFileSync(join(migrations, `meta/${String(n - 1).padStart(4, '0')}_snapshot.json`), 'utf8'));
      const snap = { ...prev, prevId: prev.id, id: crypto.randomUUID() };
      writeFileSync(join(migrations, `meta/${tag}_snapshot.json`), JSON.stringify(snap, null, 2) + '\n');
    } else {
      cpSync(join(dir, 'm/meta', made), join(migrations, `meta/${tag}_snapshot.json`));
    }
    process.stdout.write(`${tag}_snapshot.json (${feature})\n`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
