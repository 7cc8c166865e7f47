import Database from 'better-sqlite3';
import { drizzle, type BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import * as schema from './schema';

export type Orm = BetterSQLite3Database<typeof schema>;

/**
 * The one handle every service receives: Drizzle for queries, the raw
 * connection for bulk work. Restoring a backup swaps the connection inside
 * the same handle, so everything holding it follows.
 */
export interface Db {
  orm: Orm;
  sqlite: Database.Database;
  path: string;
}

export interface OpenOptions {
  /** Path to a better-sqlite3 .node file built for the running runtime (Electron's ABI differs from Node's). */
  nativeBinding?: string;
  readonly?: boolean;
  /**
   * How long a statement waits for another connection's write lock. The app's
   * main process uses a short wait and retries without blocking (see the
   * router); workers and the CLI can afford to block.
   */
  busyTimeoutMs?: number;
}

export const DEFAULT_BUSY_TIMEOUT_MS = 5000;

export function openConnection(path: string, opts: OpenOptions = {}): Database.Database {
  const sqlite = new Database(path, {
    ...(opts.nativeBinding ? { nativeBinding: opts.nativeBinding } : {}),
    readonly: opts.readonly ?? false,
  });
  applyPragmas(sqlite, opts.busyTimeoutMs ?? DEFAULT_BUSY_TIMEOUT_MS);
  return sqlite;
}

export function applyPragmas(sqlite: Database.Database, busyTimeoutMs = DEFAULT_BUSY_TIMEOUT_MS): void {
  sqlite.pragma('journal_mode = WAL');
  // FULL: a committed write survives power loss; WAL keeps it cheap.
  sqlite.pragma('synchronous = FULL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma(`busy_timeout = ${Math.max(0, Math.floor(busyTimeoutMs))}`);
}

export function wrap(sqlite: Database.Database, path: string): Db {
  return { orm: drizzle(sqlite, { schema }), sqlite, path };
}

/** Points the handle at a new connection (after a restore); the old one must already be closed. */
export function rewrap(db: Db, sqlite: Database.Database): void {
  db.sqlite = sqlite;
  db.orm = drizzle(sqlite, { schema });
}
