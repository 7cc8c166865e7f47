import { copyFileSync, rmSync } from 'node:fs';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import { readMigrationFiles } from 'drizzle-orm/migrator';
import { backupPath, createBackupNow, DEFAULT_KEEP, removePartialBackups } from './backups';
import { openConnection, ormOf, wrap, type Db, type OpenOptions, type Sqlite } from './connection';
import { checkBeforeOpen } from './open-checks';
import { pruneChangeLog } from './change-log';

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

export interface MigrateOptions extends OpenOptions {
  /** False for a file that is itself a copy (a backup being restored): no backup of the backup. */
  backup?: boolean;
  /** How many rolling backups to keep when the pre-migration one is added. */
  keepBackups?: number;
}

function pendingCount(sqlite: Sqlite, migrationsFolder: string): number {
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

function hasUserTables(sqlite: Sqlite): boolean {
  const row = sqlite
    .prepare(`SELECT count(*) AS n FROM sqlite_master WHERE type='table' AND name NOT LIKE 'sqlite_%'`)
    .get() as { n: number };
  return row.n > 0;
}

const triggerNames = (sqlite: Sqlite) =>
  (sqlite.prepare(`SELECT name FROM sqlite_master WHERE type = 'trigger'`).all() as { name: string }[]).map((r) => r.name);

/** Triggers the pending migrations drop on purpose; any other that disappears went with a rebuilt table. */
function droppedOnPurpose(migrationsFolder: string, pending: number): Set<string> {
  const all = readMigrationFiles({ migrationsFolder });
  const names = new Set<string>();
  for (const m of all.slice(all.length - pending)) {
    for (const sql of m.sql) for (const hit of sql.matchAll(/DROP\s+TRIGGER\s+(?:IF\s+EXISTS\s+)?[`"]?(\w+)/gi)) names.add(hit[1]);
  }
  return names;
}

/**
 * Drizzle's migrator wraps all pending migrations in one transaction, where
 * `PRAGMA foreign_keys=OFF` is silently ignored. A migration that rebuilds a
 * parent table (create-copy-drop-rename) would then fire ON DELETE CASCADE and
 * delete child rows; the DROP also takes the table's triggers with it. So:
 * back up (a verified copy kept with the rolling backups), switch foreign
 * keys off on the connection before the transaction starts, verify with
 * foreign_key_check, integrity_check and the trigger list afterwards, and put
 * the backup back if anything goes wrong.
 */
export function migrateSafely(path: string, migrationsFolder: string, opts: MigrateOptions = {}): MigrateReport {
  const sqlite = openConnection(path, opts);
  const pending = pendingCount(sqlite, migrationsFolder);
  if (pending === 0) {
    sqlite.close();
    return { applied: 0, backupPath: null };
  }
  let backup: string | null = null;
  try {
    if (opts.backup !== false && hasUserTables(sqlite)) {
      backup = backupPath(path, createBackupNow(sqlite, path, 'migration', opts.keepBackups ?? DEFAULT_KEEP, opts.nativeBinding).name);
    }
  } catch (err) {
    sqlite.close();
    throw new MigrationError(`The database was not upgraded, because the backup made first failed (${(err as Error).message}). Nothing was changed; free some disk space and start again.`, null);
  }
  try {
    const triggersBefore = triggerNames(sqlite);
    sqlite.pragma('foreign_keys = OFF');
    migrate(ormOf(sqlite), { migrationsFolder });
    const violations = sqlite.pragma('foreign_key_check') as unknown[];
    if (violations.length > 0) {
      throw new Error(`foreign_key_check found ${violations.length} broken reference(s) after migrating`);
    }
    const integrity = sqlite.pragma('integrity_check', { simple: true });
    if (integrity !== 'ok') throw new Error(`integrity_check failed after migrating: ${String(integrity)}`);
    const after = new Set(triggerNames(sqlite));
    const dropped = droppedOnPurpose(migrationsFolder, pending);
    const lost = triggersBefore.filter((t) => !after.has(t) && !dropped.has(t));
    if (lost.length) throw new Error(`the migration lost the trigger(s) ${lost.join(', ')} (a rebuilt table must re-create its triggers)`);
    sqlite.pragma('foreign_keys = ON');
    sqlite.close();
    return { applied: pending, backupPath: backup };
  } catch (err) {
    sqlite.close();
    if (backup) restoreFile(path, backup);
    const reason = err instanceof Error ? err.message : String(err);
    throw new MigrationError(
      `Database migration failed and the database was restored to its previous state: ${reason}`,
      backup,
    );
  }
}

/** Puts a closed copy back in place of the database (the database's own connections must be closed). */
export function restoreFile(path: string, copy: string): void {
  for (const suffix of ['-wal', '-shm']) rmSync(path + suffix, { force: true });
  copyFileSync(copy, path);
}

/**
 * Open (creating if needed) and migrate: what the app and the CLI do at
 * start. A damaged file, one from a newer Rapport, or one that cannot be
 * written is refused before anything is written to it.
 */
export function openDatabase(path: string, migrationsFolder: string, opts: MigrateOptions & { quickCheck?: boolean } = {}): Db {
  checkBeforeOpen(path, migrationsFolder, opts);
  removePartialBackups(path);
  migrateSafely(path, migrationsFolder, opts);
  const db = wrap(openConnection(path, opts), path);
  pruneChangeLog(db);
  return db;
}
