import { findDuplicatePairs, type PairReason } from '../../../shared/features/accounts/matching';
import type { DuplicatePair, DuplicateSide, DuplicatesReport } from '../../../shared/features/accounts/types';
import type { Db } from '../../db/connection';
import { mergeHistory } from './merge';

const STRENGTH: Record<PairReason, number> = { taxId: 8, email: 4, name: 2, similarName: 1 };

type Found = ReturnType<typeof findDuplicatePairs>;
let memo: { sqlite: Db['sqlite']; mark: string; found: Found } | null = null;

// Pairs depend on the clients alone: a new client moves the id, an edit or an archive the change log's last
// entry about clients, a delete the count. A purchase written elsewhere only changes the counts shown.
const clientsMark = (db: Db): string =>
  (
    db.sqlite
      .prepare(
        `SELECT (SELECT COUNT(*) FROM clients) || ':' || COALESCE((SELECT MAX(id) FROM clients), 0) || ':' ||
                COALESCE((SELECT MAX(id) FROM change_log WHERE table_name = 'clients'), 0) AS m`,
      )
      .get() as { m: string }
  ).m;

/**
 * Active clients that look like one business entered twice: the same tax
 * number, the same e-mail, the same name once legal form, case and accents are
 * set aside, or a name one slip away. Strongest evidence first; each pair
 * proposes to keep the client with more history.
 */
export function findDuplicates(db: Db, input: { limit: number }): DuplicatesReport {
  const s = db.sqlite;
  const mark = clientsMark(db);
  let found: Found;
  if (memo && memo.sqlite === s && memo.mark === mark) found = memo.found;
  else {
    const records = s.prepare(`SELECT id, name, tax_id AS taxId, email FROM clients WHERE archived_at IS NULL`).all() as { id: number; name: string; taxId: string | null; email: string | null }[];
    found = findDuplicatePairs(records);
    const weight = (r: PairReason[]) => r.reduce((n, x) => n + STRENGTH[x], 0);
    found.sort((x, y) => weight(y.reasons) - weight(x.reasons) || x.a - y.a || x.b - y.b);
    memo = { sqlite: s, mark, found };
  }
  const active = (s.prepare(`SELECT COUNT(*) AS n FROM clients WHERE archived_at IS NULL`).get() as { n: number }).n;
  const shown = found.slice(0, input.limit);

  const ids = JSON.stringify([...new Set(shown.flatMap((p) => [p.a, p.b]))]);
  const sides = new Map(
    (s
      .prepare(
        `SELECT c.id, c.name, c.code, c.tax_id AS taxId, c.email, c.city, c.created_at AS createdAt,
                (SELECT COUNT(*) FROM purchases p WHERE p.client_id = c.id AND p.archived_at IS NULL) AS purchases,
                (SELECT COUNT(*) FROM contacts k WHERE k.client_id = c.id AND k.archived_at IS NULL) AS contacts,
                (SELECT COUNT(*) FROM interactions i WHERE i.client_id = c.id AND i.archived_at IS NULL) AS interactions,
                (SELECT COUNT(*) FROM tasks t WHERE t.client_id = c.id AND t.archived_at IS NULL) AS tasks
           FROM clients c WHERE c.id IN (SELECT value FROM json_each(?))`,
      )
      .all(ids) as DuplicateSide[]).map((d) => [d.id, d]),
  );
  const pairs: DuplicatePair[] = shown.map((p) => {
    const [a, b] = [sides.get(p.a)!, sides.get(p.b)!];
    // More history stays; on a tie the older record, which other files more likely name.
    const aFirst = a.purchases !== b.purchases ? a.purchases > b.purchases : a.contacts !== b.contacts ? a.contacts > b.contacts : a.id < b.id;
    const order: PairReason[] = ['taxId', 'email', 'name', 'similarName'];
    return { keep: aFirst ? a : b, merge: aFirst ? b : a, reasons: order.filter((r) => p.reasons.includes(r)) };
  });
  return { pairs, more: found.length - shown.length, merges: mergeHistory(db), clients: active };
}
