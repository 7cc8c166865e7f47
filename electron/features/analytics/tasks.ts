import type { TaskFunctions } from '../../jobs/task-types';

/** Key-account work that runs in the worker (the report workbook, the store's first load). */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface AnalyticsTasks {}

export const analyticsTasks: TaskFunctions<AnalyticsTasks> = {};
