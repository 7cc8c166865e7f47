import type { Db } from '../db/connection';
import type { JobControl } from './registry';

/** A task's arguments and result: plain data, so it runs the same in this thread or in a worker. */
export interface TaskSpec {
  args: unknown;
  result: unknown;
}

export type TaskFunctions<M extends { [K in keyof M]: TaskSpec }> = { [K in keyof M]: (db: Db, args: M[K]['args'], ctl: JobControl) => Promise<M[K]['result']> };

/** A backup to make before the work starts; null when the caller asked for none (tests, a restore's own copy). */
export type BackupFirst = { keep: number; nativeBinding?: string } | null;
