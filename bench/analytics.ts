import type { Db } from '../electron/db/connection';
import { scopeRanking } from '../electron/features/analytics/ranking';
import { accountsReport, analyticsReport, getAnalyticsSettings } from '../electron/features/analytics/report';
import { purchaseStore } from '../electron/features/analytics/store';
import { whatIf } from '../electron/features/analytics/what-if';
import { analyticsWorkbook } from '../electron/features/analytics/workbook';
import { lastTwelveMonths } from '../shared/features/analytics/period';

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const ms = (fn: () => unknown) => {
  const t = performance.now();
  fn();
  return performance.now() - t;
};

/** Key-account analytics: the store's first load, then warm figures with a different period each time (no memo hits). */
export async function benchAnalytics(db: Db, asOf: string): Promise<string[]> {
  const scope = { kind: 'company' as const };
  const period = lastTwelveMonths(asOf);
  const first = ms(() => analyticsReport(db, { ...period, scope }));
  const store = purchaseStore(db);
  const settings = getAnalyticsSettings(db);
  const shifted = (i: number) => ({ from: period.from, to: `${asOf.slice(0, 8)}${String(20 + (i % 9)).padStart(2, '0')}`, scope });
  const core = median(Array.from({ length: 7 }, (_, i) => ms(() => scopeRanking(store, shifted(i), settings))));
  const full = median(Array.from({ length: 7 }, (_, i) => ms(() => analyticsReport(db, shifted(i)))));
  const people = median(Array.from({ length: 5 }, (_, i) => ms(() => accountsReport(db, shifted(i)))));
  const r = analyticsReport(db, { ...period, scope });
  const ids = [r.rows[0].id];
  const what = median(Array.from({ length: 7 }, () => ms(() => whatIf(db, { ...period, scope, clientIds: ids }))));
  const t = performance.now();
  const bytes = await analyticsWorkbook(db, { ...period, scope }, ids);
  const book = performance.now() - t;
  const n = `${store.clientCount.toLocaleString('en')} clients, ${store.size.toLocaleString('en')} lines`;
  return [
    `analytics first      ${first.toFixed(0)} ms (store load + first report)   (${n})`,
    `pareto+abc+hhi+bands ${core.toFixed(1)} ms warm (median of 7, new period each time)   (${r.rows.length.toLocaleString('en')} ranked clients)`,
    `full report          ${full.toFixed(1)} ms warm (adds rows, moves, monthly trend)`,
    `key accounts panels  ${people.toFixed(1)} ms warm (key accounts, KAM, breadth, wallet)`,
    `what-if              ${what.toFixed(1)} ms warm (median of 7)`,
    `excel report         ${(book / 1000).toFixed(2)} s, ${(bytes.length / 1e6).toFixed(1)} MB (${r.rows.length.toLocaleString('en')} rows on each of 3 sheets, 2 charts)`,
  ];
}
