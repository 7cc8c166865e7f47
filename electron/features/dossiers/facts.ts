import type { LiveFacts } from '../../../shared/features/dossiers/types';
import { toIsoDate } from '../../../shared/kernel/dates';
import type { Db } from '../../db/connection';
import { clientSummary } from '../accounts';
import { cachedReport } from '../analytics';

/**
 * The account's current figures for a live-facts block: revenue and share
 * over the last 12 months, ABC class and risk band (company scope, the key
 * accounts page's defaults), last purchase and open tasks.
 */
export function liveFacts(db: Db, clientId: number, asOf = toIsoDate(new Date())): LiveFacts {
  const row = clientSummary(db, { id: clientId, asOf });
  const ranked = cachedReport(db, { asOf, scope: { kind: 'company' } }).rows.find((r) => r.id === clientId);
  const tasks = db.sqlite
    .prepare(`SELECT count(*) AS open, COALESCE(SUM(due_date < ?), 0) AS overdue FROM tasks WHERE client_id = ? AND done_at IS NULL AND archived_at IS NULL`)
    .get(asOf, clientId) as { open: number; overdue: number };
  return {
    asOf,
    revenue12m: row.revenue12m,
    share12m: row.share12m,
    abc: ranked?.abc ?? null,
    band: ranked?.band ?? null,
    lastPurchase: row.lastPurchase,
    openTasks: tasks.open,
    overdueTasks: tasks.overdue,
  };
}
