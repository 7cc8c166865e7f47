import { paretoCount, portfolio, riskBand, shareOf } from '../../../shared/features/analytics/concentration';
import { analyticsSettingsSchema, DEFAULT_ANALYTICS_SETTINGS, RISK_BANDS, type AbcClass, type AnalyticsSettings, type RiskBand } from '../../../shared/features/analytics/settings';
import { monthsOf } from '../../../shared/features/analytics/period';
import type { AccountsReport, AnalyticsReport, CurvePoint, DependencyRow, ParetoPoint, ReportInput, TrendPoint } from '../../../shared/features/analytics/types';
import { addDays, addMonths } from '../../../shared/kernel/dates';
import type { Db } from '../../db/connection';
import { readSetting, writeSetting } from '../../db/settings-store';
import { keyAccounts, kamWorkload, relationshipBreadth, shareOfWallet } from './accounts';
import { monthlyRevenue } from './passes';
import { classOfCode, scopeRanking, type ScopeRanking } from './ranking';
import { purchaseStore, type PurchaseStore } from './store';

export function getAnalyticsSettings(db: Db): AnalyticsSettings {
  const saved = analyticsSettingsSchema.safeParse({ ...DEFAULT_ANALYTICS_SETTINGS, ...(readSetting<object>(db, 'analytics') ?? {}) });
  return saved.success ? saved.data : DEFAULT_ANALYTICS_SETTINGS;
}

export function saveAnalyticsSettings(db: Db, s: AnalyticsSettings): AnalyticsSettings {
  writeSetting(db, 'analytics', s);
  return getAnalyticsSettings(db);
}

/** Bars shown one per client on the Pareto chart; the rest share one "others" bar. */
export const PARETO_BARS = 60;
/** The trend covers at most this many of the period's most recent months. */
export const TREND_MONTHS = 36;

export function analyticsReport(db: Db, input: ReportInput): AnalyticsReport {
  const store = purchaseStore(db);
  const settings = getAnalyticsSettings(db);
  const started = performance.now();
  const r = scopeRanking(store, input, settings);
  const { ranking, classes } = r;

  // The headline is about 80% whatever the class A limit is set to.
  const clientsFor80 = paretoCount(ranking.revenue, ranking.total, 0.8);
  const counts = countClasses(classes);
  const previousCounts = countClasses(Array.from(r.previousRanking.order, (s) => classOfCode(r.previousClassBySlot[s])!));
  const revenueByClass: Record<AbcClass, number> = { A: 0, B: 0, C: 0 };
  classes.forEach((c, i) => (revenueByClass[c] += ranking.revenue[i]));

  const rows = dependencyRows(store, r, settings);
  const bandCounts = Object.fromEntries(RISK_BANDS.map((b) => [b, 0])) as Record<RiskBand, number>;
  for (const row of rows) bandCounts[row.band]++;

  return {
    period: r.period,
    previous: r.previous,
    scope: { ...input.scope, name: r.scopeName },
    settings,
    revenue: ranking.total,
    previousRevenue: r.previousRanking.total,
    pareto: {
      clientsFor80,
      shareOfClientsFor80: clientsFor80 === null ? null : clientsFor80 / ranking.order.length,
      points: paretoPoints(store, r),
      curve: cumulativeCurve(ranking.revenue, ranking.total, clientsFor80),
    },
    abc: { counts, previousCounts, revenue: revenueByClass, moves: classMoves(store, r, rows) },
    portfolio: r.portfolio,
    previousPortfolio: r.previousPortfolio,
    bandCounts,
    rows,
    trend: trend(store, r),
    computeMs: performance.now() - started,
  };
}

export function accountsReport(db: Db, input: ReportInput): AccountsReport {
  const store = purchaseStore(db);
  const settings = getAnalyticsSettings(db);
  const started = performance.now();
  const r = scopeRanking(store, input, settings);
  const { accounts, flaggedLeftOut } = keyAccounts(store, r, settings);
  return {
    keyAccounts: accounts,
    flaggedLeftOut,
    kam: kamWorkload(accounts, settings),
    breadth: relationshipBreadth(db, accounts, settings, r.period.to),
    wallet: shareOfWallet(store, r),
    computeMs: performance.now() - started,
  };
}

const countClasses = (cs: AbcClass[]) => cs.reduce<Record<AbcClass, number>>((acc, c) => (acc[c]++, acc), { A: 0, B: 0, C: 0 });

function dependencyRows(store: PurchaseStore, r: ScopeRanking, s: AnalyticsSettings): DependencyRow[] {
  const managerName = new Map(store.org.managers.map((m) => [m.id, m.name]));
  const deptName = new Map(store.org.departments.map((d) => [d.id, d.name]));
  const { order, revenue, total } = r.ranking;
  const rows: DependencyRow[] = new Array(order.length);
  let cum = 0;
  for (let i = 0; i < order.length; i++) {
    const slot = order[i];
    cum += revenue[i];
    const share = shareOf(revenue[i], total);
    rows[i] = {
      id: store.cId[slot],
      name: store.cName[slot],
      manager: managerName.get(store.cManager[slot]) ?? null,
      department: deptName.get(r.departments[slot]) ?? null,
      revenue: revenue[i],
      previousRevenue: r.companyPrevious.revenue[slot],
      share,
      cumulativeShare: shareOf(cum, total),
      abc: r.classes[i],
      previousAbc: classOfCode(r.previousClassBySlot[slot]),
      band: riskBand(share, s.bands),
      grew: r.grew[i] === 1,
    };
  }
  return rows;
}

function paretoPoints(store: PurchaseStore, r: ScopeRanking): ParetoPoint[] {
  const { order, revenue, total } = r.ranking;
  const points: ParetoPoint[] = [];
  let cum = 0;
  for (let i = 0; i < Math.min(PARETO_BARS, order.length); i++) {
    cum += revenue[i];
    points.push({ id: store.cId[order[i]], name: store.cName[order[i]], revenue: revenue[i], cumulativeShare: shareOf(cum, total), clients: 1 });
  }
  if (order.length > PARETO_BARS) {
    let rest = 0;
    for (let i = PARETO_BARS; i < order.length; i++) rest += revenue[i];
    // No name: the screens and the workbook say "N others" in the user's language from `clients`.
    points.push({ id: null, name: '', revenue: rest, cumulativeShare: total > 0 ? 1 : 0, clients: order.length - PARETO_BARS });
  }
  return points;
}

/** Points of the cumulative curve kept at most: enough for a smooth line at any width, small over IPC. */
export const CURVE_POINTS = 400;

/** The cumulative share of revenue against the share of clients, largest first (see AnalyticsReport.pareto.curve). */
export function cumulativeCurve(revenue: ArrayLike<number>, total: number, clientsFor80: number | null): CurvePoint[] {
  const n = revenue.length;
  const points: CurvePoint[] = [{ clients: 0, clientShare: 0, revenueShare: 0 }];
  if (n === 0) return points;
  // Every one of the first clients (where the curve bends), then every step-th, plus the 80% point and the last.
  const head = Math.min(n, PARETO_BARS);
  const step = Math.max(1, Math.ceil((n - head) / (CURVE_POINTS - PARETO_BARS)));
  let cum = 0;
  for (let i = 0; i < n; i++) {
    cum += revenue[i];
    const k = i + 1;
    if (k <= head || (k - head) % step === 0 || k === clientsFor80 || k === n) points.push({ clients: k, clientShare: k / n, revenueShare: shareOf(cum, total) });
  }
  return points;
}

/** Clients whose class changed since the previous period, including those that came or went. */
function classMoves(store: PurchaseStore, r: ScopeRanking, rows: DependencyRow[]): AnalyticsReport['abc']['moves'] {
  const moves: AnalyticsReport['abc']['moves'] = [];
  const now = new Set<number>();
  for (const row of rows) {
    now.add(row.id);
    if (row.abc !== row.previousAbc) moves.push({ id: row.id, name: row.name, from: row.previousAbc, to: row.abc });
  }
  for (const slot of r.previousRanking.order) {
    if (!now.has(store.cId[slot])) moves.push({ id: store.cId[slot], name: store.cName[slot], from: classOfCode(r.previousClassBySlot[slot]), to: null });
  }
  return moves;
}

/** Whether the period holds every day of the month (YYYY-MM). */
function coversMonth(p: { from: string; to: string }, month: string): boolean {
  const first = `${month}-01`;
  const last = addDays(addMonths(first, 1), -1);
  return p.from <= first && p.to >= last;
}

/** Concentration month by month over the period's most recent months. */
function trend(store: PurchaseStore, r: ScopeRanking): TrendPoint[] {
  const months = monthsOf(r.period).slice(-TREND_MONTHS);
  const matrix = monthlyRevenue(store, r.period, months, r.inScope);
  const width = store.clientCount;
  return months.map((month, m) => {
    const values = matrix.subarray(m * width, (m + 1) * width);
    let total = 0;
    let clients = 0;
    for (let c = 0; c < width; c++) {
      total += values[c];
      if (values[c] !== 0) clients++;
    }
    // Zeros (clients silent that month) change neither the squares nor the top five.
    const { total: _t, monoclient: _m, ...p } = portfolio(values, total);
    return { month, ...p, clients, partial: !coversMonth(r.period, month) };
  });
}
