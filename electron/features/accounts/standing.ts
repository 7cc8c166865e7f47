import { toIsoDate } from '../../../shared/kernel/dates';
import { unpackReport } from '../../../shared/features/analytics';
import type { ClientStanding, KeyReasonInfo } from '../../../shared/features/accounts/types';
import type { Db } from '../../db/connection';
import { analyticsCall } from '../analytics';

type Standing = Omit<ClientStanding, 'id' | 'nextTask'>;
/** What the analytics host needs: the app's task runner (the AppContext fits). */
export type StandingContext = Parameters<typeof analyticsCall>[1];

export const NO_STANDING: Standing = { abc: null, band: null, share: 0, keyReasons: [] };

let memo: { sqlite: Db['sqlite']; key: string; value: Promise<Map<number, Standing>> } | null = null;

// Where the data the classes come from stands, without a clock: new rows move the ids, edits the change log,
// hard deletes the epoch; the thresholds live with the analytics' settings.
const dataKey = (db: Db): string => {
  const m = db.sqlite
    .prepare(
      `SELECT COALESCE((SELECT MAX(id) FROM purchases), 0) || ':' || COALESCE((SELECT MAX(id) FROM clients), 0) || ':' ||
              COALESCE((SELECT MAX(id) FROM change_log), 0) || ':' || COALESCE((SELECT deletes FROM analytics_epoch WHERE id = 1), 0) || ':' ||
              COALESCE((SELECT group_concat(key || '=' || value, ';') FROM settings WHERE key LIKE 'analytics%'), '') AS k`,
    )
    .get() as { k: string };
  return m.k;
};

/**
 * Class, risk band, share and key-account reasons of every client in the
 * company's last twelve months up to `asOf`, as the Key accounts screen
 * computes them: by the analytics host, off the main process (the first
 * computation over a million lines takes seconds). Memoised on where the data
 * stands, so the client page and the grid ask for it as often as they like.
 */
export function standings(db: Db, ctx: StandingContext, asOf: string = toIsoDate(new Date())): Promise<Map<number, Standing>> {
  const key = `${asOf}|${dataKey(db)}`;
  if (memo && memo.sqlite === db.sqlite && memo.key === key) return memo.value;
  const input = { asOf, scope: { kind: 'company' as const } };
  const value = Promise.all([analyticsCall(db, ctx, 'report', input), analyticsCall(db, ctx, 'accounts', input)]).then(([packed, accounts]) => {
    const out = new Map<number, Standing>();
    for (const row of unpackReport(packed).rows) out.set(row.id, { abc: row.abc, band: row.band, share: row.share, keyReasons: [] });
    for (const a of accounts.keyAccounts) {
      const reasons: KeyReasonInfo[] = a.reasons.map((r) => ({ kind: r.kind, ...(r.share !== undefined ? { share: r.share } : {}), ...(r.of !== undefined && r.kind !== 'company' ? { of: r.of } : {}) }));
      out.set(a.id, { ...(out.get(a.id) ?? NO_STANDING), keyReasons: reasons });
    }
    return out;
  });
  memo = { sqlite: db.sqlite, key, value };
  // A failure is not remembered: the next ask tries again.
  value.catch(() => memo?.value === value && (memo = null));
  return value;
}

/** Each client's first open task (earliest due date), in one pass over the task index. */
export function nextTasks(db: Db, clientId?: number): Map<number, { id: number; title: string; dueDate: string }> {
  const rows = db.sqlite
    .prepare(
      `SELECT t.client_id AS clientId, t.id, t.title, t.due_date AS dueDate FROM tasks t
        WHERE t.done_at IS NULL AND t.archived_at IS NULL ${clientId === undefined ? '' : 'AND t.client_id = @clientId'}
        ORDER BY t.client_id, t.due_date, t.id`,
    )
    .all(clientId === undefined ? {} : { clientId }) as { clientId: number; id: number; title: string; dueDate: string }[];
  const out = new Map<number, { id: number; title: string; dueDate: string }>();
  for (const r of rows) if (!out.has(r.clientId)) out.set(r.clientId, { id: r.id, title: r.title, dueDate: r.dueDate });
  return out;
}

/** The clients grid's extra columns: one entry per client that has a class, a reason or an open task. */
export async function clientStandings(db: Db, ctx: StandingContext, input: { asOf?: string }): Promise<ClientStanding[]> {
  const tasks = nextTasks(db);
  const all = await standings(db, ctx, input.asOf);
  const ids = new Set([...all.keys(), ...tasks.keys()]);
  return [...ids].sort((a, b) => a - b).map((id) => ({ id, ...(all.get(id) ?? NO_STANDING), nextTask: tasks.get(id) ?? null }));
}
