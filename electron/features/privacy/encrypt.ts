import { constants, copyFileSync, renameSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { backupDir, backupPath, encryptedCopy, finishBackup, fsyncPath, listBackups, nextBackupPath, verifyDatabaseFile } from '../../db/backups';
import { fileState, openConnection, rewrap, type DatabaseKey, type Db, type OpenOptions } from '../../db/connection';
import { AppError } from '../../errors';
import type { JobControl } from '../../jobs/registry';

/** The privacy feature's worker tasks (listed in electron/jobs/tasks.ts through ./tasks). */
export interface PrivacyTasks {
  /** The key travels in the task's arguments (worker data, in memory): the database is still plain, so no connection holds it yet. */
  'privacy.encryptCopy': { args: { key: string; keep: number; nativeBinding?: string }; result: { backup: string; file: string } };
  /** Runs once the database is encrypted: the worker's connection carries the key. */
  'privacy.encryptBackups': { args: { nativeBinding?: string }; result: number };
}
/** The app's task runner as this feature calls it (the jobs kernel lists every feature's tasks, so it is not imported here). */
export type PrivacyTaskRunner = <K extends keyof PrivacyTasks>(db: Db, name: K, args: PrivacyTasks[K]['args'], ctl: JobControl) => Promise<PrivacyTasks[K]['result']>;

/**
 * The slow part, safe beside the open app (a worker in the app): an
 * encrypted copy of the plain database (its WAL included), verified and kept
 * as a backup, then a second copy of that backup beside it, which is what
 * takes the database's place. The database itself is only read.
 */
export function encryptedCopyOf(db: Db, key: DatabaseKey, keep: number, ctl: JobControl, nativeBinding?: string): { backup: string; file: string } {
  const target = nextBackupPath(db.path, 'migration');
  encryptedCopy(db.path, target.partial, key, { nativeBinding, onProgress: (done, total) => ctl.onProgress({ phase: 'backing-up', done, total }) });
  ctl.onProgress({ phase: 'checking', done: 0, total: 1 });
  const b = finishBackup(db.path, target, keep, nativeBinding, key);
  // In the backup folder, under a partial name: a kill leaves it for the next start to remove; a rename puts it in place.
  const file = join(backupDir(db.path), `encrypting-${process.pid}.partial`);
  // A copy-on-write clone where the file system has them (APFS, Btrfs, XFS): instant; else a plain copy.
  copyFileSync(backupPath(db.path, b.name), file, constants.COPYFILE_FICLONE);
  fsyncPath(file);
  ctl.onProgress({ phase: 'checking', done: 1, total: 1 });
  return { backup: b.name, file };
}

/** Backups made while the database was plain, converted one by one (each verified before it replaces the plain one). */
export function encryptPlainBackups(dbPath: string, key: DatabaseKey, ctl: JobControl, nativeBinding?: string): number {
  const plain = listBackups(dbPath).filter((b) => fileState(backupPath(dbPath, b.name)) === 'plain');
  plain.forEach((b, i) => {
    ctl.onProgress({ phase: 'writing', done: i, total: plain.length });
    const file = backupPath(dbPath, b.name);
    const tmp = `${file}.${process.pid}.partial`;
    rmSync(tmp, { force: true });
    try {
      encryptedCopy(file, tmp, key, { nativeBinding });
      verifyDatabaseFile(tmp, nativeBinding, key);
      fsyncPath(tmp);
      renameSync(tmp, file);
    } catch (err) {
      rmSync(tmp, { force: true });
      throw err;
    }
  });
  if (plain.length) fsyncPath(backupDir(dbPath));
  return plain.length;
}

/**
 * The quick part, on the thread that owns the connection, between two
 * calls: the WAL is emptied into the plain file (so nothing is left behind
 * in it), the connection closed, the encrypted copy renamed over the
 * database (atomic: a kill leaves one whole file or the other), reopened
 * with the key.
 */
function swapIn(db: Db, file: string, key: DatabaseKey, opts: OpenOptions): void {
  const [r] = db.sqlite.pragma('wal_checkpoint(TRUNCATE)') as { busy: number }[];
  if (r?.busy) throw new AppError('busy', 'privacy:errors.otherConnection');
  db.sqlite.close();
  try {
    for (const s of ['-wal', '-shm']) rmSync(db.path + s, { force: true });
    renameSync(file, db.path);
    fsyncPath(dirname(db.path));
  } finally {
    rewrap(db, openConnection(db.path, { ...opts, key }));
  }
}

export interface EncryptOptions {
  runTask: PrivacyTaskRunner;
  keep: number;
  openOptions?: OpenOptions;
  /** True when other work has started meanwhile: its connection would still point at the old file. */
  otherWork?: () => boolean;
  attempts?: number;
}

/**
 * Converts a plain database in place, after a verified encrypted backup.
 * Writes made while the copy was taken are never lost: a second connection
 * watches the file's data version, and a copy that is no longer current is
 * thrown away and made again. The key must already be stored (a kill right
 * after the rename must not leave a file nobody can open).
 */
export async function encryptInPlace(db: Db, key: DatabaseKey, ctl: JobControl, o: EncryptOptions): Promise<{ backup: string; encryptedBackups: number }> {
  const nativeBinding = o.openOptions?.nativeBinding;
  for (let attempt = 0; attempt < (o.attempts ?? 3); attempt++) {
    const watch = openConnection(db.path, { nativeBinding });
    let file: string | null = null;
    try {
      const version = watch.pragma('data_version', { simple: true });
      const copy = await o.runTask(db, 'privacy.encryptCopy', { key, keep: o.keep, nativeBinding }, ctl);
      file = copy.file;
      if (watch.pragma('data_version', { simple: true }) !== version) continue;
      if (o.otherWork?.()) throw new AppError('conflict', 'privacy:errors.waitForWork');
      watch.close();
      swapIn(db, file, key, o.openOptions ?? {});
      file = null;
      const encryptedBackups = await o.runTask(db, 'privacy.encryptBackups', { nativeBinding }, ctl);
      return { backup: copy.backup, encryptedBackups };
    } finally {
      if (watch.open) watch.close();
      if (file) rmSync(file, { force: true });
    }
  }
  throw new AppError('conflict', 'privacy:errors.keepsChanging');
}
