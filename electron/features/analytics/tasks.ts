import type { ReportInput } from '../../../shared/features/analytics/types';
import type { TaskFunctions } from '../../jobs/task-types';
import { inServeWorker, NOT_IN_WORKER, serve } from './serve';
import { writeAnalyticsWorkbook } from './workbook';

/** Key-account work that runs in a worker: the analytics host (host.ts) and the Excel report. */
export interface AnalyticsTasks {
  'analytics.serve': { args: { mailbox: SharedArrayBuffer }; result: null | typeof NOT_IN_WORKER };
  'analytics.workbook': { args: { input: ReportInput; whatIfClientIds: number[]; path: string }; result: { rows: number } };
}

export const analyticsTasks: TaskFunctions<AnalyticsTasks> = {
  'analytics.serve': async (db, { mailbox }, ctl) => (inServeWorker() ? serve(db, mailbox, ctl) : NOT_IN_WORKER),
  'analytics.workbook': (db, { input, whatIfClientIds, path }, ctl) => writeAnalyticsWorkbook(db, input, whatIfClientIds, path, ctl),
};
