import { dayKey, lastTwelveMonths, monthsOf, previousPeriod, type AbcClass } from '../../../shared/features/analytics';
import { candidateWindows, dayNumber, dayNumberOfKey, judgeHistory } from '../../../shared/features/recovery/candidates';
import type { Candidate, CandidatesResult } from '../../../shared/features/recovery/types';
import { addMonths, toIsoDate } from '../../../shared/kernel/dates';
import type { Db } from '../../db/connection';
import { accountsReport, cachedReport, purchaseStore } from '../analytics';

type PurchaseStore = ReturnType<typeof purchaseStore>;
import { getRecoverySettings } from './settings';

const TREND_MONTHS = 24;
const WINDOWS = ['recent', 'before', 'last12', 'prev12'] as const;

/** Key accounts and A clients of the last twelve months or the twelve before: a loss shows in either. */
function watchedClients(db: Db, asOf: string): Map<number, { abc: AbcClass | null; key: boolean }> {
  const scope = { kind: 'company' } as const;
  const current = lastTwelveMonths(asOf);
  const previous = previousPeriod(current);
  const report = cachedReport(db, { ...current, scope });
  const watched = new Map<number, { abc: AbcClass | null; key: boolean }>();
  const mark = (id: number, abc: AbcClass | null, key: boolean) => {
    const w = watched.get(id) ?? { abc: null, key: false };
    watched.set(id, { abc: w.abc ?? abc, key: w.key || key });
  };
  // The class shown is the current one (null when it bought nothing in the last twelve months).
  const classNow = new Map(report.rows.map((r) => [r.id, r.abc]));
  for (const r of report.rows) if (r.abc === 'A' || r.previousAbc === 'A') mark(r.id, r.abc, false);
  // Clients that bought nothing in the last twelve months are not in the rows, only in the moves.
  for (const m of report.abc.moves) if (m.from === 'A' && m.to === null) mark(m.id, 'A', false);
  for (const period of [current, previous]) for (const k of accountsReport(db, { ...period, scope }).keyAccounts) mark(k.id, classNow.get(k.id) ?? null, true);
  return watched;
}

interface ClientFacts {
  id: number;
  code: string | null;
  status: string;
  archived: number;
  /** The end of its latest case (a far date while one is open): a candidate only after buying since. */
  case_until: string | null;
}

/**
 * Key accounts and A clients that look lost as of `asOf`: overdue against
 * their own rhythm, or revenue fallen against the same days a year before.
 * Clients already lost, prospects, archived clients and clients with an open
 * case (or a closed one and no purchase since) are left out.
 */
export function findCandidates(db: Db, opts: { asOf?: string } = {}): CandidatesResult {
  const asOf = opts.asOf ?? toIsoDate(new Date());
  const settings = getRecoverySettings(db);
  const window = candidateWindows(asOf, settings);
  const watched = watchedClients(db, asOf);
  const ids = [...watched.keys()];
  const facts = new Map(
    (db.sqlite
      .prepare(`SELECT c.id, c.code, c.status, c.archived_at IS NOT NULL AS archived,
                       (SELECT MAX(COALESCE(rc.outcome_on, '9999-12-31')) FROM recovery_cases rc WHERE rc.client_id = c.id AND rc.archived_at IS NULL) AS case_until
                  FROM clients c WHERE c.id IN (SELECT value FROM json_each(?))`)
      .all(JSON.stringify(ids)) as ClientFacts[]).map((f) => [f.id, f]),
  );

  const store = purchaseStore(db);
  const poolSlots: number[] = [];
  const poolOf = new Int32Array(store.clientCount).fill(-1);
  for (const id of ids) {
    const f = facts.get(id);
    const slot = store.clientSlot(id);
    if (f && slot >= 0 && !f.archived && f.status !== 'lost' && f.status !== 'prospect') poolOf[slot] = poolSlots.push(slot) - 1;
  }
  const lines = linesByClient(store, poolOf, poolSlots.length, dayKey(asOf));

  const win = {
    recent: [dayKey(window.recentFrom), dayKey(window.recentTo)],
    before: [dayKey(window.beforeFrom), dayKey(window.beforeTo)],
    last12: [dayKey(lastTwelveMonths(asOf).from), dayKey(asOf)],
    prev12: [dayKey(previousPeriod(lastTwelveMonths(asOf)).from), dayKey(previousPeriod(lastTwelveMonths(asOf)).to)],
  };
  const months = monthsOf({ from: `${addMonths(asOf, 1 - TREND_MONTHS).slice(0, 7)}-01`, to: asOf });
  const managerName = new Map(store.org.managers.map((m) => [m.id, m.name]));
  const asOfDay = dayNumber(asOf);
  // A few thousand distinct days at most, looked up hundreds of thousands of times.
  const dayNumbers = new Map<number, number>();
  const dayOf = (k: number) => dayNumbers.get(k) ?? (dayNumbers.set(k, dayNumberOfKey(k)), dayNumbers.get(k)!);
  const candidates: Candidate[] = [];
  for (let p = 0; p < poolSlots.length; p++) {
    const slot = poolSlots[p];
    const mine = lines.idx.subarray(lines.start[p], lines.start[p + 1]);
    if (mine.length === 0) continue;
    // Purchase days: one per day with a positive net (a day of credit notes only is not a purchase).
    const occasions: number[] = [];
    const sums = { recent: 0, before: 0, last12: 0, prev12: 0 };
    for (let k = 0; k < mine.length; ) {
      const day = store.pDay[mine[k]];
      let net = 0;
      for (; k < mine.length && store.pDay[mine[k]] === day; k++) net += store.pAmount[mine[k]];
      if (net > 0) occasions.push(day);
      for (const w of WINDOWS) if (day >= win[w][0] && day <= win[w][1]) sums[w] += net;
    }
    if (occasions.length === 0) continue;
    const id = store.cId[slot];
    const f = facts.get(id)!;
    const lastKey = occasions[occasions.length - 1];
    const lastPurchase = isoOfKey(lastKey);
    if (f.case_until !== null && lastPurchase <= f.case_until) continue;
    const judged = judgeHistory({ days: occasions.map(dayOf), asOfDay, revenueRecent: sums.recent, revenueYearBefore: sums.before }, settings);
    if (judged.reasons.length === 0) continue;
    const monthly = new Map<string, number>();
    for (const i of mine) {
      const m = isoOfKey(store.pDay[i]).slice(0, 7);
      monthly.set(m, (monthly.get(m) ?? 0) + store.pAmount[i]);
    }
    const w = watched.get(id)!;
    candidates.push({
      clientId: id,
      code: f.code,
      name: store.cName[slot],
      manager: managerName.get(store.cManager[slot]) ?? null,
      reasons: judged.reasons,
      abc: w.abc,
      key: w.key,
      lastPurchase,
      daysSinceLastPurchase: judged.daysSinceLastPurchase,
      occasions: occasions.length,
      rhythmDays: judged.rhythmDays,
      overdueAfterDays: judged.overdueAfterDays,
      revenueRecent: round(sums.recent),
      revenueYearBefore: round(sums.before),
      change: judged.change,
      revenue12m: round(sums.last12),
      revenuePrevious12m: round(sums.prev12),
      trend: months.map((month) => ({ month, revenue: round(monthly.get(month) ?? 0) })),
    });
  }
  candidates.sort((a, b) => b.revenue12m + b.revenuePrevious12m - (a.revenue12m + a.revenuePrevious12m) || a.clientId - b.clientId);
  return { asOf, window, candidates };
}

const round = (n: number) => Math.round(n * 100) / 100;

const isoOfKey = (k: number) => `${Math.floor(k / 10000)}-${String(Math.floor(k / 100) % 100).padStart(2, '0')}-${String(k % 100).padStart(2, '0')}`;

/**
 * The live lines up to `lastKey` of the watched clients, grouped by client
 * (`poolOf` maps a client slot to its group, -1 for the rest) and sorted by
 * day within each group: two passes over the typed arrays, no per-line objects.
 */
function linesByClient(store: PurchaseStore, poolOf: Int32Array, groups: number, lastKey: number) {
  const start = new Int32Array(groups + 1);
  const keep = (i: number) => store.pAlive[i] === 1 && store.pDay[i] <= lastKey && poolOf[store.pClient[i]] >= 0;
  for (let i = 0, n = store.size; i < n; i++) if (keep(i)) start[poolOf[store.pClient[i]] + 1]++;
  for (let g = 0; g < groups; g++) start[g + 1] += start[g];
  const idx = new Int32Array(start[groups]);
  const fill = start.slice(0, groups);
  for (let i = 0, n = store.size; i < n; i++) if (keep(i)) idx[fill[poolOf[store.pClient[i]]]++] = i;
  for (let g = 0; g < groups; g++) idx.subarray(start[g], start[g + 1]).sort((a, b) => store.pDay[a] - store.pDay[b] || a - b);
  return { start, idx };
}
