import type { ConvertedRow } from '../../../shared/features/import/convert';
import { message } from '../../../shared/i18n/messages';
import type { Db } from '../../db/connection';
import { clientTypeOf, importWriters, type ImportValues } from './repository';
import { updateFromRow } from './row-update';
import { clientIndex } from './client-index';
import { clientRefs } from './client-refs';
import { portraitReader } from './portrait';
import type { RowHandler, RunOptions } from './row-types';

const KEYS_DISAGREE = message('import:reasons.keysDisagree');

/**
 * A clients file adds new clients and fills in existing ones (matched by
 * tax id, code, e-mail or name). Empty cells never blank out stored values;
 * manager, type and status are read from words (client-refs.ts), portrait
 * fields by the kind they have in the client's type (portrait.ts).
 */
export function clientRowHandler(db: Db, opts: RunOptions, _expected = 0, mapping: readonly (string | null)[] = []): RowHandler {
  const index = clientIndex(db);
  const column = (f: 'manager' | 'type' | 'status') => (mapping.indexOf(f) >= 0 ? mapping.indexOf(f) : undefined);
  const refs = clientRefs(db, { manager: column('manager'), type: column('type'), status: column('status') });
  const portrait = portraitReader(db, mapping);
  const writers = opts.write ? importWriters(db) : null;
  const seen = new Map<number | string, number>();
  let added = 0;
  return {
    counts: () => ({ clientsCreated: added, unknownClients: 0 }),
    handle(row: ConvertedRow, write: boolean) {
      const leftOut = refs(row);
      const v = row.values as ImportValues;
      if (index.conflicting(v)) return { action: 'reject', reason: KEYS_DISAGREE };
      const existingId = index.match(v);
      const identity = existingId ?? `new:${v.code ?? v.taxId ?? v.email ?? v.name}`;
      const first = seen.get(identity);
      if (first !== undefined) return { action: 'reject', reason: message('import:reasons.sameClient', { line: first }) };
      seen.set(identity, row.line);
      // The type the file gives, else the one the client has: its portrait fields are the ones it may hold.
      const typeId = () => (typeof v.typeId === 'number' ? v.typeId : existingId !== undefined ? clientTypeOf(db, existingId) : null);
      const portraitLeftOut = portrait ? portrait(row, typeId()) : false;
      if (existingId !== undefined) return { action: updateFromRow(db, 'clients', existingId, v, writers, opts, write), leftOut: leftOut || portraitLeftOut };
      added++;
      // Not added to the index: a later row for the same new client is refused above, in preview and commit alike.
      if (write && writers && opts.importId !== null) writers.client(v, opts.importId);
      return { action: 'add', leftOut: leftOut || portraitLeftOut };
    },
  };
}
