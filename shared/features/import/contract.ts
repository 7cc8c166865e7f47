import { z } from 'zod';
import { byId, command, empty, query } from '../../contract/define';
import { importSpec, savedMapping, type ImportLogEntry, type PickedFile, type SavedMapping, type UndoPlan } from './types';

/** What a committed import or an undo changes. */
export const IMPORTED = ['clients', 'contacts', 'purchases', 'imports'] as const;

export const importContract = {
  /** Asks for a file to import (the system dialog); null when the user closes it. */
  'imports.pickFile': query<PickedFile | null>()(empty),
  /** Starts reading a file for the wizard's preview (writes nothing) or committing it, as a job. */
  'imports.start': query<{ jobId: string }>([], { jobInvalidates: IMPORTED })(z.strictObject({ task: z.enum(['preview', 'commit']), spec: importSpec })),
  'imports.list': query<ImportLogEntry[]>(['imports'])(empty),
  /** What undo would remove, put back and keep (records and fields changed since the import): shown before it runs. */
  'imports.undoPlan': query<UndoPlan>([...IMPORTED, 'interactions', 'tasks'])(byId),
  /** Backs up, then undoes the import as a job; the plan it carried out comes with the result. */
  'imports.undo': query<{ jobId: string }>([], { jobInvalidates: IMPORTED })(byId),
  /** Asks where to save the rows the file's import would reject, then writes them there as a job; null when the dialog is closed. */
  'imports.saveRejected': query<{ jobId: string } | null>()(z.strictObject({ spec: importSpec })),
  'imports.mappings': query<SavedMapping[]>(['mappings'])(empty),
  'imports.saveMapping': command<SavedMapping[]>(['mappings'])(savedMapping),
} as const;
