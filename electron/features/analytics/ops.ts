import type { ClientsGrid } from '../../../shared/features/accounts';
import { packReport, type PackedReport } from '../../../shared/features/analytics/packing';
import type { AccountsReport, ReportInput, WhatIfInput, WhatIfResult } from '../../../shared/features/analytics/types';
import { toIsoDate } from '../../../shared/kernel/dates';
import type { Db } from '../../db/connection';
import { clientsGrid } from './client-grid';
import { resolvePeriod } from './ranking';
import { accountsReport, analyticsReport, getAnalyticsSettings } from './report';
import { purchaseStore, type StoreSnapshot } from './store';
import { whatIf } from './what-if';

/**
 * What the analytics host answers (host.ts): every call that reads the whole
 * store, computed where the store lives, with answers small enough to cross
 * threads and IPC quickly. The same functions run in this thread when there
 * is no worker (tests, the CLI).
 */
export interface HostOps {
  warm: { input: null; output: null };
  snapshot: { input: null; output: StoreSnapshot };
  report: { input: ReportInput; output: PackedReport };
  accounts: { input: ReportInput; output: AccountsReport };
  whatIf: { input: WhatIfInput; output: WhatIfResult };
  clientsGrid: { input: { includeArchived: boolean; asOf?: string }; output: ClientsGrid };
}
export type HostOp = keyof HostOps;

/**
 * The last report computed, by what it depends on: the period and scope,
 * the store's version (lines, clients, managers, departments) and the
 * settings. Warming up computes the screen's default (the twelve months to
 * today, whole company), so the first open after start only crosses threads.
 */
const lastReport = new WeakMap<object, { key: string; value: PackedReport }>();

function report(db: Db, input: ReportInput): PackedReport {
  const store = purchaseStore(db);
  const key = JSON.stringify([resolvePeriod(input), input.scope, store.version, getAnalyticsSettings(db)]);
  let hit = lastReport.get(store);
  if (hit?.key !== key) lastReport.set(store, (hit = { key, value: packReport(analyticsReport(db, input)) }));
  return hit.value;
}

export const HOST_OPS: { [K in HostOp]: (db: Db, input: HostOps[K]['input']) => HostOps[K]['output'] } = {
  warm: (db) => (report(db, { scope: { kind: 'company' } }), null),
  snapshot: (db) => purchaseStore(db).snapshot(),
  report,
  accounts: (db, input) => accountsReport(db, input),
  whatIf: (db, input) => whatIf(db, input),
  clientsGrid: (db, input) => clientsGrid(purchaseStore(db), { asOf: input.asOf ?? toIsoDate(new Date()), includeArchived: input.includeArchived }),
};
