import { statSync } from 'node:fs';
import { basename } from 'node:path';
import { IMPORTED, type importContract } from '../../../shared/features/import/contract';
import type { ImportJobOutcome, PickedFile } from '../../../shared/features/import/types';
import type { AppContext } from '../../context';
import type { Db } from '../../db/connection';
import { AppError } from '../../errors';
import type { HandlersOf } from '../../handler-types';
import type { JobControl } from '../../jobs/registry';
import { backupsToKeep } from '../backups';
import { listImports, saveMapping, savedMappings, undoPlan } from './service';

function pickedFile(path: string): PickedFile {
  return { path, name: basename(path), size: statSync(path).size };
}

export function importHandlers(ctx: AppContext): HandlersOf<typeof importContract> {
  const { jobs, runTask } = ctx;
  const backupFirst = (db: Db) => (ctx.backups ? { keep: backupsToKeep(db), nativeBinding: ctx.openOptions?.nativeBinding } : null);
  // Only files the user picked in the dialog can be read: a renderer that asks for any other path gets nothing.
  const picked = new Set<string>();
  return {
    'imports.pickFile': async () => {
      const path = await ctx.platform.chooseImportFile();
      if (!path) return null;
      picked.add(path);
      return pickedFile(path);
    },
    'imports.start': (db, input) => {
      if (!picked.has(input.spec.path)) throw new AppError('forbidden', 'import:errors.chooseFirst');
      const spec = input.spec;
      const run = async (ctl: JobControl): Promise<ImportJobOutcome> =>
        input.task === 'preview'
          ? { task: 'preview', preview: await runTask(db, 'import.preview', { spec }, ctl) }
          : { task: 'commit', result: (await runTask(db, 'import.commit', { spec, backup: backupFirst(db), nativeBinding: ctx.openOptions?.nativeBinding }, ctl)).result };
      return { jobId: jobs.start(run, 'import', input.task === 'commit' ? IMPORTED : []) };
    },
    'imports.saveRejected': async (db, input) => {
      if (!picked.has(input.spec.path)) throw new AppError('forbidden', 'import:errors.chooseFirst');
      const base = basename(input.spec.path).replace(/\.[^.]*$/, '');
      const out = await ctx.platform.chooseSavePath(`${base}-rejected.csv`);
      if (!out) return null;
      const run = async (ctl: JobControl): Promise<ImportJobOutcome> => ({ task: 'rejected', ...(await runTask(db, 'import.rejected', { spec: input.spec, out }, ctl)) });
      return { jobId: jobs.start(run, 'import') };
    },
    'imports.list': (db) => listImports(db),
    'imports.undoPlan': (db, input) => undoPlan(db, input.id),
    'imports.undo': (db, input) => {
      undoPlan(db, input.id); // refuses an unknown or already undone import now, not in the job
      const run = async (ctl: JobControl): Promise<ImportJobOutcome> => ({ task: 'undo', ...(await runTask(db, 'import.undo', { importId: input.id, backup: backupFirst(db) }, ctl)) });
      return { jobId: jobs.start(run, 'undo', IMPORTED) };
    },
    'imports.mappings': (db) => savedMappings(db),
    'imports.saveMapping': (db, input) => saveMapping(db, input),
  };
}
