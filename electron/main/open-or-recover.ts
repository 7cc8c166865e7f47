import { copyFileSync, renameSync } from 'node:fs';
import { listBackups, backupPath, verifyDatabaseFile } from '../db/backups';
import type { Db } from '../db/connection';
import { openDatabase, type MigrateOptions } from '../db/migrate';
import { DatabaseOpenError } from '../db/open-checks';

export interface RecoverDialogs {
  /** Shows the problem and the choices; returns the index of the button pressed. */
  ask(title: string, message: string, detail: string, buttons: string[]): number;
}

/**
 * Opens the database, or says plainly why it cannot: a damaged file is
 * offered the newest backup (the damaged file is kept aside, never deleted);
 * a newer or read-only file is explained. Returns null when the app should quit.
 */
export function openOrRecover(path: string, migrationsFolder: string, opts: MigrateOptions, ui: RecoverDialogs): Db | null {
  for (;;) {
    try {
      return openDatabase(path, migrationsFolder, opts);
    } catch (err) {
      if (!(err instanceof DatabaseOpenError)) {
        ui.ask('Rapport cannot open its database', (err as Error).message ?? String(err), path, ['Quit']);
        return null;
      }
      const newest = err.code === 'damaged' ? listBackups(path)[0] : undefined;
      if (!newest) {
        ui.ask('Rapport cannot open its database', err.message, err.code === 'damaged' ? 'There is no backup to restore. The file was left as it was.' : 'The file was left as it was.', ['Quit']);
        return null;
      }
      const choice = ui.ask(
        'Rapport cannot open its database',
        err.message,
        `The newest backup is from ${newest.createdAt.slice(0, 16).replace('T', ' ')} (${newest.reason}). Restoring it keeps the damaged file beside it as ${path}.damaged-${newest.seq}.`,
        ['Restore the newest backup', 'Quit'],
      );
      if (choice !== 0) return null;
      const source = backupPath(path, newest.name);
      verifyDatabaseFile(source, opts.nativeBinding);
      renameSync(path, `${path}.damaged-${newest.seq}`);
      for (const s of ['-wal', '-shm']) {
        try {
          renameSync(path + s, `${path}.damaged-${newest.seq}${s}`);
        } catch {
          // no such file: nothing to keep aside
        }
      }
      copyFileSync(source, path);
    }
  }
}
