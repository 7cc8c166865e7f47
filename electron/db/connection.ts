import Database from 'better-sqlite3';
import { drizzle, type BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import * as schema from './schema';

export type Orm = BetterSQLite3Database<typeof schema>;

/** The one handle every service receives: Drizzle for queries, the raw connection for bulk work. */
export interface Db {
  orm: Orm;
  sqlite: Database.Database;
  path: string;
}

export interface OpenOptions {
  /** Path to a better-sqlite3 .node file built for the running runtime (Electron's ABI differs from Node's). */
  nativeBinding?: string;
  readonly?: boolean;
}

export function openConnection(path: string, opts: OpenOptions = {}): Database.Database {
  const sqlite = new Database(path, {
    ...(opts.nativeBinding ? { nativeBinding: opts.nativeBinding } : {}),
    readonly: opts.readonly ?? false,
  });
  applyPragmas(sqlite);
  return sqlite;
}

export function applyPragmas(sqlite: Database.Database): void {
  sqlite.pragma('journal_mode = WAL');
  // FULL: a committed write survives power loss; WAL keeps it cheap.
  sqlite.pragma('synchronous = FULL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
}

export function wrap(sqlite: Database.Database, path: string): Db {
  return { orm: drizzle(sqlite, { schema }), sqlite, path };
}
