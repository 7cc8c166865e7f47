import type { Db } from '../connection';

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
const SQL_ROWS = `
WITH p AS (
  SELECT client_id,
         SUM(CASE WHEN date > @from AND date <= @to THEN amount ELSE 0 END) AS revenue,
         COUNT(DISTINCT date) AS purchase_count,
         MIN(date) AS first_purchase,
         MAX(date) AS last_purchase
    FROM purchases
   WHERE archived_at IS NULL AND date <= @to
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
 WHERE (@includeArchived = 1 OR c.archived_at IS NULL)
 ORDER BY c.name COLLATE NOCASE, c.id`;

/** Per-client purchase aggregates; revenue counts purchases with from < date <= to. */
export function clientAggregates(db: Db, range: { from: string; to: string }, includeArchived: boolean): ClientAggregateRow[] {
  return db.sqlite.prepare(SQL_ROWS).all({ ...range, includeArchived: includeArchived ? 1 : 0 }) as ClientAggregateRow[];
}
