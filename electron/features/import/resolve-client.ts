import type { FieldValue } from '../../../shared/features/import/convert';
import { message, type Message } from '../../../shared/i18n/messages';
import type { Db } from '../../db/connection';
import { clientIndex } from './client-index';
import type { PurchaseSink, RunOptions } from './row-types';

/** Whether a code-like key ("00042", "C-17") should become the new client's code rather than its name. */
const CODE_LIKE = /^[\p{L}]{0,4}[-_./]?\d[\w\-./]*$/u;

export const UNKNOWN_CLIENT = message('import:reasons.unknownClient');

export type ClientRef = { id: number | undefined; known: boolean; key: string } | { rejected: Message };

/**
 * The client a line of a purchases or contacts file belongs to, by its key;
 * unknown keys become new clients (when writing and allowed) or a rejection.
 */
export function clientResolver(db: Db, opts: RunOptions, writers: Pick<PurchaseSink, 'client'> | null) {
  const index = clientIndex(db);
  const unknown = new Set<string>();
  let created = 0;
  // A file names the same clients over and over: each key is looked up (or created) once, on its first line.
  const refs = new Map<string, ClientRef>();
  return {
    counts: () => ({ clientsCreated: opts.write ? created : opts.createClients ? unknown.size : 0, unknownClients: unknown.size }),
    /** `write` is the same on every call of one pass (the pass's own), so a key's answer never changes within it. */
    resolve(keyValue: FieldValue, nameValue: FieldValue, write: boolean): ClientRef {
      const key = String(keyValue).trim();
      const hit = refs.get(key);
      if (hit) return hit;
      let ref: ClientRef;
      const id = index.find(key);
      if (id !== undefined) ref = { id, known: true, key };
      else {
        unknown.add(key);
        if (!opts.createClients) ref = { rejected: UNKNOWN_CLIENT };
        else if (!write || !writers || opts.importId === null) ref = { id: undefined, known: false, key };
        else {
          const name = typeof nameValue === 'string' ? nameValue : key;
          created++;
          ref = { id: writers.client({ code: CODE_LIKE.test(key) || nameValue ? key : null, name }, opts.importId), known: false, key };
        }
      }
      refs.set(key, ref);
      return ref;
    },
  };
}
