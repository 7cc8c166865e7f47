import type { ImportPreview, ImportResult, ImportSpec, UndoPlan, UndoResult } from '../../../shared/features/import/types';
import type { Db } from '../../db/connection';
import { createBackup } from '../../db/backups';
import type { JobControl } from '../../jobs/registry';
import type { BackupFirst, TaskFunctions } from '../../jobs/task-types';
import { getSettings } from '../settings';
import { applyMapOverrides } from './overrides';
import type { ImportSummary } from '../../../shared/features/import/types';
import { commitInParallel, produce, readerRunner, wantsParallel, type ProduceArgs } from './parallel';
import { portraitFieldsOf } from './portrait';
import { recallMapping } from './remembered';
import { saveRejectedRows } from './rejected';
import { commitImport, loadTable, previewImport, undoImport } from './service';
import { withTable } from './table-source';

export interface ImportTasks {
  'import.preview': { args: { spec: ImportSpec }; result: ImportPreview };
  /** `map`: header=field choices applied over the guessed mapping (the CLI's --map). */
  /**
   * `nativeBinding`: the SQLite build this worker was started with, for the
   * second thread a large purchases file is read on (see parallel.ts).
   */
  'import.commit': { args: { spec: ImportSpec; backup: BackupFirst; map?: string[]; nativeBinding?: string }; result: { result: ImportResult; backup: string | null } };
  /** The reading half of a large purchases import; what it hands over arrives as progress. */
  'import.produce': { args: ProduceArgs; result: ImportSummary };
  'import.rejected': { args: { spec: ImportSpec; out: string }; result: { path: string; rows: number } };
  'import.undo': { args: { importId: number; backup: BackupFirst }; result: { result: UndoResult; plan: UndoPlan; backup: string | null } };
}

async function backupFirst(db: Db, reason: 'import' | 'undo', req: BackupFirst, ctl: JobControl): Promise<string | null> {
  if (!req) return null;
  const b = await createBackup(db.sqlite, db.path, reason, req.keep, (done, total) => ctl.onProgress({ phase: 'backing-up', done, total }), req.nativeBinding);
  return b.name;
}

export const importTasks: TaskFunctions<ImportTasks> = {
  'import.preview': async (db, { spec }, ctl) => {
    return withTable(loadTable(db, spec), (table) => {
      const recalled = recallMapping(db, table, spec);
      return previewImport(db, table, recalled.spec, ctl, recalled.remembered);
    });
  },
  'import.commit': async (db, { spec, backup, map, nativeBinding }, ctl) => {
    const reader = wantsParallel(spec) ? readerRunner(nativeBinding ?? backup?.nativeBinding) : null;
    if (reader) {
      const name = await backupFirst(db, 'import', backup, ctl);
      return { result: await commitInParallel(db, spec, map ?? [], ctl, reader), backup: name };
    }
    return withTable(loadTable(db, spec), async (table) => {
      const resolved = applyMapOverrides(table, recallMapping(db, table, spec).spec, getSettings(db).locale, map ?? [], portraitFieldsOf(db, spec.kind));
      const name = await backupFirst(db, 'import', backup, ctl);
      return { result: commitImport(db, table, resolved, ctl), backup: name };
    });
  },
  'import.produce': async (db, args, ctl) => withTable(loadTable(db, args.spec), (table) => produce(db, table, args, ctl)),
  'import.rejected': async (db, { spec, out }, ctl) =>
    withTable(loadTable(db, spec), (table) => saveRejectedRows(db, table, recallMapping(db, table, spec).spec, out, ctl)),
  'import.undo': async (db, { importId, backup }, ctl) => {
    const name = await backupFirst(db, 'undo', backup, ctl);
    ctl.onProgress({ phase: 'writing', done: 0, total: 1 });
    const { plan, ...result } = undoImport(db, importId, { withPlan: true });
    return { result, plan, backup: name };
  },
};
