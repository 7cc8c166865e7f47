import type { z } from 'zod';
import { matchRank, searchKey } from '../../../shared/features/accounts/matching';
import type { clientOptionsInput } from '../../../shared/features/accounts/schemas';
import type { ClientOption } from '../../../shared/features/accounts/types';
import type { Db } from '../../db/connection';

// One shape for every entry (a class, not spread rows), so the per-keystroke loop over 50,000 stays tight.
class Entry {
  constructor(
    readonly id: number,
    readonly name: string,
    readonly code: string | null,
    readonly city: string | null,
    readonly archived: boolean,
    readonly nameKey: string,
    readonly codeKey: string,
  ) {}
}

interface Mark {
  n: number;
  maxId: number;
  /** The change log's last entry: every UPDATE of a client writes one (a trigger), whoever makes it. */
  logId: number;
  logFloor: number;
}

interface Index {
  mark: Mark;
  /** In the order of their folded names, so the first starts found are the answer. */
  entries: Entry[];
}

const cache = new WeakMap<Db['sqlite'], Index>();

type Row = { id: number; name: string; code: string | null; city: string | null; archived: number };
const toEntry = (r: Row) => new Entry(r.id, r.name, r.code, r.city, r.archived === 1, searchKey(r.name), r.code ? searchKey(r.code) : '');
const byKey = (a: Entry, b: Entry) => (a.nameKey < b.nameKey ? -1 : a.nameKey > b.nameKey ? 1 : a.id - b.id);
const COLUMNS = `id, name, code, city, archived_at IS NOT NULL AS archived`;

// Any insert, edit, archive or delete of a client moves one of these; subqueries, so each comes off an index.
const markOf = (db: Db): Mark =>
  db.sqlite
    .prepare(
      `SELECT (SELECT COUNT(*) FROM clients) AS n, COALESCE((SELECT MAX(id) FROM clients), 0) AS maxId,
              COALESCE((SELECT MAX(id) FROM change_log), 0) AS logId, COALESCE((SELECT MIN(id) FROM change_log), 0) AS logFloor`,
    )
    .get() as Mark;

/**
 * Every client's name folded for search (case and accents gone), kept per
 * connection: a picker asks on every keystroke, and SQL cannot ignore accents.
 * After an edit only the rows added (ids only grow) or named in the change log
 * since are read again; a delete, seen in the count, reads everything.
 */
function entries(db: Db): Entry[] {
  const mark = markOf(db);
  const hit = cache.get(db.sqlite);
  if (hit && hit.mark.n === mark.n && hit.mark.maxId === mark.maxId && hit.mark.logId === mark.logId) return hit.entries;
  let list: Entry[];
  // The log must still reach back to where this index left off (it is pruned); otherwise read everything.
  if (hit && mark.maxId >= hit.mark.maxId && mark.logId >= hit.mark.logId && (mark.logFloor === 0 || mark.logFloor <= hit.mark.logId + 1)) {
    const fresh = (
      db.sqlite
        .prepare(`SELECT ${COLUMNS} FROM clients WHERE id > @maxId OR id IN (SELECT row_id FROM change_log WHERE id > @logId AND table_name = 'clients')`)
        .all({ maxId: hit.mark.maxId, logId: hit.mark.logId }) as Row[]
    ).map(toEntry);
    const replaced = new Set(fresh.map((e) => e.id));
    list = hit.entries.filter((e) => !replaced.has(e.id)).concat(fresh);
    if (list.length !== mark.n) list = (db.sqlite.prepare(`SELECT ${COLUMNS} FROM clients`).all() as Row[]).map(toEntry);
  } else {
    list = (db.sqlite.prepare(`SELECT ${COLUMNS} FROM clients`).all() as Row[]).map(toEntry);
  }
  list.sort(byKey);
  cache.set(db.sqlite, { mark, entries: list });
  return list;
}

const option = (e: Entry): ClientOption => ({ id: e.id, name: e.name, code: e.code, city: e.city, archived: e.archived });

/**
 * A picker's matches: an exact code first, then names that start with the
 * text, then names with a word that does, then names that contain it (a code
 * that starts with it counts as a start). At most `limit`, so the list stays
 * short whatever the base.
 */
export function clientOptions(db: Db, input: z.output<typeof clientOptionsInput>): ClientOption[] {
  const all = entries(db);
  if (input.ids.length) {
    const wanted = new Set(input.ids);
    return all.filter((e) => wanted.has(e.id)).map(option);
  }
  const q = searchKey(input.search);
  const buckets: Entry[][] = [[], [], [], []];
  const exclude = input.exclude ?? -1;
  const archivedToo = input.includeArchived;
  const limit = input.limit;
  for (let i = 0; i < all.length; i++) {
    const e = all[i];
    if (e.id === exclude || (e.archived && !archivedToo)) continue;
    let rank: number | null;
    if (q && e.codeKey === q) rank = 0;
    else if (q && e.codeKey.startsWith(q)) rank = 1;
    else {
      const r = matchRank(e.nameKey, q);
      rank = r === null ? null : r + 1;
    }
    // Only the first `limit` of a rank can be shown: a short letter matches most names, and keeping them all costs more than the scan.
    if (rank === null || buckets[rank].length >= limit) continue;
    buckets[rank].push(e);
  }
  return buckets.flat().slice(0, limit).map(option);
}
