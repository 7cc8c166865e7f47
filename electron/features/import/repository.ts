import type { Statement } from 'better-sqlite3';
import { isPortraitKey, PORTRAIT_PREFIX, type ImportKind } from '../../../shared/features/import/fields';
import type { StoredValue } from '../../../shared/features/import/convert';
import type { Db } from '../../db/connection';

/** Columns an import can set on clients and contacts, as [field, column]. */
export const IMPORT_COLUMNS = {
  clients: [
    ['code', 'code'], ['name', 'name'], ['taxId', 'tax_id'], ['email', 'email'], ['phone', 'phone'], ['website', 'website'],
    ['country', 'country'], ['city', 'city'], ['potentialAnnual', 'potential_annual'], ['source', 'source'], ['notes', 'notes'],
    ['managerId', 'manager_id'], ['typeId', 'type_id'], ['status', 'status'],
  ],
  contacts: [
    ['name', 'name'], ['level', 'level'], ['role', 'role'], ['email', 'email'], ['phone', 'phone'], ['birthday', 'birthday'],
    ['language', 'language'], ['notes', 'notes'],
  ],
} as const;
export type ImportTable = keyof typeof IMPORT_COLUMNS;
/**
 * A record's importable values by field; a client's portrait comes as one
 * entry a field (`profile.sales_floor_m2`), so an import changes, records and
 * undoes a portrait field like any other.
 */
export type ImportValues = Partial<Record<string, StoredValue>>;

const statements = new WeakMap<Db['sqlite'], Map<string, Statement>>();
/** Statements run once per imported row are prepared once per connection, not per row. */
function prepared(db: Db, sql: string): Statement {
  let m = statements.get(db.sqlite);
  if (!m) statements.set(db.sqlite, (m = new Map()));
  let st = m.get(sql);
  if (!st) m.set(sql, (st = db.sqlite.prepare(sql)));
  return st;
}

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

/** A record's values, its portrait spread into `profile.*` entries; undefined when the record is gone. */
export function importValues(db: Db, table: ImportTable, id: number): ImportValues | undefined {
  const portrait = table === 'clients' ? ', profile AS "profile"' : '';
  const row = prepared(db, `SELECT ${IMPORT_COLUMNS[table].map(([f, c]) => `${c} AS ${f}`).join(', ')}${portrait} FROM ${table} WHERE id = ?`).get(id) as (ImportValues & { profile?: string }) | undefined;
  if (!row || table !== 'clients') return row;
  const { profile, ...values } = row;
  for (const [k, v] of Object.entries(parseProfile(profile))) values[PORTRAIT_PREFIX + k] = v;
  return values;
}

function parseProfile(text: string | undefined): Record<string, StoredValue> {
  try {
    const p: unknown = JSON.parse(text ?? '{}');
    return typeof p === 'object' && p !== null && !Array.isArray(p) ? (p as Record<string, StoredValue>) : {};
  } catch {
    return {};
  }
}

/** The portrait the `profile.*` entries make, as the clients table stores it; a field without a value is left out. */
function profileJson(v: ImportValues): string {
  const out: Record<string, StoredValue> = {};
  for (const [k, x] of Object.entries(v)) if (isPortraitKey(k) && x !== null && x !== undefined) out[k.slice(PORTRAIT_PREFIX.length)] = x;
  return JSON.stringify(out);
}

/** The type a stored client has, for reading its portrait fields. */
export function clientTypeOf(db: Db, id: number): number | null {
  return (prepared(db, `SELECT type_id AS typeId FROM clients WHERE id = ?`).get(id) as { typeId: number | null } | undefined)?.typeId ?? null;
}

/** Puts fields back as undo found them before the import (portrait fields inside the portrait); stamps the record as changed now. */
export function restoreFields(db: Db, table: ImportTable, id: number, values: ImportValues): void {
  const cols = Object.keys(values).filter((f) => !isPortraitKey(f)).map((f) => [f, IMPORT_COLUMNS[table].find(([k]) => k === f)![1]] as const);
  const portrait = Object.keys(values).some(isPortraitKey) ? profileJson({ ...importValues(db, table, id), ...values }) : null;
  const sets = [...cols.map(([, c]) => `${c} = ?`), ...(portrait === null ? [] : ['profile = ?'])];
  db.sqlite.prepare(`UPDATE ${table} SET ${sets.join(', ')}, updated_at = strftime('%Y-%m-%dT%H:%M:%fZ','now') WHERE id = ?`)
    .run(...cols.map(([f]) => scalar(values[f])), ...(portrait === null ? [] : [portrait]), id);
}

/** A column's value for SQLite: only portrait fields hold yes/no or lists, and they go inside the portrait's JSON. */
const scalar = (x: StoredValue | undefined): string | number | null => (typeof x === 'string' || typeof x === 'number' ? x : null);

/** A client's contacts by name, for matching a contacts file. */
export function contactsOfClient(db: Db, clientId: number): { id: number; name: string }[] {
  return prepared(db, `SELECT id, name FROM contacts WHERE client_id = ? ORDER BY archived_at IS NOT NULL, id`).all(clientId) as { id: number; name: string }[];
}

/** Purchase lines of one client, as the fields a duplicate is judged by. */
export function purchaseLineKeys(db: Db, clientId: number): { date: string; invoice: string | null; product: string | null; quantity: number; amount: number }[] {
  return prepared(db, `SELECT date, invoice, product, quantity, amount FROM purchases WHERE client_id = ? AND archived_at IS NULL`).all(clientId) as never;
}

/** Lines per INSERT: one call into SQLite per batch instead of per line (9 parameters a line, far below SQLite's limit). */
export const PURCHASE_BATCH = 256;
export const PURCHASE_PARAMS = 9;

/** Writers for one import; every row gets the same stamp, taken once the write lock is held. */
export function importWriters(db: Db, purchaseImportId: number | null = null) {
  const s = db.sqlite;
  const now = new Date().toISOString();
  const cols = IMPORT_COLUMNS.clients.map(([, c]) => c);
  const contactCols = IMPORT_COLUMNS.contacts.map(([, c]) => c);
  // A new client without a status in the file is active, as one made by hand.
  const insertClient = s.prepare(`INSERT INTO clients (${cols.join(', ')}, profile, import_id, created_at, updated_at) VALUES (${cols.map((c) => (c === 'status' ? `COALESCE(?, 'active')` : '?')).join(', ')}, ?, ?, ?, ?)`);
  const insertContact = s.prepare(`INSERT INTO contacts (client_id, ${contactCols.join(', ')}, import_id, created_at, updated_at) VALUES (?, ${contactCols.map(() => '?').join(', ')}, ?, ?, ?)`);
  const purchaseColumns = '(client_id, date, invoice, product, description, quantity, unit_price, amount, currency, import_id, created_at, updated_at)';
  // The import's id and stamp are the same on every line: written into the statement once instead of bound a million times.
  const one = `(?, ?, ?, ?, ?, ?, ?, ?, ?, ${Number(purchaseImportId)}, '${now}', '${now}')`;
  const batch = (rows: number) => s.prepare(`INSERT INTO purchases ${purchaseColumns} VALUES ${Array(rows).fill(one).join(', ')}`);
  let insertBatch: Statement | null = null;
  const pending: unknown[] = new Array(PURCHASE_BATCH * PURCHASE_PARAMS);
  let queued = 0;
  // The id the import's first line gets: with the write lock held, its lines get this and the ids after it, in order (AUTOINCREMENT).
  const firstPurchaseId = nextId(db, 'purchases');
  const dropPurchase = s.prepare(`DELETE FROM purchases WHERE id = ? AND import_id IS ?`);
  const change = s.prepare(`INSERT INTO import_changes (import_id, table_name, row_id, before, after) VALUES (?, ?, ?, ?, ?)`);
  const values = (v: ImportValues, table: ImportTable = 'clients') => IMPORT_COLUMNS[table].map(([f]) => scalar(v[f]));
  return {
    client: (v: ImportValues, importId: number) => Number(insertClient.run(...values(v), profileJson(v), importId, now, now).lastInsertRowid),
    contact: (clientId: number, v: ImportValues, importId: number) => Number(insertContact.run(clientId, ...values(v, 'contacts'), importId, now, now).lastInsertRowid),
    update: (table: ImportTable, id: number, v: ImportValues) => updateRow(db, table, id, v, now),
    /** Queues a purchase line of import `purchaseImportId`; lines are written in batches, so call `flush` before reading them back. */
    purchase(clientId: number, date: string, invoice: string | null, product: string | null, description: string | null, quantity: number, unitPrice: number | null, amount: number, currency: string | null): void {
      let k = queued * PURCHASE_PARAMS;
      pending[k++] = clientId;
      pending[k++] = date;
      pending[k++] = invoice;
      pending[k++] = product;
      pending[k++] = description;
      pending[k++] = quantity;
      pending[k++] = unitPrice;
      pending[k++] = amount;
      pending[k] = currency;
      if (++queued === PURCHASE_BATCH) {
        (insertBatch ??= batch(PURCHASE_BATCH)).run(pending);
        queued = 0;
      }
    },
    flush(): void {
      if (queued) batch(queued).run(pending.slice(0, queued * PURCHASE_PARAMS));
      queued = 0;
    },
    /** Up to PURCHASE_BATCH lines at once, 9 values each in `purchase`'s order, bound as they are (after any queued lines). */
    purchaseChunk(values: unknown[]): void {
      if (queued) this.flush();
      const lines = values.length / PURCHASE_PARAMS;
      (lines === PURCHASE_BATCH ? (insertBatch ??= batch(PURCHASE_BATCH)) : batch(lines)).run(values);
    },
    /** Takes back lines this import wrote, by their place among its lines (0 for the first). */
    drop(lines: number[]): void {
      this.flush();
      for (const line of lines) {
        // A line that is not where it should be means the ids were not the import's alone: stop rather than delete another row.
        if (dropPurchase.run(firstPurchaseId + line, purchaseImportId).changes !== 1) throw new Error(`purchase line ${line} of import ${purchaseImportId} is not at id ${firstPurchaseId + line}`);
      }
    },
    /** What a row held before and what the import wrote: undo restores a field only while it still reads `after`. */
    change: (importId: number, table: ImportTable, rowId: number, before: ImportValues, after: ImportValues) =>
      void change.run(importId, table, rowId, JSON.stringify(before), JSON.stringify(after)),
  };
}

// The import's own stamp: a row the import created and then filled in again still reads as untouched since (undo relies on it).
function updateRow(db: Db, table: ImportTable, id: number, v: ImportValues, stamp: string): void {
  const cols = IMPORT_COLUMNS[table];
  // `v` holds the whole portrait (importValues spreads it), so writing it whole loses nothing.
  const portrait = table === 'clients' ? ', profile = ?' : '';
  prepared(db, `UPDATE ${table} SET ${cols.map(([, c]) => `${c} = ?`).join(', ')}${portrait}, updated_at = ? WHERE id = ?`)
    .run(...cols.map(([f]) => scalar(v[f])), ...(table === 'clients' ? [profileJson(v)] : []), stamp, id);
}

/** The id SQLite's AUTOINCREMENT gives the table's next row (past every id it ever gave, deleted ones too). */
export function nextId(db: Db, table: 'clients' | 'purchases'): number {
  return db.sqlite.prepare(`SELECT max(coalesce((SELECT seq FROM sqlite_sequence WHERE name = '${table}'), 0), coalesce((SELECT max(id) FROM ${table}), 0)) + 1`).pluck().get() as number;
}

export function createImportRecord(db: Db, r: { kind: ImportKind; fileName: string; fileHash: string; fileSize: number }): number {
  return Number(db.sqlite.prepare(`INSERT INTO imports (kind, file_name, file_hash, file_size, summary) VALUES (?, ?, ?, ?, '{}')`).run(r.kind, r.fileName, r.fileHash, r.fileSize).lastInsertRowid);
}

export function finishImportRecord(db: Db, id: number, summary: unknown): void {
  db.sqlite.prepare(`UPDATE imports SET summary = ? WHERE id = ?`).run(JSON.stringify(summary), id);
}

export interface ImportRecordRow {
  id: number;
  /** Written from the spec's kind, so always one of them. */
  kind: ImportKind;
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

/** From this many lines, purchase indexes are rebuilt once after the inserts instead of updated per row. */
export const BULK_FROM = 100_000;

/** Purchase indexes dropped during a very large import and rebuilt once at the end (sorting once beats a million B-tree inserts). */
export function purchaseIndexDefinitions(db: Db): { name: string; sql: string }[] {
  return db.sqlite.prepare(`SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = 'purchases' AND sql IS NOT NULL`).all() as { name: string; sql: string }[];
}

export type ImportWriters = ReturnType<typeof importWriters>;
