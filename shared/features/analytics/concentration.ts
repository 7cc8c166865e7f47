import type { AbcClass, AnalyticsSettings, RiskBand } from './settings';
import { RISK_BANDS } from './settings';

/**
 * Concentration figures over per-client net revenue. Inputs are typed arrays
 * indexed by a client slot so a million-line base stays a few milliseconds of
 * arithmetic; clients are those with at least one purchase line in the period.
 */
export interface Ranking {
  /** Client slots by revenue descending, ties by id ascending (a stable, reproducible order). */
  order: Int32Array;
  /** Revenue of order[i]. */
  revenue: Float64Array;
  total: number;
}

export function rank(slots: Int32Array, revenueBySlot: Float64Array, idBySlot: Int32Array): Ranking {
  const order = idsAscending(slots, idBySlot) ? radixOrderDescending(slots, revenueBySlot) : Int32Array.from(slots).sort((a, b) => revenueBySlot[b] - revenueBySlot[a] || idBySlot[a] - idBySlot[b]);
  const revenue = new Float64Array(order.length);
  let total = 0;
  for (let i = 0; i < order.length; i++) {
    revenue[i] = revenueBySlot[order[i]];
    total += revenue[i];
  }
  return { order, revenue, total };
}

function idsAscending(slots: Int32Array, idBySlot: Int32Array): boolean {
  for (let i = 1; i < slots.length; i++) if (idBySlot[slots[i]] <= idBySlot[slots[i - 1]]) return false;
  return true;
}

/**
 * Slots by value descending, ties in input order: an LSD radix sort on the
 * float's bits (four 16-bit passes), about four times faster than a comparator
 * sort at 50,000 clients, which is most of the 50 ms budget.
 */
function radixOrderDescending(slots: Int32Array, value: Float64Array): Int32Array {
  const n = slots.length;
  const f = new Float64Array(n);
  for (let i = 0; i < n; i++) f[i] = value[slots[i]];
  const bits = new Uint32Array(f.buffer); // little-endian: [lo, hi] per value
  const lo = new Uint32Array(n);
  const hi = new Uint32Array(n);
  for (let i = 0; i < n; i++) {
    let h = bits[2 * i + 1];
    let l = bits[2 * i];
    // Order-preserving map of IEEE bits to unsigned, then inverted for descending order.
    if (h & 0x80000000) {
      h = ~h;
      l = ~l;
    } else h |= 0x80000000;
    hi[i] = ~h >>> 0;
    lo[i] = ~l >>> 0;
  }
  let idx = new Int32Array(n);
  let tmp = new Int32Array(n);
  for (let i = 0; i < n; i++) idx[i] = i;
  const count = new Int32Array(65536);
  for (const [word, shift] of [[lo, 0], [lo, 16], [hi, 0], [hi, 16]] as const) {
    count.fill(0);
    for (let i = 0; i < n; i++) count[(word[idx[i]] >>> shift) & 0xffff]++;
    let sum = 0;
    for (let b = 0; b < 65536; b++) {
      const c = count[b];
      count[b] = sum;
      sum += c;
    }
    for (let i = 0; i < n; i++) tmp[count[(word[idx[i]] >>> shift) & 0xffff]++] = idx[i];
    [idx, tmp] = [tmp, idx];
  }
  const out = new Int32Array(n);
  for (let i = 0; i < n; i++) out[i] = slots[idx[i]];
  return out;
}

/** Shares are only meaningful over a positive total; a period of net credit notes has none. */
export const shareOf = (revenue: number, total: number) => (total > 0 ? revenue / total : 0);

/**
 * The fewest clients, by revenue descending, whose cumulative revenue reaches
 * `cut` of the total (the Pareto point). Null when there is no positive revenue.
 */
export function paretoCount(sorted: Float64Array, total: number, cut: number): number | null {
  if (!(total > 0)) return null;
  let cum = 0;
  for (let i = 0; i < sorted.length; i++) {
    cum += sorted[i];
    // A relative epsilon keeps 0.1 + 0.7 from missing 0.8 by one ulp.
    if (cum >= cut * total * (1 - 1e-12)) return i + 1;
  }
  return sorted.length;
}

/**
 * ABC by cumulative share: a client is A while the clients before it have not
 * yet reached `classA` (so the client that takes the total past the limit is A,
 * and the A count is the Pareto point at that limit); B likewise up to `classB`.
 * Clients with no positive revenue are C.
 */
export function abcClasses(sorted: Float64Array, total: number, s: Pick<AnalyticsSettings, 'classA' | 'classB'>): AbcClass[] {
  const out: AbcClass[] = new Array(sorted.length);
  const a = paretoCount(sorted, total, s.classA) ?? 0;
  const b = paretoCount(sorted, total, s.classB) ?? 0;
  for (let i = 0; i < sorted.length; i++) out[i] = sorted[i] <= 0 ? 'C' : i < a ? 'A' : i < b ? 'B' : 'C';
  return out;
}

/** Lower bounds are inclusive: with the default bands a share of exactly 20% is "widen". */
export function riskBand(share: number, bands: AnalyticsSettings['bands']): RiskBand {
  let i = 0;
  while (i < bands.length && share >= bands[i]) i++;
  return RISK_BANDS[i];
}

export interface Portfolio {
  clients: number;
  total: number;
  top1Share: number;
  top3Share: number;
  top5Share: number;
  /** Herfindahl–Hirschman index on shares 0–1: 1/n for n equal clients, 1 for a single one. */
  hhi: number;
  /** 1/HHI: how many equal clients the base is worth. */
  effectiveClients: number;
  /** The business lives off one client. */
  monoclient: boolean;
}

/** A business is treated as monoclient when one client brings three quarters of revenue or more. */
export const MONOCLIENT_SHARE = 0.75;

/** Portfolio figures over revenues in any order (a top-5 is kept on the way; nothing is sorted). */
export function portfolio(values: ArrayLike<number>, total: number): Portfolio {
  let sumSq = 0;
  const top = [-Infinity, -Infinity, -Infinity, -Infinity, -Infinity];
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    sumSq += v * v;
    if (v > top[4]) {
      let j = 4;
      while (j > 0 && top[j - 1] < v) {
        top[j] = top[j - 1];
        j--;
      }
      top[j] = v;
    }
  }
  const topShare = (k: number) => shareOf(top.slice(0, Math.min(k, values.length)).reduce((a, b) => a + b, 0), total);
  const hhi = total > 0 ? sumSq / (total * total) : 0;
  const top1Share = topShare(1);
  return {
    clients: values.length,
    total,
    top1Share,
    top3Share: topShare(3),
    top5Share: topShare(5),
    hhi,
    effectiveClients: hhi > 0 ? 1 / hhi : 0,
    monoclient: total > 0 && top1Share >= MONOCLIENT_SHARE,
  };
}
