import { closeSync, existsSync, fsyncSync, mkdirSync, openSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';
import { applyKey, fileState, keyFor, keyOf, type DatabaseKey, type Sqlite } from './connection';

import { BACKUP_REASONS, type BackupEntry as BackupInfo, type BackupReason } from '../../shared/kernel/backups';

export type { BackupInfo, BackupReason };

export const DEFAULT_KEEP = 10;
const PARTIAL = '.partial';
const NAME = /^(\d{6})-(\d{8}T\d{6}Z)-([a-z-]+)\.db$/;

/** Backups live beside the database, in `<name>-backups/`: the same disk, found without settings. */
export function backupDir(dbPath: string): string {
  return join(dirname(dbPath), `${basename(dbPath)}-backups`);
}

function parse(name: string, dir: string): BackupInfo | null {
  const m = NAME.exec(name);
  if (!m || !(BACKUP_REASONS as readonly string[]).includes(m[3])) return null;
  const t = m[2];
  const createdAt = `${t.slice(0, 4)}-${t.slice(4, 6)}-${t.slice(6, 8)}T${t.slice(9, 11)}:${t.slice(11, 13)}:${t.slice(13, 15)}Z`;
  return { name, seq: Number(m[1]), reason: m[3] as BackupReason, createdAt, size: statSync(join(dir, name)).size };
}

/** Newest first. Partial files (a backup cut short) are never listed. */
export function listBackups(dbPath: string): BackupInfo[] {
  const dir = backupDir(dbPath);
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .map((n) => parse(n, dir))
    .filter((b): b is BackupInfo => b !== null)
    .sort((a, b) => b.seq - a.seq);
}

/** A backup killed half-way leaves a `.partial` file; it is never a backup, so it goes (with its -journal, if any). */
export function removePartialBackups(dbPath: string): number {
  const dir = backupDir(dbPath);
  if (!existsSync(dir)) return 0;
  const partial = readdirSync(dir).filter((n) => n.endsWith(PARTIAL) || /\.partial-(journal|wal|shm)$/.test(n));
  for (const n of partial) rmSync(join(dir, n), { force: true });
  return partial.length;
}

function stamp(d: Date): string {
  return d.toISOString().replace(/[-:]/g, '').replace(/\.\d+Z$/, 'Z');
}

/** Where the next backup goes: its final name and the partial name it is written under first. */
export function nextBackupPath(dbPath: string, reason: BackupReason): { final: string; partial: string; name: string } {
  const dir = backupDir(dbPath);
  mkdirSync(dir, { recursive: true });
  const last = listBackups(dbPath)[0]?.seq ?? 0;
  const name = `${String(last + 1).padStart(6, '0')}-${stamp(new Date())}-${reason}.db`;
  // The pid keeps two processes (the app and the CLI) from writing one partial file.
  return { final: join(dir, name), partial: join(dir, `${name}.${process.pid}${PARTIAL}`), name };
}

/**
 * Runs SQLite's integrity check on a copy: a backup that fails it is not
 * kept. The copy is switched to a rollback journal first, so a backup is one
 * self-contained file with no -wal or -shm beside it.
 */
export function verifyDatabaseFile(path: string, nativeBinding?: string, key?: DatabaseKey): void {
  const s = new Database(path, { fileMustExist: true, ...(nativeBinding ? { nativeBinding } : {}) });
  try {
    const k = keyFor({ key });
    if (k && fileState(path) === 'encrypted') applyKey(s, k);
    // Enough cache to hold the copy's index pages: an encrypted page is then decrypted once, not once per lookup (2.5× faster).
    s.pragma('cache_size = -65536');
    s.pragma('journal_mode = DELETE');
    const r = s.pragma('integrity_check', { simple: true });
    if (r !== 'ok') throw new Error(`the copy failed SQLite's integrity check (${String(r)})`);
  } finally {
    s.close();
  }
}

/** Flushes a file or a folder (a rename is durable only once its folder is). */
export function fsyncPath(path: string): void {
  const fd = openSync(path, 'r');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/**
 * The last step of every backup: the verified partial file is flushed and
 * renamed into place (a rename is atomic), so a backup folder only ever holds
 * whole, checked copies. Older backups past `keep` are removed after.
 */
export function finishBackup(dbPath: string, target: { final: string; partial: string; name: string }, keep: number, nativeBinding?: string, key?: DatabaseKey): BackupInfo {
  try {
    verifyDatabaseFile(target.partial, nativeBinding, key);
    fsyncPath(target.partial);
    renameSync(target.partial, target.final);
    fsyncPath(dirname(target.final));
  } catch (err) {
    rmSync(target.partial, { force: true });
    throw err;
  }
  pruneBackups(dbPath, keep, target.name);
  return listBackups(dbPath).find((b) => b.name === target.name)!;
}

export function pruneBackups(dbPath: string, keep: number, protect?: string): string[] {
  const dir = backupDir(dbPath);
  const removed: string[] = removeExpiredBackups(dbPath, new Date(), protect);
  for (const b of listBackups(dbPath).slice(Math.max(1, keep))) {
    if (b.name === protect) continue;
    rmSync(join(dir, b.name), { force: true });
    removed.push(b.name);
  }
  forgetMissing(dbPath);
  return removed;
}

/**
 * Backups can be marked to expire: after a person is erased, every copy
 * made before still holds them, so each gets a date after which it is
 * deleted (the next backup, prune or start removes it). The marks live in
 * the backup folder, beside the files they name, so they survive a restore.
 */
const EXPIRY = 'expiry.json';
const expiryFile = (dbPath: string) => join(backupDir(dbPath), EXPIRY);

export function backupExpiry(dbPath: string): Record<string, string> {
  try {
    const parsed = JSON.parse(readFileSync(expiryFile(dbPath), 'utf8')) as unknown;
    return parsed && typeof parsed === 'object' ? (parsed as Record<string, string>) : {};
  } catch {
    return {};
  }
}

function writeExpiry(dbPath: string, marks: Record<string, string>): void {
  if (!existsSync(backupDir(dbPath))) return;
  const tmp = `${expiryFile(dbPath)}.${process.pid}.tmp`;
  writeFileSync(tmp, JSON.stringify(marks, null, 1), { mode: 0o600 });
  renameSync(tmp, expiryFile(dbPath));
}

/** Marks every backup that exists now to be deleted at `at` (an earlier mark stays if it is sooner). Returns the names marked. */
export function markBackupsToExpire(dbPath: string, at: Date): string[] {
  const marks = backupExpiry(dbPath);
  const names = listBackups(dbPath).map((b) => b.name);
  for (const n of names) if (!marks[n] || marks[n] > at.toISOString()) marks[n] = at.toISOString();
  writeExpiry(dbPath, marks);
  return names;
}

/** Deletes the backups whose expiry date has come; returns their names. */
export function removeExpiredBackups(dbPath: string, now = new Date(), protect?: string): string[] {
  const marks = backupExpiry(dbPath);
  const due = Object.entries(marks).filter(([n, at]) => at <= now.toISOString() && n !== protect && NAME.test(n)).map(([n]) => n);
  for (const n of due) {
    rmSync(join(backupDir(dbPath), n), { force: true });
    delete marks[n];
  }
  if (due.length) writeExpiry(dbPath, marks);
  return due;
}

function forgetMissing(dbPath: string): void {
  const marks = backupExpiry(dbPath);
  const present = new Set(listBackups(dbPath).map((b) => b.name));
  const gone = Object.keys(marks).filter((n) => !present.has(n));
  for (const n of gone) delete marks[n];
  if (gone.length) writeExpiry(dbPath, marks);
}

/**
 * A worker thread cannot post while SQLite holds it in one long call (a
 * VACUUM INTO), so it tells its parent which file grows and to what size;
 * the parent watches the file and reports the progress (worker.ts sets this).
 */
export type GrowthWatch = { file: string; total: number; phase?: 'backing-up' | 'writing' };
export type GrowthReporter = (watch: GrowthWatch | null) => void;
let reportGrowth: GrowthReporter = () => {};
export function setGrowthReporter(r: GrowthReporter): void {
  reportGrowth = r;
}

/** Pages in use (the free list is not copied), times the page size: about what a VACUUM INTO writes. */
function liveBytes(source: Sqlite, schema = 'main'): number {
  const pages = Number(source.pragma(`${schema}.page_count`, { simple: true })) - Number(source.pragma(`${schema}.freelist_count`, { simple: true }));
  return pages * Number(source.pragma(`${schema}.page_size`, { simple: true }));
}

/** VACUUM INTO a partial file with its growth reported; the partial goes on any failure. */
function vacuumInto(run: (sql: string) => void, sql: string, partial: string, total: number, onProgress?: (done: number, total: number) => void, phase?: GrowthWatch['phase']): void {
  onProgress?.(0, total);
  reportGrowth({ file: partial, total, phase });
  try {
    run(sql);
  } catch (err) {
    rmSync(partial, { force: true });
    throw err;
  } finally {
    reportGrowth(null);
  }
  onProgress?.(total, total);
}

const quoted = (path: string) => `'${path.replaceAll("'", "''")}'`;

/**
 * An encrypted copy of a plain database file (its WAL included), made by
 * SQLite itself: a connection keyed on an empty scratch file attaches the
 * plain file without a key and vacuums it INTO the target, which VACUUM
 * attaches with the main connection's key. Every table, index, trigger and
 * virtual table comes across, as in any VACUUM. The scratch file is never written.
 */
export function encryptedCopy(source: string, target: string, key: DatabaseKey, opts: { nativeBinding?: string; onProgress?: (done: number, total: number) => void; phase?: GrowthWatch['phase'] } = {}): void {
  const scratch = `${target}.scratch${PARTIAL}`;
  rmSync(scratch, { force: true });
  const s = new Database(scratch, opts.nativeBinding ? { nativeBinding: opts.nativeBinding } : {});
  try {
    applyKey(s, key);
    s.prepare(`ATTACH DATABASE ? AS plain KEY ''`).run(source);
    // The copy is verified and flushed by the caller before it counts; syncing it page by page here buys nothing.
    s.pragma('plain.synchronous = OFF');
    vacuumInto((sql) => s.exec(sql), `VACUUM plain INTO ${quoted(target)}`, target, liveBytes(s, 'plain'), opts.onProgress, opts.phase);
  } finally {
    s.close();
    rmSync(scratch, { force: true });
  }
}

/**
 * A copy with SQLite's online backup API, in steps, so other connections
 * keep reading and writing while it runs. Written under a partial name,
 * verified, then renamed: a kill at any moment leaves the older backups and
 * the database as they were.
 */
export async function createBackup(
  source: Sqlite,
  dbPath: string,
  reason: BackupReason,
  keep: number,
  onProgress?: (done: number, total: number) => void,
  nativeBinding?: string,
): Promise<BackupInfo> {
  const target = nextBackupPath(dbPath, reason);
  const key = keyOf(source);
  if (key) {
    // The backup API cannot write an encrypted copy (SQLite3 Multiple Ciphers refuses a keyed source and
    // an unkeyed target); VACUUM INTO from a keyed connection writes one with the same key. A snapshot,
    // so writers carry on; in the app it runs in a worker.
    vacuumInto((sql) => source.exec(sql), `VACUUM INTO ${quoted(target.partial)}`, target.partial, liveBytes(source), onProgress);
    return finishBackup(dbPath, target, keep, nativeBinding, key);
  }
  try {
    await source.backup(target.partial, {
      progress: ({ totalPages, remainingPages }) => {
        onProgress?.(totalPages - remainingPages, totalPages);
        return 256;
      },
    });
  } catch (err) {
    rmSync(target.partial, { force: true });
    throw err;
  }
  return finishBackup(dbPath, target, keep, nativeBinding);
}

/**
 * The same, in one blocking step (`VACUUM INTO`), for the moment before a
 * migration at start, when nothing else runs yet and the app cannot open
 * without it.
 */
export function createBackupNow(source: Sqlite, dbPath: string, reason: BackupReason, keep: number, nativeBinding?: string): BackupInfo {
  const target = nextBackupPath(dbPath, reason);
  // A keyed connection writes the copy with its own key.
  vacuumInto((sql) => source.exec(sql), `VACUUM INTO ${quoted(target.partial)}`, target.partial, liveBytes(source));
  return finishBackup(dbPath, target, keep, nativeBinding, keyOf(source));
}

export function backupPath(dbPath: string, name: string): string {
  if (!NAME.test(name)) throw new Error(`"${name}" is not a backup name`);
  return join(backupDir(dbPath), name);
}
