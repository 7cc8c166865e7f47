import { gridOrder, reorderGrid, textRanks, type ClientsGrid, type ClientsGridRanks, type ClientsGridRanksInput, type ResolvedGridInput } from '../../../shared/features/accounts';
import { dayKey } from '../../../shared/features/analytics/period';
import { addMonths } from '../../../shared/kernel/dates';
import type { PurchaseStore } from './store';

interface GridMemo {
  key: string;
  grid: ClientsGrid;
  /** The whole grid in the last sort asked: a second open copies nothing (50,000 rows × 13 columns is ≈50 ms). */
  sorted: { key: string; grid: ClientsGrid } | null;
  ranks: Map<string, ClientsGridRanks>;
}
const answers = new WeakMap<PurchaseStore, GridMemo>();

/** The grid for the store's version, the date and archived or not, computed once for all the calls that ask. */
function gridMemo(store: PurchaseStore, input: { asOf: string; includeArchived: boolean }): GridMemo {
  const key = gridStamp(store, input);
  let memo = answers.get(store);
  if (memo?.key !== key) answers.set(store, (memo = { key, grid: clientsGrid(store, input), sorted: null, ranks: new Map() }));
  return memo;
}
const gridStamp = (store: PurchaseStore, input: { asOf: string; includeArchived: boolean }) => `${store.version}|${input.asOf}|${input.includeArchived}`;

/**
 * The clients grid as the window asks for it: in its saved sort and the
 * user's collation, whole or only the first rows (the first paint asks for
 * those, then for the whole grid). The grid and each order are kept while
 * the store's version and the date stay, so the second call only copies.
 */
export function clientsGridAnswer(store: PurchaseStore, input: ResolvedGridInput & { asOf: string }): ClientsGrid {
  const memo = gridMemo(store, input);
  const { grid } = memo;
  let whole = grid;
  if (input.sort) {
    const key = `${input.sort.column}|${input.sort.desc}|${input.locale ?? 'en-GB'}`;
    if (memo.sorted?.key !== key) memo.sorted = { key, grid: reorderGrid(grid, gridOrder(grid, input.sort, input.locale ?? 'en-GB')) };
    whole = memo.sorted.grid;
  }
  return input.limit && input.limit < whole.count ? reorderGrid(whole, Int32Array.from({ length: input.limit }, (_, i) => i)) : whole;
}

/**
 * The code and name ranks of the grid with the same stamp, in the locale's
 * collation (see ClientsGridRanks): two collator sorts of every client,
 * ≈0.1 s each at 50,000, kept while the grid is.
 */
export function clientsGridRanks(store: PurchaseStore, input: ClientsGridRanksInput & { asOf: string }): ClientsGridRanks {
  const memo = gridMemo(store, input);
  let answer = memo.ranks.get(input.locale);
  if (!answer) {
    const { grid } = memo;
    const ranked = (texts: readonly (string | null)[]) => Int32Array.from(textRanks(texts, input.locale), (r) => (r === r ? r : -1));
    answer = { stamp: grid.stamp, locale: input.locale, ids: grid.columns.id, ranks: { code: ranked(grid.columns.code), name: ranked(grid.columns.name) } };
    memo.ranks.set(input.locale, answer);
  }
  return answer;
}

/**
 * The clients grid from the store, as listClientRows computes it in SQL:
 * revenue over from < date <= asOf (from = twelve months before), purchase
 * days counted once per date up to asOf, first and last purchase up to asOf,
 * archived purchase lines left out, archived clients only when asked for and
 * never in the denominator. Rows in the same order (name without case, then id).
 */
export function clientsGrid(store: PurchaseStore, opts: { asOf: string; includeArchived: boolean }): ClientsGrid {
  const to = dayKey(opts.asOf);
  const from = dayKey(addMonths(opts.asOf, -12));
  const n = store.clientCount;
  const revenue = new Float64Array(n);
  const { pDay, pClient, pAmount, pAlive } = store;
  for (let i = 0, m = store.size; i < m; i++) {
    const d = pDay[i];
    if (d > to || d <= from || pAlive[i] === 0) continue;
    revenue[pClient[i]] += pAmount[i];
  }
  // First, last and how many days, up to asOf, from each client's sorted purchase days.
  const { offsets, days: sortedDays } = purchaseDays(store);
  const first = new Int32Array(n);
  const last = new Int32Array(n);
  const days = new Int32Array(n);
  for (let c = 0; c < n; c++) {
    const a = offsets[c];
    const k = upTo(sortedDays, a, offsets[c + 1], to) - a;
    days[c] = k;
    if (k) {
      first[c] = sortedDays[a];
      last[c] = sortedDays[a + k - 1];
    }
  }
  const fixed = attributes(store, opts.includeArchived);
  const { order } = fixed;
  let total = 0;
  for (const s of order) if (store.cArchived[s] === 0) total += revenue[s];
  const k = order.length;
  // Filled with push, never `new Array(k)`: a holey array is cloned key by key, twice the bytes over IPC.
  const revenueCents: number[] = [];
  const purchaseCount: number[] = [];
  const firstPurchase: number[] = [];
  const lastPurchase: number[] = [];
  for (let r = 0; r < k; r++) {
    const s = order[r];
    revenueCents.push(Math.round(revenue[s] * 100));
    purchaseCount.push(days[s]);
    firstPurchase.push(days[s] ? epochDay(first[s]) : -1);
    lastPurchase.push(days[s] ? epochDay(last[s]) : -1);
  }
  return {
    stamp: gridStamp(store, opts), asOf: opts.asOf, totalCents: total * 100, count: k, total: k, dict: fixed.dict,
    columns: { ...fixed.columns, revenueCents, purchaseCount, firstPurchase, lastPurchase },
  };
}

type Fixed = Pick<ClientsGrid['columns'], 'id' | 'code' | 'name' | 'type' | 'status' | 'manager' | 'department' | 'country' | 'archived'>;
const attributeMemo = new WeakMap<PurchaseStore, { version: number; includeArchived: boolean; order: number[]; columns: Fixed; dict: ClientsGrid['dict'] }>();

/** The columns that do not depend on the date, built once per store version (names, codes, the texts behind the dictionaries). */
function attributes(store: PurchaseStore, includeArchived: boolean) {
  const memo = attributeMemo.get(store);
  if (memo && memo.version === store.version && memo.includeArchived === includeArchived) return memo;
  const order = nameOrder(store).filter((s) => includeArchived || store.cArchived[s] === 0);
  const dicts = { type: new Dict(), status: new Dict(), manager: new Dict(), department: new Dict(), country: new Dict() };
  const typeName = new Map(store.org.types.map((t) => [t.id, t.name]));
  const managers = new Map(store.org.managers.map((m) => [m.id, m]));
  const departmentName = new Map(store.org.departments.map((d) => [d.id, d.name]));
  const k = order.length;
  // Packed arrays (push), so they clone densely (see clientsGrid).
  const columns: Fixed = { id: [], code: [], name: [], type: [], status: [], manager: [], department: [], country: [], archived: [] };
  for (let r = 0; r < k; r++) {
    const s = order[r];
    const manager = managers.get(store.cManager[s]);
    columns.id.push(store.cId[s]);
    columns.code.push(store.cCode[s]);
    columns.name.push(store.cName[s]);
    columns.type.push(dicts.type.index(typeName.get(store.cType[s])));
    columns.status.push(dicts.status.index(store.cStatus[s]));
    columns.manager.push(dicts.manager.index(manager?.name));
    // The client's own department, else its manager's (as the grid's SQL joins them).
    columns.department.push(dicts.department.index(departmentName.get(store.cDepartment[s]) ?? (manager?.departmentId ? departmentName.get(manager.departmentId) : undefined)));
    columns.country.push(dicts.country.index(store.cCountry[s]));
    columns.archived.push(store.cArchived[s] ? 1 : 0);
  }
  const dict = { type: dicts.type.values, status: dicts.status.values, manager: dicts.manager.values, department: dicts.department.values, country: dicts.country.values };
  const value = { version: store.version, includeArchived, order, columns, dict };
  attributeMemo.set(store, value);
  return value;
}

class Dict {
  values: string[] = [];
  private at = new Map<string, number>();
  index(v: string | null | undefined): number {
    if (v === null || v === undefined) return -1;
    let i = this.at.get(v);
    if (i === undefined) this.at.set(v, (i = this.values.push(v) - 1));
    return i;
  }
}

const epochDays = new Map<number, number>();
/** YYYYMMDD → days since 1970-01-01; a base has a few thousand distinct dates, each worked out once. */
function epochDay(d: number): number {
  let e = epochDays.get(d);
  // `| 0`: a small integer clones in 3 bytes, a double in 9.
  if (e === undefined) epochDays.set(d, (e = (Date.UTC(Math.floor(d / 10000), Math.floor(d / 100) % 100 - 1, d % 100) / 86_400_000) | 0));
  return e;
}

/** SQLite's NOCASE folds ASCII letters only; the grid's order follows it exactly. */
function foldAscii(s: string): string {
  return /[A-Z]/.test(s) ? s.replace(/[A-Z]+/g, (m) => m.toLowerCase()) : s;
}

const orders = new WeakMap<PurchaseStore, { version: number; order: number[] }>();
function nameOrder(store: PurchaseStore): number[] {
  const memo = orders.get(store);
  if (memo && memo.version === store.version) return memo.order;
  const keys = store.cName.slice(0, store.clientCount).map(foldAscii);
  const order = Array.from({ length: store.clientCount }, (_, s) => s);
  // Binary order of UTF-16 units, as SQLite compares text: not localeCompare.
  order.sort((a, b) => (keys[a] < keys[b] ? -1 : keys[a] > keys[b] ? 1 : store.cId[a] - store.cId[b]));
  orders.set(store, { version: store.version, order });
  return order;
}

/** How many of `days[a..b)` (ascending) are <= `to`. */
function upTo(days: Int32Array, a: number, b: number, to: number): number {
  let lo = a;
  let hi = b;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (days[mid] <= to) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

const daysMemo = new WeakMap<PurchaseStore, { version: number; offsets: Int32Array; days: Int32Array }>();

/**
 * Each client's distinct purchase days (live lines), ascending, one run per
 * client slot: built once per store version by bucketing the lines by
 * client and sorting each bucket (a few dozen days each), so every grid call
 * after it is a binary search per client instead of a pass with a hash set.
 */
function purchaseDays(store: PurchaseStore): { offsets: Int32Array; days: Int32Array } {
  const memo = daysMemo.get(store);
  if (memo && memo.version === store.version) return memo;
  const n = store.clientCount;
  const { pDay, pClient, pAlive } = store;
  const start = new Int32Array(n + 1);
  for (let i = 0; i < store.size; i++) if (pAlive[i]) start[pClient[i] + 1]++;
  for (let c = 0; c < n; c++) start[c + 1] += start[c];
  const all = new Int32Array(start[n]);
  const fill = start.slice(0, n);
  for (let i = 0; i < store.size; i++) if (pAlive[i]) all[fill[pClient[i]]++] = pDay[i];
  const offsets = new Int32Array(n + 1);
  let out = 0;
  for (let c = 0; c < n; c++) {
    offsets[c] = out;
    const run = all.subarray(start[c], start[c + 1]).sort();
    for (let j = 0; j < run.length; j++) if (j === 0 || run[j] !== run[j - 1]) all[out++] = run[j];
  }
  offsets[n] = out;
  const value = { version: store.version, offsets, days: all.slice(0, out) };
  daysMemo.set(store, value);
  return value;
}
