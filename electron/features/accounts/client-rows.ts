import type { Db } from '../../db/connection';

export interface ClientAggregateRow {
  id: number;
  code: string | null;
  name: string;
  type: string | null;
  status: string;
  manager: string | null;
  department: string | null;
  country: string | null;
  revenue: number;
  purchaseCount: number;
  firstPurchase: string | null;
  lastPurchase: string | null;
  archivedAt: string | null;
}

// One pass over the covering index (client_id, date, amount, archived_at): no table lookups for purchases.
// Built per case: an `@id IS NULL OR client_id = @id` test would hide the index from the planner.
const rowsSql = (oneClient: boolean) => `
WITH p AS (
  SELECT client_id,
         SUM(CASE WHEN date > @from AND date <= @to THEN amount ELSE 0 END) AS revenue,
         COUNT(DISTINCT date) AS purchase_count,
         MIN(date) AS first_purchase,
         MAX(date) AS last_purchase
    FROM purchases
   WHERE archived_at IS NULL AND date <= @to ${oneClient ? 'AND client_id = @clientId' : ''}
   GROUP BY client_id
)
SELECT c.id, c.code, c.name, ct.name AS type, c.status, m.name AS manager,
       COALESCE(d.name, md.name) AS department, c.country,
       COALESCE(p.revenue, 0) AS revenue, COALESCE(p.purchase_count, 0) AS purchaseCount,
       p.first_purchase AS firstPurchase, p.last_purchase AS lastPurchase, c.archived_at AS archivedAt
  FROM clients c
  LEFT JOIN p ON p.client_id = c.id
  LEFT JOIN client_types ct ON ct.id = c.type_id
  LEFT JOIN managers m ON m.id = c.manager_id
  LEFT JOIN departments d ON d.id = c.department_id
  LEFT JOIN departments md ON md.id = m.department_id
 WHERE (@includeArchived = 1 OR c.archived_at IS NULL) ${oneClient ? 'AND c.id = @clientId' : ''}
 ORDER BY c.name COLLATE NOCASE, c.id`;

export interface DateWindow {
  from: string;
  to: string;
}

/** Per-client purchase aggregates (all clients, or one); revenue counts purchases with from < date <= to. */
export function clientAggregates(db: Db, window: DateWindow, opts: { includeArchived: boolean; clientId?: number }): ClientAggregateRow[] {
  const one = opts.clientId !== undefined;
  const params = { ...window, includeArchived: opts.includeArchived ? 1 : 0, ...(one ? { clientId: opts.clientId } : {}) };
  return db.sqlite.prepare(rowsSql(one)).all(params) as ClientAggregateRow[];
}

/**
 * Revenue of all active (not archived) clients in the window: the denominator of
 * every share. The whole window comes off the (date, amount) index; archived
 * clients, few by nature, are subtracted through the client index.
 */
export function activeRevenueTotal(db: Db, window: DateWindow): number {
  const all = db.sqlite
    .prepare(`SELECT COALESCE(SUM(amount), 0) AS s FROM purchases WHERE date > @from AND date <= @to AND archived_at IS NULL`)
    .get(window) as { s: number };
  const archived = db.sqlite
    // CROSS JOIN keeps this order (SQLite does not reorder it): archived clients first, then their purchases.
    .prepare(`SELECT COALESCE(SUM(p.amount), 0) AS s FROM clients c CROSS JOIN purchases p ON p.client_id = c.id
               WHERE c.archived_at IS NOT NULL AND p.date > @from AND p.date <= @to AND p.archived_at IS NULL`)
    .get(window) as { s: number };
  return all.s - archived.s;
}

export function activeClientNames(db: Db): { id: number; name: string }[] {
  return db.sqlite.prepare(`SELECT id, name FROM clients WHERE archived_at IS NULL ORDER BY name COLLATE NOCASE, id`).all() as { id: number; name: string }[];
}
