import { dayOfYmd } from '../../../shared/features/retention/days';
import type { purchaseStore } from '../analytics';

export type PurchaseStore = ReturnType<typeof purchaseStore>;

/**
 * Each client's purchase history as day entries, built once per store
 * version from the analytics store's typed arrays: per client (by store
 * slot) its days in order, the day's net revenue, whether it was a purchase
 * occasion (any line that is not a credit note), and the
 * day's largest line (what "you bought … on …" names). Every later question
 * (rhythm, overdue, revenue in a window, an anniversary) is then a walk over
 * a client's few entries.
 */
export interface History {
  version: number;
  clients: number;
  /** Entries of slot c are [start[c], start[c + 1]). */
  start: Int32Array;
  day: Int32Array;
  revenue: Float64Array;
  occasion: Uint8Array;
  topLine: Int32Array;
  /** Live lines of slot c, in day order: lineSlots[lineStart[c] .. lineStart[c + 1]). */
  lineStart: Int32Array;
  lineSlots: Int32Array;
  /** Day number of every store line (by store slot). */
  lineDay: Int32Array;
}

export function buildHistory(s: PurchaseStore): History {
  const nc = s.clientCount;
  const n = s.size;
  // Locals, not properties: the loops below run a million times.
  const { pDay, pClient, pAlive, pAmount } = s;
  const lineDay = new Int32Array(n);
  const lineStart = new Int32Array(nc + 1);
  // Lines of one date come in runs (imports, the demo): convert a date only when it differs from the line before.
  let lastYmd = -1;
  let lastDay = 0;
  for (let i = 0; i < n; i++) {
    const ymd = pDay[i];
    if (ymd !== lastYmd) (lastYmd = ymd), (lastDay = dayOfYmd(ymd));
    lineDay[i] = lastDay;
    const c = pClient[i];
    if (pAlive[i] && c >= 0) lineStart[c + 1]++;
  }
  for (let c = 0; c < nc; c++) lineStart[c + 1] += lineStart[c];
  const fill = lineStart.slice(0, nc);
  const lineSlots = new Int32Array(lineStart[nc]);
  for (let i = 0; i < n; i++) {
    const c = pClient[i];
    if (pAlive[i] && c >= 0) lineSlots[fill[c]++] = i;
  }
  // Lines usually arrive in date order per client (imports, the demo); sort only the clients where they did not.
  const byDay = (i: number, j: number) => lineDay[i] - lineDay[j] || i - j;
  let entries = 0;
  for (let c = 0; c < nc; c++) {
    const a = lineStart[c];
    const b = lineStart[c + 1];
    let sorted = true;
    for (let k = a + 1; k < b; k++) {
      if (lineDay[lineSlots[k]] < lineDay[lineSlots[k - 1]]) {
        sorted = false;
        break;
      }
    }
    if (!sorted) lineSlots.subarray(a, b).sort(byDay);
    let prev = -1;
    for (let k = a; k < b; k++) {
      const d = lineDay[lineSlots[k]];
      if (k === a || d !== prev) entries++;
      prev = d;
    }
  }
  const start = new Int32Array(nc + 1);
  const day = new Int32Array(entries);
  const revenue = new Float64Array(entries);
  const occasion = new Uint8Array(entries);
  const topLine = new Int32Array(entries).fill(-1);
  let e = -1;
  for (let c = 0; c < nc; c++) {
    start[c] = e + 1;
    let best = 0;
    const a = lineStart[c];
    const b = lineStart[c + 1];
    for (let k = a; k < b; k++) {
      const i = lineSlots[k];
      const d = lineDay[i];
      if (k === a || d !== day[e]) {
        e++;
        day[e] = d;
        best = 0;
      }
      const amount = pAmount[i];
      revenue[e] += amount;
      // A credit note or return alone is not a purchase; a free line (0) is, as a transaction record counts it.
      if (amount >= 0) {
        occasion[e] = 1;
        if (amount > best || topLine[e] < 0) (best = amount), (topLine[e] = i);
      }
    }
  }
  start[nc] = e + 1;
  return { version: s.version, clients: nc, start, day, revenue, occasion, topLine, lineStart, lineSlots, lineDay };
}

const cache = new WeakMap<PurchaseStore, History>();

/** The history for the store as it is now (rebuilt only when the store took in a change). */
export function historyOf(s: PurchaseStore): History {
  const h = cache.get(s);
  if (h && h.version === s.version) return h;
  const fresh = buildHistory(s);
  cache.set(s, fresh);
  return fresh;
}

/** The index of the last entry of slot c on or before `day`, or start[c] − 1 when there is none. */
export function lastEntryOnOrBefore(h: History, c: number, day: number): number {
  let lo = h.start[c];
  let hi = h.start[c + 1] - 1;
  if (hi < lo || h.day[lo] > day) return lo - 1;
  if (h.day[hi] <= day) return hi;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (h.day[mid] <= day) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}
