import type { Class } from '../../../shared/features/retention/settings';
import { dayOfIso } from '../../../shared/features/retention/days';
import type { Db } from '../../db/connection';
import { cachedReport, purchaseStore } from '../analytics';
import type { PurchaseStore } from './history';
import { seenMark, touchMark } from './marks';

/**
 * What the retention figures need about clients beyond the analytics store
 * (code, type, whether imported, status, phone), their ABC class, when they
 * were last contacted, and which are still quiet; each cached against a
 * mark that moves when its source changes, so a warm call reads no table.
 */
export interface ClientFacts {
  version: number;
  code: (string | null)[];
  typeId: Int32Array;
  typeName: Map<number, string>;
  imported: Uint8Array;
  status: string[];
  /** Day number the client was created on. */
  created: Int32Array;
}

interface Cached<T> {
  key: string;
  value: T;
}

const factsCache = new WeakMap<PurchaseStore, Cached<ClientFacts>>();

export function clientFacts(db: Db, s: PurchaseStore): ClientFacts {
  const key = String(s.version);
  const hit = factsCache.get(s);
  if (hit && hit.key === key) return hit.value;
  const n = s.clientCount;
  const f: ClientFacts = {
    version: s.version,
    code: new Array(n).fill(null),
    typeId: new Int32Array(n),
    typeName: new Map(),
    imported: new Uint8Array(n),
    status: new Array(n).fill('active'),
    created: new Int32Array(n),
  };
  const rows = db.sqlite.prepare(`SELECT id, code, type_id, import_id IS NOT NULL, status, substr(created_at, 1, 10) FROM clients`).raw(true).all() as [number, string | null, number | null, number, string, string][];
  for (const [id, code, typeId, imported, status, created] of rows) {
    const c = s.clientSlot(id);
    if (c < 0) continue;
    f.code[c] = code;
    f.typeId[c] = typeId ?? 0;
    f.imported[c] = imported;
    f.status[c] = status;
    f.created[c] = dayOfIso(created);
  }
  for (const t of db.sqlite.prepare(`SELECT id, name FROM client_types`).all() as { id: number; name: string }[]) f.typeName.set(t.id, t.name);
  factsCache.set(s, { key, value: f });
  return f;
}

const CLASS_CODE: Record<Class, number> = { A: 1, B: 2, C: 3 };
export const CLASS_OF_CODE: (Class | null)[] = [null, 'A', 'B', 'C'];
const classCache = new WeakMap<PurchaseStore, Cached<Uint8Array>>();

/**
 * ABC class by store slot (0 = none: no revenue in the twelve months), from
 * the key-accounts report at `asOf`; it depends on the analytics settings
 * too, so those are part of the key.
 */
export function classesBySlot(db: Db, s: PurchaseStore, asOf: string): Uint8Array {
  const settings = (db.sqlite.prepare(`SELECT value FROM settings WHERE key = 'analytics'`).get() as { value: string } | undefined)?.value ?? '';
  const key = `${s.version}|${asOf}|${settings}`;
  const hit = classCache.get(s);
  if (hit && hit.key === key) return hit.value;
  const report = cachedReport(db, { asOf, scope: { kind: 'company' } });
  const classes = new Uint8Array(s.clientCount);
  for (const row of report.rows) {
    const c = s.clientSlot(row.id);
    if (c >= 0) classes[c] = CLASS_CODE[row.abc];
  }
  // The report syncs the store itself; if that took in a change, key on the version it saw.
  classCache.set(s, { key: `${s.version}|${asOf}|${settings}`, value: classes });
  return classes;
}

const touchCache = new WeakMap<PurchaseStore, Cached<Int32Array>>();

/** Day number of each client's latest live interaction (−1: never), from the trigger-kept table. */
export function lastTouchBySlot(db: Db, s: PurchaseStore): Int32Array {
  const key = `${s.version}|${touchMark(db)}`;
  const hit = touchCache.get(s);
  if (hit && hit.key === key) return hit.value;
  const out = new Int32Array(s.clientCount).fill(-1);
  for (const [id, date] of db.sqlite.prepare(`SELECT client_id, last_date FROM retention_touch`).raw(true).all() as [number, string][]) {
    const c = s.clientSlot(id);
    if (c >= 0) out[c] = dayOfIso(date);
  }
  touchCache.set(s, { key, value: out });
  return out;
}

const quietCache = new WeakMap<PurchaseStore, Cached<Uint8Array>>();

/** 1 for a client imported in bulk whose page was never opened: its reminders wait until then. */
export function quietBySlot(db: Db, s: PurchaseStore): Uint8Array {
  const key = `${s.version}|${seenMark(db)}`;
  const hit = quietCache.get(s);
  if (hit && hit.key === key) return hit.value;
  const facts = clientFacts(db, s);
  const out = facts.imported.slice();
  for (const [id] of db.sqlite.prepare(`SELECT client_id FROM retention_seen`).raw(true).all() as [number][]) {
    const c = s.clientSlot(id);
    if (c >= 0) out[c] = 0;
  }
  quietCache.set(s, { key, value: out });
  return out;
}

/** The store, synced: every service starts here. */
export const storeOf = (db: Db): PurchaseStore => purchaseStore(db);
