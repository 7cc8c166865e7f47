import { closeSync, existsSync, fsyncSync, mkdirSync, openSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import Database from 'better-sqlite3';

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

/** A backup killed half-way leaves a `.partial` file; it is never a backup, so it goes. */
export function removePartialBackups(dbPath: string): number {
  const dir = backupDir(dbPath);
  if (!existsSync(dir)) return 0;
  const partial = readdirSync(dir).filter((n) => n.endsWith(PARTIAL));
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
export function verifyDatabaseFile(path: string, nativeBinding?: string): void {
  const s = new Database(path, { fileMustExist: true, ...(nativeBinding ? { nativeBinding } : {}) });
  try {
    s.pragma('journal_mode = DELETE');
    const r = s.pragma('integrity_check', { simple: true });
    if (r !== 'ok') throw new Error(`the copy failed SQLite's integrity check (${String(r)})`);
  } finally {
    s.close();
  }
}

function fsyncPath(path: string): void {
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
export function finishBackup(dbPath: string, target: { final: string; partial: string; name: string }, keep: number, nativeBinding?: string): BackupInfo {
  try {
    verifyDatabaseFile(target.partial, nativeBinding);
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
  const removed: string[] = [];
  for (const b of listBackups(dbPath).slice(Math.max(1, keep))) {
    if (b.name === protect) continue;
    rmSync(join(dir, b.name), { force: true });
    removed.push(b.name);
  }
  return removed;
}

/**
 * A copy with SQLite's online backup API, in steps, so other connections
 * keep reading and writing while it runs. Written under a partial name,
 * verified, then renamed: a kill at any moment leaves the older backups and
 * the database as they were.
 */
export async function createBackup(
  source: Database.Database,
  dbPath: string,
  reason: BackupReason,
  keep: number,
  onProgress?: (done: number, total: number) => void,
  nativeBinding?: string,
): Promise<BackupInfo> {
  const target = nextBackupPath(dbPath, reason);
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
export function createBackupNow(source: Database.Database, dbPath: string, reason: BackupReason, keep: number, nativeBinding?: string): BackupInfo {
  const target = nextBackupPath(dbPath, reason);
  try {
    source.exec(`VACUUM INTO '${target.partial.replaceAll("'", "''")}'`);
  } catch (err) {
    rmSync(target.partial, { force: true });
    throw err;
  }
  return finishBackup(dbPath, target, keep, nativeBinding);
}

export function backupPath(dbPath: string, name: string): string {
  if (!NAME.test(name)) throw new Error(`"${name}" is not a backup name`);
  return join(backupDir(dbPath), name);
}
