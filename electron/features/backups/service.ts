import { renameSync, rmSync } from 'node:fs';
import type { BackupList } from '../../../shared/features/backups/types';
import { backupDir, backupPath, DEFAULT_KEEP, encryptedCopy, listBackups, verifyDatabaseFile } from '../../db/backups';
import { fileState, keyFor, openConnection, rewrap, type DatabaseKey, type Db, type OpenOptions } from '../../db/connection';
import { migrateSafely } from '../../db/migrate';
import { copyFileSync } from 'node:fs';
import { readSetting, writeSetting } from '../../db/settings-store';
import { AppError } from '../../errors';

const KEEP_KEY = 'backups.keep';

export function backupsToKeep(db: Db): number {
  return readSetting<number>(db, KEEP_KEY) ?? DEFAULT_KEEP;
}

export function setBackupsToKeep(db: Db, keep: number): void {
  writeSetting(db, KEEP_KEY, keep);
}

export function backupList(db: Db): BackupList {
  return { folder: backupDir(db.path), keep: backupsToKeep(db), backups: listBackups(db.path) };
}

/** True when no backup was made on today's date (local time): the daily one is due. */
export function dailyBackupDue(db: Db, now = new Date()): boolean {
  const today = `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`;
  return !listBackups(db.path).some((b) => {
    const d = new Date(b.createdAt);
    return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}` === today;
  });
}

const restoringPath = (dbPath: string) => `${dbPath}.restoring`;

/**
 * The slow half of a restore, safe to run beside the open app: the chosen
 * backup is copied next to the database, checked, and brought up to this
 * version's schema. The database itself is not touched.
 */
export function prepareRestore(dbPath: string, name: string, migrationsFolder: string, nativeBinding?: string, key?: DatabaseKey): { file: string } {
  let source: string;
  try {
    source = backupPath(dbPath, name);
  } catch {
    throw new AppError('not_found', 'backups:errors.noSuchBackup', { name });
  }
  if (!listBackups(dbPath).some((b) => b.name === name)) throw new AppError('not_found', 'backups:errors.noSuchBackup', { name });
  const file = restoringPath(dbPath);
  const k = keyFor({ key });
  try {
    rmSync(file, { force: true });
    // A backup made before the database was encrypted comes back encrypted: a restore never makes it plain again.
    if (k && fileState(source) === 'plain') encryptedCopy(source, file, k, { nativeBinding });
    else copyFileSync(source, file);
    verifyDatabaseFile(file, nativeBinding, k);
    migrateSafely(file, migrationsFolder, { nativeBinding, backup: false, key: k });
  } catch (err) {
    rmSync(file, { force: true });
    for (const s of ['-wal', '-shm']) rmSync(file + s, { force: true });
    if (err instanceof AppError) throw err;
    console.error(err);
    throw new AppError('damaged', 'backups:errors.cannotRestore', { name });
  }
  for (const s of ['-wal', '-shm']) rmSync(file + s, { force: true });
  return { file };
}

/**
 * The quick half, on the main process between two calls: close the
 * connection, rename the prepared copy over the database (atomic), reopen.
 * The current file was saved as a "before-restore" backup just before.
 */
export function swapInRestored(db: Db, file: string, opts: OpenOptions = {}): void {
  // The database's own key (it may have been encrypted since the app opened it), not the options it was opened with.
  const key = db.key ?? opts.key;
  db.sqlite.close();
  try {
    for (const s of ['-wal', '-shm']) rmSync(db.path + s, { force: true });
    renameSync(file, db.path);
  } finally {
    rewrap(db, openConnection(db.path, { ...opts, key }));
  }
}
