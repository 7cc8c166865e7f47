import { isPortraitKey } from '../../../shared/features/import/fields';
import type { Db } from '../../db/connection';
import { IMPORT_COLUMNS, importValues, type ImportTable, type ImportValues, type ImportWriters } from './repository';
import type { RunOptions } from './row-types';

/** Two stored values are the same when they read the same: a portrait's list compares by its items. */
export const sameValue = (a: unknown, b: unknown): boolean => {
  const x = a ?? null;
  const y = b ?? null;
  return x === y || (typeof x === 'object' && typeof y === 'object' && JSON.stringify(x) === JSON.stringify(y));
};

/**
 * Fills an existing client or contact from a file row: only cells with a
 * value count (an empty cell never blanks out what is stored), the old
 * values are kept for undo, and a row that changes nothing is "unchanged".
 * A client's portrait fields count as fields of their own.
 */
export function updateFromRow(db: Db, table: ImportTable, id: number, values: ImportValues, writers: ImportWriters | null, opts: RunOptions, write: boolean): 'update' | 'unchanged' {
  const before = importValues(db, table, id) ?? {};
  const after = { ...before };
  const fields = [...IMPORT_COLUMNS[table].map(([f]) => f as string), ...(table === 'clients' ? Object.keys(values).filter(isPortraitKey) : [])];
  for (const f of fields) if (values[f] !== undefined && values[f] !== null) after[f] = values[f];
  if (fields.every((f) => sameValue(after[f], before[f]))) return 'unchanged';
  if (write && writers && opts.importId !== null) {
    writers.change(opts.importId, table, id, before, after);
    writers.update(table, id, after);
  }
  return 'update';
}
