import type { DocxImportResult, LiveFacts } from '../../../shared/features/dossiers/types';
import type { TaskFunctions } from '../../jobs/task-types';
import { convertDocx, readDocx } from './docx-file';
import { dossierDocx } from './docx-export';
import { importSections } from './docx-import';
import { exportModel } from './export-model';
import { bringUpToDate, type IndexOutcome } from './search-index';
import { writeWhole } from './write-file';

export interface DossiersTasks {
  /** Brings the search index up to date: a rebuild when the ICU changed or it was never built, else a catch-up. */
  'dossiers.index': { args: Record<string, never>; result: IndexOutcome };
  'dossiers.importDocx': { args: { clientId: number; path: string }; result: DocxImportResult };
  /** `facts`: today's figures for live blocks, read in the main process (null when the dossier has none). */
  'dossiers.exportDocx': { args: { clientId: number; path: string; facts: LiveFacts | null }; result: { path: string; bytes: number } };
}

export const dossiersTasks: TaskFunctions<DossiersTasks> = {
  'dossiers.index': async (db, _args, ctl) => bringUpToDate(db, ctl),
  'dossiers.importDocx': async (db, { clientId, path }, ctl) => {
    ctl.onProgress({ phase: 'reading', done: 0, total: 1 });
    const converted = await convertDocx(readDocx(path));
    ctl.onProgress({ phase: 'writing', done: 0, total: 1 });
    return importSections(db, clientId, converted.sections, converted.images, converted.warnings);
  },
  'dossiers.exportDocx': async (db, { clientId, path, facts }, ctl) => {
    ctl.onProgress({ phase: 'reading', done: 0, total: 1 });
    const bytes = await dossierDocx(exportModel(db, clientId, facts));
    writeWhole(path, bytes);
    return { path, bytes: bytes.length };
  },
};
