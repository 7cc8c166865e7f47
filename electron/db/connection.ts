import { closeSync, openSync, readSync, statSync } from 'node:fs';
import Database from 'better-sqlite3-multiple-ciphers';
import type { BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import { BetterSQLiteSession } from 'drizzle-orm/better-sqlite3/session';
import { createTableRelationsHelpers, extractTablesRelationalConfig } from 'drizzle-orm/relations';
import { BaseSQLiteDatabase, SQLiteSyncDialect } from 'drizzle-orm/sqlite-core';
import type { MessageKey } from '../../shared/i18n';
import { inEnglish } from '../i18n';
import * as schema from './schema';

export type Orm = BetterSQLite3Database<typeof schema>;
export type Sqlite = Database.Database;

/**
 * The one handle every service receives: Drizzle for queries, the raw
 * connection for bulk work. Restoring a backup (or encrypting the file)
 * swaps the connection inside the same handle, so everything holding it follows.
 */
export interface Db {
  orm: Orm;
  sqlite: Sqlite;
  path: string;
  /**
   * The key the file is encrypted with (64 hex digits), undefined for a plain
   * file. Every other connection to it needs it: workers, backups, checks.
   */
  key?: string;
}

/** A 256-bit key as 64 hex digits: a raw key, in SQLite3 Multiple Ciphers' terms (no passphrase derivation at each open). */
export type DatabaseKey = string;
const RAW_KEY = /^[0-9a-f]{64}$/;
export const isDatabaseKey = (k: unknown): k is DatabaseKey => typeof k === 'string' && RAW_KEY.test(k);

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
  /**
   * Opens an encrypted file, and encrypts a new one. A plain file is opened
   * as it is (converting it is a job of its own, after a backup).
   */
  key?: DatabaseKey;
}

export const DEFAULT_BUSY_TIMEOUT_MS = 5000;

let processKey: DatabaseKey | undefined;
/**
 * The CLI's --key-file / RAPPORT_KEY, for every open in this process that
 * names no key (each feature's command opens its file itself). The app
 * never sets it: it passes its key explicitly.
 */
export function setProcessKey(key: DatabaseKey | undefined): void {
  processKey = key;
}
export const keyFor = (opts: { key?: DatabaseKey }): DatabaseKey | undefined => opts.key ?? processKey;

export type OpenFailure = 'damaged' | 'newer_version' | 'read_only' | 'folder' | 'needs_key' | 'wrong_key';

/** Why a database file cannot be used; nothing was written to it. `messageKey` is the same in the user's language. */
export class DatabaseOpenError extends Error {
  constructor(readonly code: OpenFailure, message: string, readonly path: string, readonly messageKey?: MessageKey) {
    super(message);
    this.name = 'DatabaseOpenError';
  }
}

const MAGIC = 'SQLite format 3\0';

/**
 * What the first bytes say. An encrypted file starts with random salt and
 * its header past byte 24 is ciphertext; a plain SQLite header keeps bytes
 * 72–91 zero ("reserved for expansion"). So a file whose first 16 bytes are
 * not SQLite's but whose header is otherwise plain is a damaged plain file
 * (`plain`: SQLite then refuses it as damaged), and anything else may be
 * encrypted (or damaged beyond telling: only a key can say). `missing` and
 * `empty` are new databases.
 */
export type FileState = 'missing' | 'empty' | 'plain' | 'encrypted';

/** A plain SQLite header, with or without its first 16 bytes intact. */
export const looksPlain = (head: Buffer): boolean =>
  head.length >= 100 && (head.toString('latin1', 0, 16) === MAGIC || head.subarray(72, 92).every((b) => b === 0));

export function fileState(path: string): FileState {
  let size: number;
  try {
    size = statSync(path).size;
  } catch {
    return 'missing';
  }
  if (size === 0) return 'empty';
  const head = Buffer.alloc(100);
  const fd = openSync(path, 'r');
  let got: number;
  try {
    got = readSync(fd, head, 0, 100, 0);
  } finally {
    closeSync(fd);
  }
  // Shorter than a header: nothing an encryption wrote; SQLite calls it damaged.
  if (got < 100) return 'plain';
  return looksPlain(head) ? 'plain' : 'encrypted';
}

// Which connections were keyed, and with what: backups, checks and workers of the same file need the same key.
const keys = new WeakMap<Sqlite, DatabaseKey>();
export const keyOf = (sqlite: Sqlite): DatabaseKey | undefined => keys.get(sqlite);

/**
 * The cipher: AEGIS-256 (SQLite3 Multiple Ciphers' authenticated cipher on
 * AES hardware instructions), with a raw 256-bit key, so no key derivation
 * runs at each open (workers open a connection per task). Chosen over the
 * SQLCipher 4 format the same library offers: its HMAC-SHA512 on every page
 * cost +35% CPU on a write-heavy run here, AEGIS about nothing (bench/privacy.ts
 * measures it on the import). Pages are authenticated: a wrong key or a
 * changed byte is refused. Must come before the first read.
 */
export const CIPHER = 'aegis';

export function applyKey(sqlite: Sqlite, key: DatabaseKey): void {
  if (!isDatabaseKey(key)) throw new Error('a database key is 64 hexadecimal digits');
  sqlite.pragma(`cipher = '${CIPHER}'`);
  sqlite.pragma(`key = "x'${key}'"`);
  // A plain SQLite (a stale native build) ignores these pragmas and would write the file in clear: refuse.
  if (sqlite.pragma('cipher', { simple: true }) !== CIPHER) throw new Error('this SQLite build cannot encrypt (expected better-sqlite3-multiple-ciphers)');
  keys.set(sqlite, key);
}

function openFailure(err: unknown, path: string, state: FileState, key: DatabaseKey | undefined): DatabaseOpenError | null {
  if ((err as { code?: string }).code !== 'SQLITE_NOTADB') return null;
  if (state === 'encrypted' && key) return new DatabaseOpenError('wrong_key', inEnglish('privacy:open.wrongKey', { path }), path, 'privacy:open.wrongKey');
  if (state === 'encrypted') return new DatabaseOpenError('needs_key', inEnglish('privacy:open.needsKey', { path }), path, 'privacy:open.needsKey');
  return new DatabaseOpenError('damaged', `${path} is damaged: ${(err as Error).message}.`, path);
}

/**
 * A raw connection with the app's pragmas. With a key, an encrypted or new
 * file is keyed; a wrong key (or a missing one) is a DatabaseOpenError, found
 * by the first read, before anything is written.
 */
export function openConnection(path: string, opts: OpenOptions = {}): Sqlite {
  const state = fileState(path);
  const key = keyFor(opts);
  const sqlite = new Database(path, {
    ...(opts.nativeBinding ? { nativeBinding: opts.nativeBinding } : {}),
    readonly: opts.readonly ?? false,
  });
  try {
    if (key && state !== 'plain') applyKey(sqlite, key);
    // The first read: a wrong key fails here, and no page has been written yet.
    sqlite.prepare('SELECT count(*) FROM sqlite_master').get();
    applyPragmas(sqlite, opts.busyTimeoutMs ?? DEFAULT_BUSY_TIMEOUT_MS, opts.readonly);
  } catch (err) {
    sqlite.close();
    throw openFailure(err, path, state, key) ?? err;
  }
  return sqlite;
}

export function applyPragmas(sqlite: Sqlite, busyTimeoutMs = DEFAULT_BUSY_TIMEOUT_MS, readonly = false): void {
  if (!readonly) sqlite.pragma('journal_mode = WAL');
  // FULL: a committed write survives power loss; WAL keeps it cheap.
  sqlite.pragma('synchronous = FULL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma(`busy_timeout = ${Math.max(0, Math.floor(busyTimeoutMs))}`);
  // Deleted rows are overwritten with zeros, so an erased person is not left in the file's free pages.
  sqlite.pragma('secure_delete = ON');
  // 64 MB of page cache: pages are decrypted once and then served from memory, which keeps
  // encryption's cost on the grid and the analytics small (an upper bound; unused pages take nothing).
  sqlite.pragma('cache_size = -65536');
}

/**
 * Drizzle over one connection. Built here rather than with
 * `drizzle-orm/better-sqlite3`'s `drizzle()`, whose module imports the plain
 * `better-sqlite3` package: this app has one SQLite, the one that encrypts.
 */
function orm(sqlite: Sqlite): Orm {
  const dialect = new SQLiteSyncDialect();
  const tables = extractTablesRelationalConfig(schema, createTableRelationsHelpers);
  const relational = { fullSchema: schema, schema: tables.tables, tableNamesMap: tables.tableNamesMap };
  const session = new BetterSQLiteSession(sqlite as never, dialect, relational, {});
  const db = new BaseSQLiteDatabase('sync', dialect, session as never, relational as never) as unknown as Orm & { $client: Sqlite };
  db.$client = sqlite;
  return db;
}

/** Drizzle over a connection that is not (yet) a Db: the migrator's. */
export const ormOf = (sqlite: Sqlite): Orm => orm(sqlite);

export function wrap(sqlite: Sqlite, path: string): Db {
  return { orm: orm(sqlite), sqlite, path, key: keyOf(sqlite) };
}

/** Points the handle at a new connection (after a restore or an encryption); the old one must already be closed. */
export function rewrap(db: Db, sqlite: Sqlite): void {
  db.sqlite = sqlite;
  db.orm = orm(sqlite);
  db.key = keyOf(sqlite);
}
