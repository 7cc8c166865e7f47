import type { ImportPreview, ImportResult, ImportSpec, UndoPlan, UndoResult } from '../../../shared/features/import/types';
import type { Db } from '../../db/connection';
import { createBackup } from '../../db/backups';
import type { JobControl } from '../../jobs/registry';
import type { BackupFirst, TaskFunctions } from '../../jobs/task-types';
import { getSettings } from '../settings';
import { applyMapOverrides } from './overrides';
import { commitImport, loadTable, previewImport, undoImport } from './service';

export interface ImportTasks {
  'import.preview': { args: { spec: ImportSpec }; result: ImportPreview };
  /** `map`: header=field choices applied over the guessed mapping (the CLI's --map). */
  'import.commit': { args: { spec: ImportSpec; backup: BackupFirst; map?: string[] }; result: { result: ImportResult; backup: string | null } };
  'import.undo': { args: { importId: number; backup: BackupFirst }; result: { result: UndoResult; plan: UndoPlan; backup: string | null } };
}

async function backupFirst(db: Db, reason: 'import' | 'undo', req: BackupFirst, ctl: JobControl): Promise<string | null> {
  if (!req) return null;
  const b = await createBackup(db.sqlite, db.path, reason, req.keep, (done, total) => ctl.onProgress({ phase: 'backing-up', done, total }), req.nativeBinding);
  return b.name;
}

export const importTasks: TaskFunctions<ImportTasks> = {
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
    return { result, plan, backup: name };
  },
};
