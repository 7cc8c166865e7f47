import type { FieldValue } from '../../../shared/features/import/convert';
import { message, type Message } from '../../../shared/i18n/messages';
import type { Db } from '../../db/connection';
import { importWriters } from './repository';
import { clientIndex } from './client-index';
import type { RunOptions } from './row-types';

/** Whether a code-like key ("00042", "C-17") should become the new client's code rather than its name. */
const CODE_LIKE = /^[\p{L}]{0,4}[-_./]?\d[\w\-./]*$/u;

export const UNKNOWN_CLIENT = message('import:reasons.unknownClient');

export type ClientRef = { id: number | undefined; known: boolean; key: string } | { rejected: Message };

/**
 * The client a line of a purchases or contacts file belongs to, by its key;
 * unknown keys become new clients (when writing and allowed) or a rejection.
 */
export function clientResolver(db: Db, opts: RunOptions, writers: ReturnType<typeof importWriters> | null) {
  const index = clientIndex(db);
  const created = new Map<string, number>();
  const unknown = new Set<string>();
  return {
    counts: () => ({ clientsCreated: opts.write ? created.size : opts.createClients ? unknown.size : 0, unknownClients: unknown.size }),
    resolve(keyValue: FieldValue, nameValue: FieldValue, write: boolean): ClientRef {
      const key = String(keyValue).trim();
      // Lines of a client this import creates skip the index (four misses a row otherwise).
      const made = created.get(key);
      if (made !== undefined) return { id: made, known: false, key };
      const id = index.find(key);
      if (id !== undefined) return { id, known: true, key };
      unknown.add(key);
      if (!opts.createClients) return { rejected: UNKNOWN_CLIENT };
      if (!write || !writers || opts.importId === null) return { id: undefined, known: false, key };
      const name = typeof nameValue === 'string' ? nameValue : key;
      const newId = writers.client({ code: CODE_LIKE.test(key) || nameValue ? key : null, name }, opts.importId);
      created.set(key, newId);
      return { id: newId, known: false, key };
    },
  };
}
