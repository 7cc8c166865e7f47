import type { backupsContract } from '../../../shared/features/backups/contract';
import type { AppContext } from '../../context';
import type { Db } from '../../db/connection';
import { AppError } from '../../errors';
import type { HandlersOf } from '../../handler-types';
import { backupList, backupsToKeep, setBackupsToKeep, swapInRestored } from './service';

export function backupsHandlers(ctx: AppContext): HandlersOf<typeof backupsContract> {
  const { jobs, runTask } = ctx;
  const nativeBinding = ctx.openOptions?.nativeBinding;
  const startBackup = (db: Db) =>
    jobs.start(async (ctl) => ({ task: 'backup' as const, backup: await runTask(db, 'backup.create', { reason: 'manual', keep: backupsToKeep(db), nativeBinding }, ctl) }), 'backup', ['backups']);
  return {
    'backups.list': (db) => backupList(db),
    'backups.setKeep': (db, input) => (setBackupsToKeep(db, input.keep), backupList(db)),
    'backups.backUp': (db) => ({ jobId: startBackup(db) }),
    'backups.restoreFrom': (db, input) => {
      if (jobs.active().length) throw new AppError('conflict', 'backups:errors.waitForWork');
      if (!ctx.migrationsFolder) throw new AppError('forbidden', 'backups:errors.notHere');
      const migrationsFolder = ctx.migrationsFolder;
      return {
        jobId: jobs.start(async (ctl) => {
          const prepared = await runTask(db, 'backup.prepareRestore', { name: input.name, migrationsFolder, nativeBinding }, ctl);
          const aside = await runTask(db, 'backup.create', { reason: 'before-restore', keep: backupsToKeep(db) + 1, nativeBinding }, ctl);
          swapInRestored(db, prepared.file, ctx.openOptions);
          return { task: 'restore' as const, restored: input.name, keptAside: aside.name };
        }, 'restore', '*'),
      };
    },
  };
}
