import { copyFileSync, renameSync } from 'node:fs';
import { listBackups, backupPath, verifyDatabaseFile } from '../db/backups';
import type { Db } from '../db/connection';
import { openDatabase, type MigrateOptions } from '../db/migrate';
import { DatabaseOpenError } from '../db/open-checks';

export interface RecoverDialogs {
  /** Shows the problem and the choices; returns the index of the button pressed. */
  ask(title: string, message: string, detail: string, buttons: string[]): number;
  /** The app can ask for the passphrase or recovery key (the unlock window): offered when the key is missing or wrong. */
  canUnlock?: boolean;
}

const KEY_PROBLEMS = new Set(['needs_key', 'wrong_key']);

/**
 * Opens the database, or says plainly why it cannot: a damaged file is
 * offered the newest backup (the damaged file is kept aside, never deleted);
 * a newer or read-only file is explained; a key that is missing or does not
 * open the file is offered the unlock window ('unlock'), and the newest
 * backup too, since an unreadable first page looks the same as a wrong key.
 * Returns null when the app should quit.
 */
export function openOrRecover(path: string, migrationsFolder: string, opts: MigrateOptions, ui: RecoverDialogs): Db | null | 'unlock' {
  for (;;) {
    try {
      return openDatabase(path, migrationsFolder, opts);
    } catch (err) {
      if (!(err instanceof DatabaseOpenError)) {
        ui.ask('Rapport cannot open its database', (err as Error).message ?? String(err), path, ['Quit']);
        return null;
      }
      const keyProblem = KEY_PROBLEMS.has(err.code);
      const unlock = keyProblem && ui.canUnlock ? ['Unlock with the passphrase or recovery key'] : [];
      const newest = err.code === 'damaged' || keyProblem ? listBackups(path)[0] : undefined;
      if (!newest) {
        const detail = err.code === 'damaged' ? 'There is no backup to restore. The file was left as it was.' : 'The file was left as it was.';
        const choice = ui.ask('Rapport cannot open its database', err.message, detail, [...unlock, 'Quit']);
        return unlock.length && choice === 0 ? 'unlock' : null;
      }
      const choice = ui.ask(
        'Rapport cannot open its database',
        err.message,
        `The newest backup is from ${newest.createdAt.slice(0, 16).replace('T', ' ')} (${newest.reason}). Restoring it keeps the current file beside it as ${path}.damaged-${newest.seq}.`,
        [...unlock, 'Restore the newest backup', 'Quit'],
      );
      if (unlock.length && choice === 0) return 'unlock';
      if (choice !== unlock.length) return null;
      const source = backupPath(path, newest.name);
      try {
        verifyDatabaseFile(source, opts.nativeBinding, opts.key);
      } catch (e) {
        ui.ask('Rapport cannot open its database', `The newest backup cannot be opened either (${(e as Error).message}).`, 'Nothing was changed.', ['Quit']);
        return null;
      }
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
