import { CLIENTS_LAYOUT, resolveSavedSort, type ClientsGrid, type ClientsGridRanks, type ClientsGridRanksInput, type ResolvedGridInput } from '../../../shared/features/accounts';
import { getLayout, getSettings } from '../settings';
import { packReport, unpackReport, type PackedReport } from '../../../shared/features/analytics/packing';
import type { AccountsReport, AnalyticsReport, ReportInput, WhatIfInput, WhatIfResult } from '../../../shared/features/analytics/types';
import { toIsoDate } from '../../../shared/kernel/dates';
import type { Db } from '../../db/connection';
import { clientsGridAnswer, clientsGridRanks } from './client-grid';
import { resolvePeriod } from './ranking';
import { accountsReport, analyticsReport, getAnalyticsSettings } from './report';
import { purchaseStore, type StoreSnapshot } from './store';
import { whatIf } from './what-if';
import { hostQuery } from './queries';
import { preloadCharts } from './chart-images';
import { writeAnalyticsWorkbook, type WorkbookHooks } from './workbook';

/**
 * What the analytics host answers (host.ts): every call that reads the whole
 * store, computed where the store lives, with answers small enough to cross
 * threads and IPC quickly. The same functions run in this thread when there
 * is no worker (tests, the CLI).
 */
export interface HostOps {
  warm: { input: null; output: null };
  /** Other features' queries the window asks for first, answered ahead; the answers are dropped (each feature keeps its own). */
  prepare: { input: WarmQuery[]; output: null };
  snapshot: { input: null; output: StoreSnapshot };
  report: { input: ReportInput; output: PackedReport };
  accounts: { input: ReportInput; output: AccountsReport };
  whatIf: { input: WhatIfInput; output: WhatIfResult };
  clientsGrid: { input: ResolvedGridInput; output: ClientsGrid };
  clientsGridRanks: { input: ClientsGridRanksInput; output: ClientsGridRanks };
  /** The Excel report, written where the store is already warm; the only op that takes seconds, with progress and cancel. */
  workbook: { input: { input: ReportInput; whatIfClientIds: number[]; path: string }; output: { rows: number } };
  /** Another feature's query, answered here so the main process does not compute it (electron/offload.ts). */
  query: { input: { channel: string; input: unknown }; output: unknown };
}
export type HostOp = keyof HostOps;

/** A query answered at start so that the window's first call finds it kept: the input exactly as main's router passes it on (parsed). */
export interface WarmQuery {
  channel: string;
  input: unknown;
}

/**
 * The last report computed, by what it depends on: the period and scope,
 * the store's version (lines, clients, managers, departments) and the
 * settings. Warming up computes the screen's default (the twelve months to
 * today, whole company), so the first open after start only crosses threads.
 */
const lastReport = new WeakMap<object, { key: string; value: PackedReport; unpacked?: AnalyticsReport }>();

function reportEntry(db: Db, input: ReportInput) {
  const store = purchaseStore(db);
  const key = JSON.stringify([resolvePeriod(input), input.scope, store.version, getAnalyticsSettings(db)]);
  let hit = lastReport.get(store);
  if (hit?.key !== key) lastReport.set(store, (hit = { key, value: packReport(analyticsReport(db, input)) }));
  return hit;
}

const report = (db: Db, input: ReportInput): PackedReport => reportEntry(db, input).value;

/**
 * The same last report as rows, for other features that need the period's
 * classes (retention's Today, the clients' standing): the screen's default
 * report is computed once, at warm-up, for all of them.
 */
export function cachedReport(db: Db, input: ReportInput): AnalyticsReport {
  const hit = reportEntry(db, input);
  return (hit.unpacked ??= unpackReport(hit.value));
}

/**
 * The clients grid as the window will first ask for it, in its saved sort
 * and the user's collation: the first open after start then only copies
 * (sorting 50,000 clients took ≈100 ms of the first rows' call).
 */
function warmGrid(db: Db): void {
  const asked = resolveSavedSort({ includeArchived: false, locale: getSettings(db).locale, sort: 'saved' }, getLayout(db, CLIENTS_LAYOUT));
  clientsGridAnswer(purchaseStore(db), { ...asked, asOf: toIsoDate(new Date()) });
}

function warmQueries(db: Db, queries: readonly WarmQuery[]): void {
  for (const q of queries) {
    try {
      hostQuery(db, q);
    } catch {
      // Answered (and its error shown) when the window asks.
    }
  }
}

/** What a long op is told by its caller: progress goes back, a cancel comes in. */
export type OpHooks = Pick<WorkbookHooks, 'onProgress' | 'isCancelled'>;


export const HOST_OPS: { [K in HostOp]: (db: Db, input: HostOps[K]['input'], hooks?: OpHooks) => HostOps[K]['output'] | Promise<HostOps[K]['output']> } = {
  warm: (db) => (report(db, { scope: { kind: 'company' } }), warmGrid(db), preloadCharts(), null),
  prepare: (db, queries) => (warmQueries(db, queries), null),
  snapshot: (db) => purchaseStore(db).snapshot(),
  report,
  accounts: (db, input) => accountsReport(db, input),
  whatIf: (db, input) => whatIf(db, input),
  clientsGrid: (db, input) => clientsGridAnswer(purchaseStore(db), { ...input, asOf: input.asOf ?? toIsoDate(new Date()) }),
  clientsGridRanks: (db, input) => clientsGridRanks(purchaseStore(db), { ...input, asOf: input.asOf ?? toIsoDate(new Date()) }),
  query: (db, input) => hostQuery(db, input) as never,
  workbook: (db, { input, whatIfClientIds, path }, hooks) => writeAnalyticsWorkbook(db, input, whatIfClientIds, path, { ...hooks, report: cachedReport(db, input) }),
};
