import { expectedOccasions, pAlive as pAliveOf, type BgnbdParams } from '../../../shared/features/retention/bgnbd';
import { dayOfIso, isoOfDay } from '../../../shared/features/retention/days';
import { dormantReasons, overdueDays, riskShare } from '../../../shared/features/retention/dormancy';
import { rhythmOfRange } from '../../../shared/features/retention/rhythm';
import type { RetentionSettings } from '../../../shared/features/retention/settings';
import { historyOf, type PurchaseStore } from './history';

/** The "usual annual revenue" looks back this far (or over the whole history, if shorter). */
const ANNUAL_LOOKBACK_DAYS = 3 * 365;

/**
 * Every client's rhythm and recency at one date, by store slot, in typed
 * arrays: one walk over each client's day entries. Model columns (P(alive),
 * expected occasions) come separately, since they change with the fit.
 */
export interface DormancyBase {
  key: string;
  asOf: string;
  asOfDay: number;
  clients: number;
  occasions: Int32Array;
  first: Int32Array;
  last: Int32Array;
  /** The entry of the last occasion (−1: none), for what was bought then. */
  lastEntry: Int32Array;
  rhythm: Float64Array;
  annualRevenue: Float64Array;
  /** BG/NBD inputs in weeks: repeat occasions, last repeat after the first, and observation since the first. */
  x: Float64Array;
  tx: Float64Array;
  T: Float64Array;
}

export function computeBase(s: PurchaseStore, asOf: string, minOccasions: number): DormancyBase {
  const h = historyOf(s);
  const n = s.clientCount;
  const asOfDay = dayOfIso(asOf);
  const occasions = new Int32Array(n);
  const first = new Int32Array(n).fill(-1);
  const last = new Int32Array(n).fill(-1);
  const lastEntry = new Int32Array(n).fill(-1);
  const rhythm = new Float64Array(n).fill(NaN);
  const annualRevenue = new Float64Array(n);
  const x = new Float64Array(n);
  const tx = new Float64Array(n);
  const T = new Float64Array(n);
  let widest = 1;
  for (let c = 0; c < n; c++) widest = Math.max(widest, h.start[c + 1] - h.start[c]);
  const days = new Float64Array(widest);
  const scratch = new Float64Array(widest);
  const lookFrom = asOfDay - ANNUAL_LOOKBACK_DAYS;
  for (let c = 0; c < n; c++) {
    let k = 0;
    let revenue = 0;
    let lastE = -1;
    for (let e = h.start[c]; e < h.start[c + 1]; e++) {
      const d = h.day[e];
      if (d > asOfDay) break;
      if (d > lookFrom) revenue += h.revenue[e];
      if (h.occasion[e]) (days[k++] = d), (lastE = e);
    }
    occasions[c] = k;
    if (k === 0) continue;
    first[c] = days[0];
    last[c] = days[k - 1];
    lastEntry[c] = lastE;
    const r = rhythmOfRange(days, 0, k, minOccasions, scratch);
    if (r !== null) rhythm[c] = r;
    const years = Math.max(1, (asOfDay - Math.max(days[0], lookFrom)) / 365);
    annualRevenue[c] = revenue / years;
    x[c] = k - 1;
    tx[c] = (days[k - 1] - days[0]) / 7;
    T[c] = (asOfDay - days[0]) / 7;
  }
  return { key: '', asOf, asOfDay, clients: n, occasions, first, last, lastEntry, rhythm, annualRevenue, x, tx, T };
}

/**
 * P(alive) per slot (NaN where there is no model or no purchase), and the
 * expected occasions on demand: P(alive) is a closed form every rule needs
 * for every client, the expectation a hypergeometric series only the rows
 * shown need.
 */
export interface ModelColumns {
  key: string;
  pAlive: Float64Array;
  expected: (c: number) => number;
}

export function computeModel(b: DormancyBase, params: BgnbdParams | null, horizonDays: number): ModelColumns {
  const pAlive = new Float64Array(b.clients).fill(NaN);
  const hist = (c: number) => ({ x: b.x[c], tx: b.tx[c], T: b.T[c] });
  if (params) for (let c = 0; c < b.clients; c++) if (b.occasions[c] > 0) pAlive[c] = pAliveOf(params, hist(c));
  const t = horizonDays / 7;
  return { key: '', pAlive, expected: (c) => (params && b.occasions[c] > 0 ? expectedOccasions(params, t, hist(c)) : NaN) };
}

const bases = new WeakMap<PurchaseStore, DormancyBase[]>();
const models = new WeakMap<DormancyBase, ModelColumns>();

/** The base for this store version, date and rule; the two most recent are kept (the screens' today and one other date). */
export function dormancyBase(s: PurchaseStore, asOf: string, minOccasions: number): DormancyBase {
  const key = `${s.version}|${asOf}|${minOccasions}`;
  const list = bases.get(s) ?? [];
  const hit = list.find((b) => b.key === key);
  if (hit) return hit;
  const b = computeBase(s, asOf, minOccasions);
  b.key = key;
  bases.set(s, [b, ...list].slice(0, 2));
  return b;
}

export function modelColumns(b: DormancyBase, params: BgnbdParams | null, horizonDays: number): ModelColumns {
  const key = `${params ? `${params.r},${params.alpha},${params.a},${params.b}` : 'none'}|${horizonDays}`;
  const hit = models.get(b);
  if (hit && hit.key === key) return hit;
  const m = computeModel(b, params, horizonDays);
  m.key = key;
  models.set(b, m);
  return m;
}

const num = (v: number): number | null => (Number.isNaN(v) ? null : v);

/** The rule alone, without building a row: the pass over every client uses it. */
export function isDormant(b: DormancyBase, m: ModelColumns, c: number, rule: Pick<RetentionSettings, 'gapFactor' | 'pAliveBelow'>): boolean {
  if (b.occasions[c] === 0) return false;
  const rhythm = b.rhythm[c];
  if (!Number.isNaN(rhythm) && rhythm > 0 && b.asOfDay - b.last[c] > rule.gapFactor * rhythm) return true;
  const p = m.pAlive[c];
  return b.occasions[c] > 1 && !Number.isNaN(p) && p < rule.pAliveBelow;
}

/** One slot's facts as the rule and the rows read them. */
export function slotFacts(b: DormancyBase, m: ModelColumns, c: number, rule: Pick<RetentionSettings, 'gapFactor' | 'pAliveBelow'>) {
  const hasAny = b.occasions[c] > 0;
  const rhythmDays = num(b.rhythm[c]);
  const daysSince = hasAny ? b.asOfDay - b.last[c] : null;
  // P(alive) is 1 by construction for a client with no repeat yet: it says nothing, so the rule does not use it.
  const pAlive = hasAny && b.occasions[c] > 1 ? num(m.pAlive[c]) : null;
  const facts = { rhythmDays, daysSince, pAlive };
  const reasons = dormantReasons(facts, rule);
  return {
    occasions: b.occasions[c],
    firstPurchase: hasAny ? isoOfDay(b.first[c]) : null,
    lastPurchase: hasAny ? isoOfDay(b.last[c]) : null,
    rhythmDays,
    daysSince,
    overdueDays: overdueDays(rhythmDays, daysSince),
    pAlive,
    expected: num(m.expected(c)),
    annualRevenue: b.annualRevenue[c],
    valueAtRisk: b.annualRevenue[c] * riskShare(facts),
    dormant: reasons.length > 0,
    reasons,
  };
}
