import type { Db } from '../db/connection';
import { analyticsTasks, type AnalyticsTasks } from '../features/analytics/tasks';
import { backupTasks, type BackupTasks } from '../features/backups/tasks';
import { importTasks, type ImportTasks } from '../features/import/tasks';
import { dossiersTasks, type DossiersTasks } from '../features/dossiers/tasks';
import { retentionTasks, type RetentionTasks } from '../features/retention/tasks';
import { privacyTasks, type PrivacyTasks } from '../features/privacy/tasks';
import type { JobControl } from './registry';
import type { TaskFunctions } from './task-types';

/**
 * Long work that can run in a worker thread with its own connection: each
 * feature's tasks, one line each. The same call runs in this thread (CLI,
 * tests) or in a worker (the app) with one meaning.
 */
export type TaskMap = ImportTasks & BackupTasks & AnalyticsTasks & DossiersTasks & RetentionTasks & PrivacyTasks;
export const TASKS: TaskFunctions<TaskMap> = {
  ...importTasks,
  ...backupTasks,
  ...analyticsTasks,
  ...dossiersTasks,
  ...retentionTasks,
  ...privacyTasks,
};

export type TaskName = keyof TaskMap;
export type TaskArgs<K extends TaskName> = TaskMap[K]['args'];
export type TaskResult<K extends TaskName> = TaskMap[K]['result'];
export type TaskRunner = <K extends TaskName>(db: Db, name: K, args: TaskArgs<K>, ctl: JobControl) => Promise<TaskResult<K>>;

/** The same work in this thread: the CLI, and tests of the handlers. */
export const runTaskHere: TaskRunner = (db, name, args, ctl) => TASKS[name](db, args, ctl);
