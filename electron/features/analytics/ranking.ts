import { abcClasses, portfolio, rank, type Portfolio, type Ranking } from '../../../shared/features/analytics/concentration';
import { toIsoDate } from '../../../shared/kernel/dates';
import { lastTwelveMonths, previousPeriod, shiftYears, type Period } from '../../../shared/features/analytics/period';
import type { Scope } from '../../../shared/features/analytics/types';
import type { AbcClass, AnalyticsSettings } from '../../../shared/features/analytics/settings';
import { effectiveDepartments, presentSlots, revenueIn, scopeMask, type PeriodRevenue } from './passes';
import type { PurchaseStore } from './store';

export interface PeriodQuery {
  from?: string;
  to?: string;
  asOf?: string;
  scope: Scope;
}


/** The period asked for: both ends given, or the twelve months ending on `to` (or as of today). */
export function resolvePeriod(q: Omit<PeriodQuery, 'scope'>): Period {
  const to = q.to ?? q.asOf ?? toIsoDate(new Date());
  return { from: q.from ?? lastTwelveMonths(to).from, to };
}

/** Everything about one period and scope that the report, the what-if and the workbook share. */
export interface ScopeRanking {
  key: string;
  period: Period;
  previous: Period;
  scopeName: string | null;
  departments: Int32Array;
  inScope: Uint8Array;
  company: PeriodRevenue;
  companyPrevious: PeriodRevenue;
  ranking: Ranking;
  classes: AbcClass[];
  grew: Uint8Array;
  portfolio: Portfolio;
  previousRanking: Ranking;
  previousClassBySlot: Int8Array; // -1 none, 0 A, 1 B, 2 C
  previousPortfolio: Portfolio;
}

const CLASS_CODES: AbcClass[] = ['A', 'B', 'C'];
export const classOfCode = (c: number): AbcClass | null => (c < 0 ? null : CLASS_CODES[c]);

let memo: { store: PurchaseStore; version: number; settings: string; value: ScopeRanking } | null = null;

/** Ranks the scope's clients for the period and its predecessor; memoised until the store or settings change. */
export function scopeRanking(store: PurchaseStore, q: PeriodQuery, settings: AnalyticsSettings): ScopeRanking {
  const period = resolvePeriod(q);
  const key = JSON.stringify([period, q.scope]);
  const settingsKey = JSON.stringify(settings);
  if (memo && memo.store === store && memo.version === store.version && memo.settings === settingsKey && memo.value.key === key) return memo.value;

  const previous = previousPeriod(period);
  const departments = effectiveDepartments(store);
  const { inScope, name } = scopeMask(store, q.scope, departments);
  const company = revenueIn(store, period);
  const companyPrevious = revenueIn(store, previous);

  const ranking = rank(presentSlots(company, inScope), company.revenue, store.cId);
  const classes = abcClasses(ranking.revenue, ranking.total, settings);
  const grew = new Uint8Array(ranking.order.length);
  if (settings.growthVariant) promoteGrowers(store, period, settings.growthRate, ranking, classes, grew, company);

  const previousRanking = rank(presentSlots(companyPrevious, inScope), companyPrevious.revenue, store.cId);
  const prevClasses = abcClasses(previousRanking.revenue, previousRanking.total, settings);
  const previousClassBySlot = new Int8Array(store.clientCount).fill(-1);
  previousRanking.order.forEach((slot, i) => (previousClassBySlot[slot] = CLASS_CODES.indexOf(prevClasses[i])));

  const value: ScopeRanking = {
    key, period, previous, scopeName: name, departments, inScope, company, companyPrevious,
    ranking, classes, grew, portfolio: portfolio(ranking.revenue, ranking.total),
    previousRanking, previousClassBySlot, previousPortfolio: portfolio(previousRanking.revenue, previousRanking.total),
  };
  memo = { store, version: store.version, settings: settingsKey, value };
  return value;
}

/** The growth variant: a C client that grew by `rate` or more in each of the last two years becomes B. */
function promoteGrowers(store: PurchaseStore, period: Period, rate: number, r: Ranking, classes: AbcClass[], grew: Uint8Array, current: PeriodRevenue): void {
  const y1 = revenueIn(store, shiftYears(period, 1)).revenue;
  const y2 = revenueIn(store, shiftYears(period, 2)).revenue;
  for (let i = 0; i < r.order.length; i++) {
    const s = r.order[i];
    if (classes[i] !== 'C' || !(y2[s] > 0)) continue;
    if (grewBy(y2[s], y1[s], rate) && grewBy(y1[s], current.revenue[s], rate)) {
      classes[i] = 'B';
      grew[i] = 1;
    }
  }
}

// 100 → 110 is exactly 10%, though 100 * 1.1 is 110.00000000000001 in floating point.
const grewBy = (before: number, after: number, rate: number) => after >= before * (1 + rate) * (1 - 1e-12);
