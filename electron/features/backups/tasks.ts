import type { BackupEntry, BackupReason } from '../../../shared/features/backups/types';
import { createBackup } from '../../db/backups';
import type { TaskFunctions } from '../../jobs/task-types';
import { prepareRestore } from './service';

export interface BackupTasks {
  'backup.create': { args: { reason: BackupReason; keep: number; nativeBinding?: string }; result: BackupEntry };
  'backup.prepareRestore': { args: { name: string; migrationsFolder: string; nativeBinding?: string }; result: { file: string } };
}

export const backupTasks: TaskFunctions<BackupTasks> = {
  'backup.create': (db, { reason, keep, nativeBinding }, ctl) =>
    createBackup(db.sqlite, db.path, reason, keep, (done, total) => ctl.onProgress({ phase: 'backing-up', done, total }), nativeBinding),
  'backup.prepareRestore': async (db, args, ctl) => {
    ctl.onProgress({ phase: 'restoring', done: 0, total: 1 });
    return prepareRestore(db.path, args.name, args.migrationsFolder, args.nativeBinding, db.key);
  },
};
