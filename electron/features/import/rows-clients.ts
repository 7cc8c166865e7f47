import type { ConvertedRow } from '../../../shared/features/import/convert';
import { message } from '../../../shared/i18n/messages';
import type { Db } from '../../db/connection';
import { importWriters, type ImportValues } from './repository';
import { updateFromRow } from './row-update';
import { clientIndex } from './client-index';
import type { RowHandler, RunOptions } from './row-types';

/**
 * A clients file adds new clients and fills in existing ones (matched by
 * code, tax id, e-mail or name). Empty cells never blank out stored values.
 */
export function clientRowHandler(db: Db, opts: RunOptions): RowHandler {
  const index = clientIndex(db);
  const writers = opts.write ? importWriters(db) : null;
  const seen = new Map<number | string, number>();
  let added = 0;
  return {
    counts: () => ({ clientsCreated: added, unknownClients: 0 }),
    handle(row: ConvertedRow, write: boolean) {
      const v = row.values as ImportValues;
      const existingId = index.match(v);
      const identity = existingId ?? `new:${v.code ?? v.taxId ?? v.email ?? v.name}`;
      const first = seen.get(identity);
      if (first !== undefined) return { action: 'reject', reason: message('import:reasons.sameClient', { line: first }) };
      seen.set(identity, row.line);
      if (existingId !== undefined) return { action: updateFromRow(db, 'clients', existingId, row.values, writers, opts, write) };
      added++;
      // Not added to the index: a later row for the same new client is refused above, in preview and commit alike.
      if (write && writers && opts.importId !== null) writers.client(v, opts.importId);
      return { action: 'add' };
    },
  };
}
