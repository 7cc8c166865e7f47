import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach } from 'vitest';
import type { Db } from '../../electron/db/connection';
import { openDatabase } from '../../electron/db/migrate';
import { findMigrationsFolder } from '../../electron/db/migrations-path';
import { ensureDefaultClientTypes } from '../../electron/features/accounts/client-types';

const cleanups: (() => void)[] = [];
afterEach(() => {
  while (cleanups.length) cleanups.pop()!();
});

/** A fresh folder removed after the current test. */
export function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'rapport-test-'));
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

/** A real SQLite file, migrated exactly as the app does it, closed and deleted after the test. */
export function emptyDatabase(opts: { defaults?: boolean } = {}): Db {
  const db = openDatabase(join(tempDir(), 'rapport.db'), findMigrationsFolder());
  cleanups.unshift(() => db.sqlite.open && db.sqlite.close());
  if (opts.defaults !== false) ensureDefaultClientTypes(db);
  return db;
}

export const AS_OF = '2026-06-30';
