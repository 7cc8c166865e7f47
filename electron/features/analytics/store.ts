import type { Db } from '../../db/connection';
import { clientsChangedSince, orgUnits, scanPurchasesChangedSince, sourceMarks, type ClientTuple, type OrgUnits, type SourceMarks } from './source';

export const FLAG = { reputation: 1, innovator: 2, demanding: 4, keyPotential: 8 } as const;

/**
 * Every purchase line and client held in typed arrays, so a period's figures
 * are one loop over memory instead of a query. It follows the database by
 * counters no clock can move: each use reads the rows with ids above the
 * highest it has seen and the rows the change log names since its last entry
 * (both usually empty), and reloads everything when a row was hard-deleted
 * (the epoch trigger counts those) or the log was pruned past its cursor.
 */
export class PurchaseStore {
  // Purchase lines, by slot.
  size = 0;
  pClient = new Int32Array(0); // client slot
  pDay = new Int32Array(0); // YYYYMMDD
  pAmount = new Float64Array(0);
  pQuantity = new Float64Array(0);
  pProduct = new Int32Array(0); // index into products
  pAlive = new Uint8Array(0);
  private slotByPurchaseId = new Int32Array(0);
  products: string[] = [];
  private productIndex = new Map<string, number>();

  // Clients, by slot.
  clientCount = 0;
  cId = new Int32Array(0);
  cName: string[] = [];
  cManager = new Int32Array(0); // 0 = none
  cDepartment = new Int32Array(0); // the client's own department, 0 = none
  cArchived = new Uint8Array(0);
  cFlags = new Uint8Array(0);
  cPotential = new Float64Array(0); // NaN = unknown
  // What the clients grid shows besides the figures, kept in step like the rest.
  cCode: (string | null)[] = [];
  cType = new Int32Array(0); // 0 = none
  cStatus: string[] = [];
  cCountry: (string | null)[] = [];
  private slotByClientId = new Int32Array(0);

  org: OrgUnits = { managers: [], departments: [], types: [] };
  /** Bumped on every change the store takes in; callers key memoised results on it. */
  version = 0;
  private marks: SourceMarks | null = null;

  /** Purchase lines and clients added since the last sync (an upper bound, by ids): what catching up would read. */
  lag(db: Db): number {
    if (!this.marks) return Number.MAX_SAFE_INTEGER;
    const now = sourceMarks(db);
    if (now.deletes !== this.marks.deletes || now.purchaseId < this.marks.purchaseId) return Number.MAX_SAFE_INTEGER;
    return now.purchaseId - this.marks.purchaseId + (now.clientId - this.marks.clientId) + (now.logId - this.marks.logId);
  }

  /** Brings the arrays in step with the database. Returns true when anything changed. */
  sync(db: Db): boolean {
    return db.sqlite.transaction(() => {
      const now = sourceMarks(db);
      const before = this.marks;
      this.takeOrg(orgUnits(db));
      if (before && before.deletes === now.deletes && before.purchaseId === now.purchaseId && before.clientId === now.clientId && before.logId === now.logId) return false;
      const pruned = before !== null && now.logFloor !== null && now.logFloor > before.logId + 1;
      // Ids and log entries only grow; anything smaller means another file (a restored backup): start over.
      const wentBack = before !== null && (now.purchaseId < before.purchaseId || now.clientId < before.clientId || now.logId < before.logId);
      const full = !before || before.deletes !== now.deletes || pruned || wentBack;
      if (full) this.reset();
      const cursor = full ? null : { purchaseId: before.purchaseId, clientId: before.clientId, logId: before.logId };
      for (const c of clientsChangedSince(db, cursor)) this.putClient(c);
      scanPurchasesChangedSince(db, cursor, this.putPurchase);
      this.marks = now;
      this.version++;
      return true;
    })();
  }

  private orgKey = '';

  // Managers and departments are a few rows, read on every use; the object only changes when they do.
  private takeOrg(org: OrgUnits): void {
    const key = JSON.stringify(org);
    if (key !== this.orgKey) {
      this.org = org;
      this.orgKey = key;
      this.version++;
    }
  }

  private reset(): void {
    this.size = 0;
    this.clientCount = 0;
    this.slotByPurchaseId = new Int32Array(0);
    this.slotByClientId = new Int32Array(0);
    this.products = [];
    this.productIndex.clear();
    this.cName = [];
    this.cCode = [];
    this.cStatus = [];
    this.cCountry = [];
  }

  clientSlot(id: number): number {
    return id < this.slotByClientId.length ? this.slotByClientId[id] - 1 : -1;
  }

  private putClient([id, name, managerId, departmentId, archived, flags, potential, code, typeId, status, country]: ClientTuple): void {
    let slot = this.clientSlot(id);
    if (slot < 0) {
      slot = this.clientCount++;
      if (slot >= this.cId.length) this.growClients(Math.max(1024, slot * 2));
      if (id >= this.slotByClientId.length) this.slotByClientId = grow(this.slotByClientId, Math.max(1024, id * 2));
      this.slotByClientId[id] = slot + 1;
      this.cId[slot] = id;
    }
    this.cName[slot] = name;
    this.cManager[slot] = managerId ?? 0;
    this.cDepartment[slot] = departmentId ?? 0;
    this.cArchived[slot] = archived;
    this.cFlags[slot] = flags;
    this.cPotential[slot] = potential ?? NaN;
    this.cCode[slot] = code;
    this.cType[slot] = typeId ?? 0;
    this.cStatus[slot] = status;
    this.cCountry[slot] = country;
  }

  // An arrow property: the scan calls it as a plain function.
  private putPurchase = (id: number, clientId: number, dayArchived: number, amount: number, quantity: number, product: string | null): void => {
    let slot = id < this.slotByPurchaseId.length ? this.slotByPurchaseId[id] - 1 : -1;
    if (slot < 0) {
      slot = this.size++;
      if (slot >= this.pDay.length) this.growPurchases(Math.max(4096, slot * 2));
      if (id >= this.slotByPurchaseId.length) this.slotByPurchaseId = grow(this.slotByPurchaseId, Math.max(4096, id * 2));
      this.slotByPurchaseId[id] = slot + 1;
    }
    const key = product ?? '';
    let pi = this.productIndex.get(key);
    if (pi === undefined) {
      pi = this.products.length;
      this.products.push(key);
      this.productIndex.set(key, pi);
    }
    this.pClient[slot] = this.clientSlot(clientId);
    this.pDay[slot] = dayArchived >> 1;
    this.pAmount[slot] = amount;
    this.pQuantity[slot] = quantity;
    this.pProduct[slot] = pi;
    this.pAlive[slot] = dayArchived & 1 ? 0 : 1;
  };

  private growPurchases(n: number): void {
    this.pClient = grow(this.pClient, n);
    this.pDay = grow(this.pDay, n);
    this.pAmount = grow(this.pAmount, n);
    this.pQuantity = grow(this.pQuantity, n);
    this.pProduct = grow(this.pProduct, n);
    this.pAlive = grow(this.pAlive, n);
  }

  private growClients(n: number): void {
    this.cId = grow(this.cId, n);
    this.cManager = grow(this.cManager, n);
    this.cDepartment = grow(this.cDepartment, n);
    this.cArchived = grow(this.cArchived, n);
    this.cFlags = grow(this.cFlags, n);
    this.cPotential = grow(this.cPotential, n);
    this.cType = grow(this.cType, n);
  }

  /**
   * Everything the store holds, trimmed to size, as plain data: a worker
   * loads the store and hands it over this way, so the million-line read
   * never runs on the thread that answers the window.
   */
  snapshot(): StoreSnapshot {
    const n = this.size;
    const c = this.clientCount;
    return {
      marks: this.marks, orgKey: this.orgKey, org: this.org, products: this.products,
      size: n, pClient: this.pClient.slice(0, n), pDay: this.pDay.slice(0, n), pAmount: this.pAmount.slice(0, n), pQuantity: this.pQuantity.slice(0, n), pProduct: this.pProduct.slice(0, n), pAlive: this.pAlive.slice(0, n),
      slotByPurchaseId: this.slotByPurchaseId.slice(0, (this.marks?.purchaseId ?? 0) + 1),
      clientCount: c, cId: this.cId.slice(0, c), cName: this.cName.slice(0, c), cManager: this.cManager.slice(0, c), cDepartment: this.cDepartment.slice(0, c), cArchived: this.cArchived.slice(0, c),
      cFlags: this.cFlags.slice(0, c), cPotential: this.cPotential.slice(0, c), cCode: this.cCode.slice(0, c), cType: this.cType.slice(0, c), cStatus: this.cStatus.slice(0, c), cCountry: this.cCountry.slice(0, c),
      slotByClientId: this.slotByClientId.slice(0, (this.marks?.clientId ?? 0) + 1),
    };
  }

  static fromSnapshot(x: StoreSnapshot): PurchaseStore {
    const s = new PurchaseStore();
    Object.assign(s, { ...x, productIndex: new Map(x.products.map((p, i) => [p, i])), version: 1 });
    return s;
  }
}

/** A store as data (typed arrays, strings, the marks it was read at); see PurchaseStore.snapshot. */
export interface StoreSnapshot {
  marks: SourceMarks | null;
  orgKey: string;
  org: OrgUnits;
  products: string[];
  size: number;
  pClient: Int32Array;
  pDay: Int32Array;
  pAmount: Float64Array;
  pQuantity: Float64Array;
  pProduct: Int32Array;
  pAlive: Uint8Array;
  slotByPurchaseId: Int32Array;
  clientCount: number;
  cId: Int32Array;
  cName: string[];
  cManager: Int32Array;
  cDepartment: Int32Array;
  cArchived: Uint8Array;
  cFlags: Uint8Array;
  cPotential: Float64Array;
  cCode: (string | null)[];
  cType: Int32Array;
  cStatus: string[];
  cCountry: (string | null)[];
  slotByClientId: Int32Array;
}

function grow<T extends Int32Array | Float64Array | Uint8Array>(a: T, n: number): T {
  const b = new (a.constructor as new (n: number) => T)(n);
  b.set(a);
  return b;
}

// Keyed by the connection, not the Db handle: a restored backup reopens the handle with a new connection.
const stores = new WeakMap<Db['sqlite'], PurchaseStore>();

/** The store for this connection, brought up to date. */
export function purchaseStore(db: Db): PurchaseStore {
  let s = stores.get(db.sqlite);
  if (!s) {
    s = new PurchaseStore();
    stores.set(db.sqlite, s);
  }
  s.sync(db);
  return s;
}

/** Whether this connection's store is loaded, and how far it is behind: new lines since, to judge whether catching up is quick. */
export function storeLag(db: Db): number | null {
  const s = stores.get(db.sqlite);
  return s ? s.lag(db) : null;
}

/** Takes a store another thread loaded (see snapshot); the next use catches it up with what changed since. */
export function installStore(db: Db, snapshot: StoreSnapshot): PurchaseStore {
  const s = PurchaseStore.fromSnapshot(snapshot);
  stores.set(db.sqlite, s);
  return s;
}
