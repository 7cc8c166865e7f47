import { copyFileSync, existsSync, rmSync, statSync } from 'node:fs';
import type Database from 'better-sqlite3';
import { drizzle } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import { readMigrationFiles } from 'drizzle-orm/migrator';
import { openConnection, wrap, type Db, type OpenOptions } from './connection';

export class MigrationError extends Error {
  constructor(message: string, readonly backupPath: string | null) {
    super(message);
    this.name = 'MigrationError';
  }
}

export interface MigrateReport {
  applied: number;
  backupPath: string | null;
}

function pendingCount(sqlite: Database.Database, migrationsFolder: string): number {
  const all = readMigrationFiles({ migrationsFolder });
  const table = sqlite
    .prepare(`SELECT name FROM sqlite_master WHERE type='table' AND name='__drizzle_migrations'`)
    .get();
  if (!table) return all.length;
  const last = sqlite
    .prepare(`SELECT created_at FROM __drizzle_migrations ORDER BY created_at DESC LIMIT 1`)
    .get() as { created_at: number } | undefined;
  if (!last) return all.length;
  return all.filter((m) => m.folderMillis > Number(last.created_at)).length;
}

function hasUserTables(sqlite: Database.Database): boolean {
  const row = sqlite
    .prepare(`SELECT count(*) AS n FROM sqlite_master WHERE type='table' AND name NOT LIKE 'sqlite_%'`)
    .get() as { n: number };
  return row.n > 0;
}

/**
 * Drizzle's migrator wraps all pending migrations in one transaction, where
 * `PRAGMA foreign_keys=OFF` is silently ignored. A migration that rebuilds a
 * parent table (create-copy-drop-rename) would then fire ON DELETE CASCADE and
 * delete child rows. So: back up, switch foreign keys off on the connection
 * before the transaction starts, verify with foreign_key_check afterwards, and
 * put the backup back if anything goes wrong.
 */
export function migrateSafely(path: string, migrationsFolder: string, opts: OpenOptions = {}): MigrateReport {
  let sqlite = openConnection(path, opts);
  const pending = pendingCount(sqlite, migrationsFolder);
  if (pending === 0) {
    sqlite.close();
    return { applied: 0, backupPath: null };
  }
  let backupPath: string | null = null;
  if (hasUserTables(sqlite)) {
    backupPath = `${path}.pre-migration-${Date.now()}.bak`;
    sqlite.exec(`VACUUM INTO '${backupPath.replaceAll("'", "''")}'`);
  }
  try {
    sqlite.pragma('foreign_keys = OFF');
    migrate(drizzle(sqlite), { migrationsFolder });
    const violations = sqlite.pragma('foreign_key_check') as unknown[];
    if (violations.length > 0) {
      throw new Error(`foreign_key_check found ${violations.length} broken reference(s) after migrating`);
    }
    const integrity = sqlite.pragma('integrity_check', { simple: true });
    if (integrity !== 'ok') throw new Error(`integrity_check failed after migrating: ${String(integrity)}`);
    sqlite.pragma('foreign_keys = ON');
    sqlite.close();
    if (backupPath) rmSync(backupPath, { force: true });
    return { applied: pending, backupPath: null };
  } catch (err) {
    sqlite.close();
    if (backupPath) restoreBackup(path, backupPath);
    const reason = err instanceof Error ? err.message : String(err);
    throw new MigrationError(
      `Database migration failed and the database was restored to its previous state: ${reason}`,
      backupPath,
    );
  }
}

function restoreBackup(path: string, backupPath: string): void {
  for (const suffix of ['-wal', '-shm']) rmSync(path + suffix, { force: true });
  copyFileSync(backupPath, path);
}

/** Open (creating if needed) and migrate: what the app and the CLI do at start. */
export function openDatabase(path: string, migrationsFolder: string, opts: OpenOptions = {}): Db {
  if (existsSync(path) && statSync(path).isDirectory()) throw new Error(`${path} is a folder, not a database file`);
  migrateSafely(path, migrationsFolder, opts);
  return wrap(openConnection(path, opts), path);
}
