import type { BackupEntry, BackupReason } from '../../shared/backups';
import type { ImportPreview, ImportResult, ImportSpec, UndoPlan, UndoResult } from '../../shared/import/types';
import type { Db } from '../db/connection';
import { createBackup } from '../db/backups';
import { commitImport, loadTable, previewImport, undoImport } from '../services/import/service';
import { prepareRestore } from '../services/backups';
import { applyMapOverrides } from '../services/import/overrides';
import { getSettings } from '../services/settings';
import type { JobControl } from './registry';

/** A backup to make before the work starts; null when the caller asked for none (tests, a restore's own copy). */
export type BackupFirst = { keep: number; nativeBinding?: string } | null;

/**
 * Long work that can run in a worker thread with its own connection. Each
 * entry's arguments and result are plain data, so the same call runs in this
 * thread (CLI, tests) or in a worker (the app) with one meaning.
 */
export interface TaskMap {
  'import.preview': { args: { spec: ImportSpec }; result: ImportPreview };
  /** `map`: header=field choices applied over the guessed mapping (the CLI's --map). */
  'import.commit': { args: { spec: ImportSpec; backup: BackupFirst; map?: string[] }; result: { result: ImportResult; backup: string | null } };
  'import.undo': { args: { importId: number; backup: BackupFirst }; result: { result: UndoResult; plan: UndoPlan; backup: string | null } };
  'backup.create': { args: { reason: BackupReason; keep: number; nativeBinding?: string }; result: BackupEntry };
  'backup.prepareRestore': { args: { name: string; migrationsFolder: string; nativeBinding?: string }; result: { file: string } };
}
export type TaskName = keyof TaskMap;
export type TaskArgs<K extends TaskName> = TaskMap[K]['args'];
export type TaskResult<K extends TaskName> = TaskMap[K]['result'];

async function backupFirst(db: Db, reason: BackupReason, req: BackupFirst, ctl: JobControl): Promise<string | null> {
  if (!req) return null;
  const b = await createBackup(db.sqlite, db.path, reason, req.keep, (done, total) => ctl.onProgress({ phase: 'backing-up', done, total }), req.nativeBinding);
  return b.name;
}

export const TASKS: { [K in TaskName]: (db: Db, args: TaskArgs<K>, ctl: JobControl) => Promise<TaskResult<K>> } = {
  'import.preview': async (db, { spec }, ctl) => previewImport(db, await loadTable(db, spec), spec, ctl),
  'import.commit': async (db, { spec, backup, map }, ctl) => {
    const table = await loadTable(db, spec);
    const resolved = applyMapOverrides(table, spec, getSettings(db).locale, map ?? []);
    const name = await backupFirst(db, 'import', backup, ctl);
    return { result: commitImport(db, table, resolved, ctl), backup: name };
  },
  'import.undo': async (db, { importId, backup }, ctl) => {
    const name = await backupFirst(db, 'undo', backup, ctl);
    ctl.onProgress({ phase: 'writing', done: 0, total: 1 });
    const { plan, ...result } = undoImport(db, importId, { withPlan: true });
    return { result, plan: plan!, backup: name };
  },
  'backup.create': (db, { reason, keep, nativeBinding }, ctl) =>
    createBackup(db.sqlite, db.path, reason, keep, (done, total) => ctl.onProgress({ phase: 'backing-up', done, total }), nativeBinding),
  'backup.prepareRestore': async (db, args, ctl) => {
    ctl.onProgress({ phase: 'restoring', done: 0, total: 1 });
    return prepareRestore(db.path, args.name, args.migrationsFolder, args.nativeBinding);
  },
};

export type TaskRunner = <K extends TaskName>(db: Db, name: K, args: TaskArgs<K>, ctl: JobControl) => Promise<TaskResult<K>>;

/** The same work in this thread: the CLI, and tests of the handlers. */
export const runTaskHere: TaskRunner = (db, name, args, ctl) => TASKS[name](db, args, ctl);
