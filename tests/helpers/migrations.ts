import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { findMigrationsFolder } from '../../electron/db/migrations-path';
import { tempDir } from './db';

export const REAL_MIGRATIONS = findMigrationsFolder();

/** A copy of the shipped migrations plus one more, written the way drizzle-kit writes a table rebuild. */
export function migrationsWithExtra(sql: string): string {
  const dir = join(tempDir(), 'migrations');
  cpSync(REAL_MIGRATIONS, dir, { recursive: true });
  const journalPath = join(dir, 'meta', '_journal.json');
  const journal = JSON.parse(readFileSync(journalPath, 'utf8'));
  const last = journal.entries[journal.entries.length - 1];
  const tag = `${String(last.idx + 1).padStart(4, '0')}_extra`;
  journal.entries.push({ ...last, idx: last.idx + 1, when: last.when + 1000, tag });
  writeFileSync(journalPath, JSON.stringify(journal));
  writeFileSync(join(dir, `${tag}.sql`), sql);
  return dir;
}

/** The shipped migrations as an older release had them: every one whose tag sorts before `tag`. */
export function migrationsBefore(tag: string): string {
  const dir = join(tempDir(), `before-${tag}`);
  cpSync(REAL_MIGRATIONS, dir, { recursive: true });
  const journalPath = join(dir, 'meta', '_journal.json');
  const journal = JSON.parse(readFileSync(journalPath, 'utf8'));
  journal.entries = journal.entries.filter((e: { tag: string }) => e.tag < tag);
  writeFileSync(journalPath, JSON.stringify(journal));
  return dir;
}

