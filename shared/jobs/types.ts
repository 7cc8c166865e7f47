import type { AppErrorShape } from '../contract/result';

/** Long work (imports, exports, backups, undo, restore) runs as a job the renderer follows. */
export interface JobProgress {
  phase: 'reading' | 'checking' | 'backing-up' | 'writing' | 'restoring' | 'done';
  done: number;
  total: number;
}

export type JobState<R> =
  | { state: 'running'; progress: JobProgress }
  | { state: 'done'; progress: JobProgress; result: R }
  | { state: 'failed'; progress: JobProgress; error: AppErrorShape }
  | { state: 'cancelled'; progress: JobProgress };

/** What a job is, for the "work in progress" banner. */
export type JobKind = 'import' | 'export' | 'backup' | 'undo' | 'restore';

export interface ActiveJob {
  id: string;
  kind: JobKind;
  progress: JobProgress;
}
