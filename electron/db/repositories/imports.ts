import type { Db } from '../connection';

/** Client columns an import can set, as [field, column]. */
export const CLIENT_IMPORT_COLUMNS = [
  ['code', 'code'], ['name', 'name'], ['taxId', 'tax_id'], ['email', 'email'], ['phone', 'phone'], ['website', 'website'],
  ['country', 'country'], ['city', 'city'], ['potentialAnnual', 'potential_annual'], ['source', 'source'], ['notes', 'notes'],
] as const;
export type ClientImportValues = Partial<Record<(typeof CLIENT_IMPORT_COLUMNS)[number][0], string | number | null>>;

export interface ClientKeyRow {
  id: number;
  code: string | null;
  name: string;
  taxId: string | null;
  email: string | null;
}

export function clientKeys(db: Db): ClientKeyRow[] {
  return db.sqlite.prepare(`SELECT id, code, name, tax_id AS taxId, email FROM clients ORDER BY archived_at IS NOT NULL, id`).all() as ClientKeyRow[];
}

export function clientImportValues(db: Db, id: number): ClientImportValues {
  return db.sqlite.prepare(`SELECT ${CLIENT_IMPORT_COLUMNS.map(([f, c]) => `${c} AS ${f}`).join(', ')} FROM clients WHERE id = ?`).get(id) as ClientImportValues;
}

/** Purchase lines of one client, as the fields a duplicate is judged by. */
export function purchaseLineKeys(db: Db, clientId: number): { date: string; invoice: string | null; product: string | null; quantity: number; amount: number }[] {
  return db.sqlite.prepare(`SELECT date, invoice, product, quantity, amount FROM purchases WHERE client_id = ? AND archived_at IS NULL`).all(clientId) as never;
}

/** Writers for one import; every row gets the same stamp, taken once the write lock is held. */
export function importWriters(db: Db) {
  const s = db.sqlite;
  const now = new Date().toISOString();
  const cols = CLIENT_IMPORT_COLUMNS.map(([, c]) => c);
  const insertClient = s.prepare(`INSERT INTO clients (${cols.join(', ')}, import_id, created_at, updated_at) VALUES (${cols.map(() => '?').join(', ')}, ?, ?, ?)`);
  const updateClient = s.prepare(`UPDATE clients SET ${cols.map((c) => `${c} = ?`).join(', ')}, updated_at = strftime('%Y-%m-%dT%H:%M:%fZ','now') WHERE id = ?`);
  const insertPurchase = s.prepare(`INSERT INTO purchases (client_id, date, invoice, product, description, quantity, unit_price, amount, currency, import_id, created_at, updated_at)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
  const change = s.prepare(`INSERT INTO import_changes (import_id, client_id, before) VALUES (?, ?, ?)`);
  const values = (v: ClientImportValues) => CLIENT_IMPORT_COLUMNS.map(([f]) => v[f] ?? null);
  return {
    client: (v: ClientImportValues, importId: number) => Number(insertClient.run(...values(v), importId, now, now).lastInsertRowid),
    updateClient: (id: number, v: ClientImportValues) => void updateClient.run(...values(v), id),
    purchase: (clientId: number, date: string, invoice: string | null, product: string | null, description: string | null, quantity: number, unitPrice: number | null, amount: number, currency: string | null, importId: number) =>
      void insertPurchase.run(clientId, date, invoice, product, description, quantity, unitPrice, amount, currency, importId, now, now),
    change: (importId: number, clientId: number, before: ClientImportValues) => void change.run(importId, clientId, JSON.stringify(before)),
  };
}

export function createImportRecord(db: Db, r: { kind: string; fileName: string; fileHash: string; fileSize: number }): number {
  return Number(db.sqlite.prepare(`INSERT INTO imports (kind, file_name, file_hash, file_size, summary) VALUES (?, ?, ?, ?, '{}')`).run(r.kind, r.fileName, r.fileHash, r.fileSize).lastInsertRowid);
}

export function finishImportRecord(db: Db, id: number, summary: unknown): void {
  db.sqlite.prepare(`UPDATE imports SET summary = ? WHERE id = ?`).run(JSON.stringify(summary), id);
}

export interface ImportRecordRow {
  id: number;
  kind: string;
  fileName: string;
  fileSize: number;
  summary: string;
  createdAt: string;
  undoneAt: string | null;
}

export function listImportRecords(db: Db): ImportRecordRow[] {
  return db.sqlite.prepare(`SELECT id, kind, file_name AS fileName, file_size AS fileSize, summary, created_at AS createdAt, undone_at AS undoneAt FROM imports ORDER BY id DESC`).all() as ImportRecordRow[];
}

export function getImportRecord(db: Db, id: number): ImportRecordRow | undefined {
  return listImportRecords(db).find((r) => r.id === id);
}

export function previousImportOf(db: Db, hash: string, excludeId: number | null): { id: number; at: string } | null {
  return (db.sqlite.prepare(`SELECT id, created_at AS at FROM imports WHERE file_hash = ? AND undone_at IS NULL AND id IS NOT ? ORDER BY id DESC LIMIT 1`).get(hash, excludeId) as { id: number; at: string } | undefined) ?? null;
}

/**
 * Reverts an import: its purchase lines go, updated clients get their old
 * values back, and clients it created go unless something else now hangs
 * off them (those are kept and counted).
 */
export function undoImportRows(db: Db, importId: number): { purchases: number; clients: number; restored: number; keptClients: number } {
  const s = db.sqlite;
  const purchases = s.prepare(`DELETE FROM purchases WHERE import_id = ?`).run(importId).changes;
  const changes = s.prepare(`SELECT client_id AS clientId, before FROM import_changes WHERE import_id = ? ORDER BY id DESC`).all(importId) as { clientId: number; before: string }[];
  const { updateClient } = importWriters(db);
  for (const c of changes) updateClient(c.clientId, JSON.parse(c.before) as ClientImportValues);
  const clients = s.prepare(`DELETE FROM clients WHERE import_id = ?
    AND NOT EXISTS (SELECT 1 FROM purchases p WHERE p.client_id = clients.id)
    AND NOT EXISTS (SELECT 1 FROM contacts c WHERE c.client_id = clients.id)
    AND NOT EXISTS (SELECT 1 FROM interactions i WHERE i.client_id = clients.id)
    AND NOT EXISTS (SELECT 1 FROM tasks t WHERE t.client_id = clients.id)`).run(importId).changes;
  const keptClients = (s.prepare(`SELECT count(*) AS n FROM clients WHERE import_id = ?`).get(importId) as { n: number }).n;
  s.prepare(`UPDATE clients SET import_id = NULL WHERE import_id = ?`).run(importId);
  s.prepare(`UPDATE imports SET undone_at = strftime('%Y-%m-%dT%H:%M:%fZ','now') WHERE id = ?`).run(importId);
  return { purchases, clients, restored: changes.length, keptClients };
}

/**
 * A bigger page cache while an import runs (B-tree and index builds stay in
 * memory). For bulk loads, foreign-key checks are off too: every client id
 * the importer writes was just looked up or inserted in the same
 * transaction, and a per-row check costs a second B-tree probe. Both are
 * restored after; foreign_keys cannot change inside a transaction, so this
 * wraps it.
 */
export function withImportSettings<T>(db: Db, bulk: boolean, fn: () => T): T {
  const before = db.sqlite.pragma('cache_size', { simple: true }) as number;
  db.sqlite.pragma('cache_size = -65536');
  if (bulk) db.sqlite.pragma('foreign_keys = OFF');
  try {
    return fn();
  } finally {
    db.sqlite.pragma(`cache_size = ${before}`);
    if (bulk) db.sqlite.pragma('foreign_keys = ON');
  }
}

/** Purchase indexes dropped during a very large import and rebuilt once at the end (sorting once beats a million B-tree inserts). */
export function purchaseIndexDefinitions(db: Db): { name: string; sql: string }[] {
  return db.sqlite.prepare(`SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = 'purchases' AND sql IS NOT NULL`).all() as { name: string; sql: string }[];
}
