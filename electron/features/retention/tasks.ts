import type { TaskFunctions } from '../../jobs/task-types';

// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface RetentionTasks {}

export const retentionTasks: TaskFunctions<RetentionTasks> = {};
