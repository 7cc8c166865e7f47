import type { TaskFunctions } from '../../jobs/task-types';
import { inServeWorker, NOT_IN_WORKER, serve } from './serve';

/** Key-account work that runs in a worker: the analytics host (host.ts), which also writes the Excel report. */
export interface AnalyticsTasks {
  'analytics.serve': { args: { mailbox: SharedArrayBuffer }; result: null | typeof NOT_IN_WORKER };
}

export const analyticsTasks: TaskFunctions<AnalyticsTasks> = {
  'analytics.serve': async (db, { mailbox }, ctl) => (inServeWorker() ? serve(db, mailbox, ctl) : NOT_IN_WORKER),
};
