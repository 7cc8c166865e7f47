import type { Db } from '../../db/connection';

/** Called once per purchase line; `dayArchived` is YYYYMMDD * 2 + (1 when archived). */
export type PurchaseVisitor = (id: number, clientId: number, dayArchived: number, amount: number, quantity: number, product: string | null) => void;
/** [id, name, manager_id, department_id, archived, flags, potential_annual, code, type_id, status, country] */
export type ClientTuple = [number, string, number | null, number | null, number, number, number | null, string | null, number | null, string, string | null];

/**
 * Where the store stands: the highest purchase and client ids it has read,
 * the last change-log entry it has applied, and the delete counter. None of
 * these come from a clock, so a clock set back or ahead cannot hide a change.
 */
export interface SourceMarks {
  purchaseId: number;
  clientId: number;
  logId: number;
  /** The oldest change-log entry still kept; a cursor before it means entries were pruned past it. */
  logFloor: number | null;
  deletes: number;
}

export interface Cursor {
  purchaseId: number;
  clientId: number;
  logId: number;
}

const everything: Cursor = { purchaseId: 0, clientId: 0, logId: Number.MAX_SAFE_INTEGER };

// New rows: ids past the cursor (a rowid range). Updated rows: ids named in the log after the cursor.
const changed = (table: 'purchases' | 'clients') => `WHERE id > @from OR id IN (SELECT row_id FROM change_log WHERE id > @log AND table_name = '${table}')`;

const visitors = new WeakMap<Db['sqlite'], { current: PurchaseVisitor | null }>();

/**
 * Streams purchase lines into `visit` through an SQL function: better-sqlite3
 * builds no row objects that way, which makes a million-line scan about three
 * times faster than iterating rows (0.5 s instead of 1.5 s here).
 * `cursor` null means every line.
 */
export function scanPurchasesChangedSince(db: Db, cursor: Cursor | null, visit: PurchaseVisitor): void {
  let slot = visitors.get(db.sqlite);
  if (!slot) {
    const holder: { current: PurchaseVisitor | null } = { current: null };
    db.sqlite.function('rapport_visit_purchase', { directOnly: true, varargs: false }, (id, clientId, dayArchived, amount, quantity, product) => {
      holder.current!(id as number, clientId as number, dayArchived as number, amount as number, quantity as number, product as string | null);
      return null;
    });
    visitors.set(db.sqlite, (slot = holder));
  }
  slot.current = visit;
  const c = cursor ?? everything;
  try {
    db.sqlite
      .prepare(`SELECT count(rapport_visit_purchase(id, client_id, CAST(replace(date, '-', '') AS INTEGER) * 2 + (archived_at IS NOT NULL),
                                                    amount, quantity, product)) FROM purchases ${cursor ? changed('purchases') : ''}`)
      .get(cursor ? { from: c.purchaseId, log: c.logId } : {});
  } finally {
    slot.current = null;
  }
}

export function clientsChangedSince(db: Db, cursor: Cursor | null): ClientTuple[] {
  return db.sqlite
    .prepare(`SELECT id, name, manager_id, department_id, archived_at IS NOT NULL,
                     reputation | (innovator << 1) | (demanding << 2) | (key_potential << 3), potential_annual,
                     code, type_id, status, country
                FROM clients ${cursor ? changed('clients') : ''}`)
    .raw(true)
    .all(cursor ? { from: cursor.clientId, log: cursor.logId } : {}) as ClientTuple[];
}

/** Where the data stands now: the newest ids, the newest log entry and the delete counter. */
export function sourceMarks(db: Db): SourceMarks {
  return db.sqlite
    .prepare(`SELECT COALESCE((SELECT MAX(id) FROM purchases), 0) AS purchaseId, COALESCE((SELECT MAX(id) FROM clients), 0) AS clientId,
                     COALESCE((SELECT MAX(id) FROM change_log), 0) AS logId, (SELECT MIN(id) FROM change_log) AS logFloor,
                     (SELECT deletes FROM analytics_epoch WHERE id = 1) AS deletes`)
    .get() as SourceMarks;
}

export interface OrgUnits {
  managers: { id: number; name: string; departmentId: number | null; archived: number }[];
  departments: { id: number; name: string }[];
  /** Client types by id, for the clients grid's type column. */
  types: { id: number; name: string }[];
}

export function orgUnits(db: Db): OrgUnits {
  return {
    managers: db.sqlite.prepare(`SELECT id, name, department_id AS departmentId, archived_at IS NOT NULL AS archived FROM managers`).all() as OrgUnits['managers'],
    departments: db.sqlite.prepare(`SELECT id, name FROM departments`).all() as OrgUnits['departments'],
    types: db.sqlite.prepare(`SELECT id, name FROM client_types`).all() as OrgUnits['types'],
  };
}

/** Active contacts of the given clients with the date of their last interaction. */
export function contactsWithLastTouch(db: Db, clientIds: number[]): { id: number; clientId: number; name: string; level: string; lastContact: string | null }[] {
  if (clientIds.length === 0) return [];
  return db.sqlite
    // Interactions are reached through their client index; there is none on contact_id.
    .prepare(`WITH ids AS (SELECT value AS id FROM json_each(@ids)),
                   touch AS (SELECT i.contact_id, MAX(i.date) AS last FROM interactions i
                              WHERE i.client_id IN (SELECT id FROM ids) AND i.archived_at IS NULL AND i.contact_id IS NOT NULL
                              GROUP BY i.contact_id)
              SELECT c.id, c.client_id AS clientId, c.name, c.level, touch.last AS lastContact
                FROM contacts c LEFT JOIN touch ON touch.contact_id = c.id
               WHERE c.archived_at IS NULL AND c.client_id IN (SELECT id FROM ids)
               ORDER BY c.client_id, c.name, c.id`)
    .all({ ids: JSON.stringify(clientIds) }) as { id: number; clientId: number; name: string; level: string; lastContact: string | null }[];
}
