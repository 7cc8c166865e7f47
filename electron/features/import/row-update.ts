import type { FieldValue } from '../../../shared/features/import/convert';
import type { Db } from '../../db/connection';
import { IMPORT_COLUMNS, importValues, type ImportTable, type ImportWriters } from './repository';
import type { RunOptions } from './row-types';

/**
 * Fills an existing client or contact from a file row: only cells with a
 * value count (an empty cell never blanks out what is stored), the old
 * values are kept for undo, and a row that changes nothing is "unchanged".
 */
export function updateFromRow(db: Db, table: ImportTable, id: number, values: Record<string, FieldValue>, writers: ImportWriters | null, opts: RunOptions, write: boolean): 'update' | 'unchanged' {
  const before = importValues(db, table, id);
  const after = { ...before };
  for (const [f] of IMPORT_COLUMNS[table]) if (values[f] !== undefined && values[f] !== null) after[f] = values[f];
  if (IMPORT_COLUMNS[table].every(([f]) => after[f] === before[f])) return 'unchanged';
  if (write && writers && opts.importId !== null) {
    writers.change(opts.importId, table, id, before, after);
    writers.update(table, id, after);
  }
  return 'update';
}
