import { randomUUID } from 'node:crypto';
import type { Tag } from '../../shared/contract/define';
import type { AppErrorShape } from '../../shared/contract/result';
import type { ActiveJob, JobKind, JobProgress, JobState } from '../../shared/jobs/types';
import { AppError, asStorageError, Cancelled } from '../errors';
import type { Platform } from '../platform';

export interface JobControl {
  onProgress(p: JobProgress): void;
  isCancelled(): boolean;
  /** Resolves when the user cancels: a worker-based job terminates its worker on it. */
  cancelled: Promise<void>;
}

interface Entry {
  kind: JobKind;
  state: JobState<unknown>;
  cancel: () => void;
  cancelledFlag: boolean;
  finishedAt?: number;
}

/** How a job's failure reaches the renderer: a known code and message key, never a stack or English. */
function failure(err: unknown, log: (err: unknown) => void): AppErrorShape {
  if (err instanceof AppError) return err.shape();
  const storage = asStorageError(err);
  if (storage) return storage.shape();
  log(err);
  return { code: 'internal', key: 'common:errors.workFailed' };
}

/** Progress pushed to the window at most this often per job; the end of a job always goes at once. */
const PROGRESS_EVERY_MS = 100;

export interface RegistryOptions {
  keepFinishedMs?: number;
  /** Where job events go: the window in the app. */
  emit?: Platform['emit'];
  /** Where unexpected failures are logged (their details stay in main). */
  log?: (err: unknown) => void;
}

/**
 * Long work (imports, exports, backups, undo, restore) runs as jobs, so no
 * call blocks for seconds. Each change is pushed as a `jobs.changed` event;
 * a job that changed data announces its tags with `data.changed` when it ends.
 */
export function jobRegistry({ keepFinishedMs = 10 * 60_000, emit = () => {}, log = console.error }: RegistryOptions = {}) {
  const jobs = new Map<string, Entry>();
  // Telling the window is a courtesy: a closed window or a failing bridge never stops the job.
  const safeEmit: Platform['emit'] = (name, payload) => {
    try {
      emit(name, payload);
    } catch (err) {
      log(err);
    }
  };
  const announce = (id: string, entry: Entry) => safeEmit('jobs.changed', { job: { id, kind: entry.kind, progress: entry.state.progress }, state: entry.state });
  const prune = () => {
    const now = Date.now();
    for (const [id, j] of jobs) if (j.finishedAt && now - j.finishedAt > keepFinishedMs) jobs.delete(id);
  };
  return {
    /** `invalidates`: what the job changes, announced when it is done ('*' for everything, as after a restore). */
    start<R>(run: (ctl: JobControl) => Promise<R>, kind: JobKind = 'import', invalidates: readonly Tag[] | '*' = []): string {
      prune();
      const id = randomUUID();
      let lastEmit = 0;
      let cancel = () => {};
      const cancelled = new Promise<void>((r) => (cancel = r));
      const entry: Entry = { kind, state: { state: 'running', progress: { phase: 'reading', done: 0, total: 0 } }, cancel, cancelledFlag: false };
      jobs.set(id, entry);
      const ctl: JobControl = {
        onProgress: (p) => {
          if (entry.state.state !== 'running') return;
          entry.state = { state: 'running', progress: p };
          const now = Date.now();
          if (now - lastEmit >= PROGRESS_EVERY_MS) (lastEmit = now), announce(id, entry);
        },
        isCancelled: () => entry.cancelledFlag,
        cancelled,
      };
      void (async () => {
        try {
          const result = await run(ctl);
          entry.state = entry.cancelledFlag ? { state: 'cancelled', progress: entry.state.progress } : { state: 'done', progress: { ...entry.state.progress, phase: 'done' }, result };
        } catch (err) {
          if (entry.cancelledFlag || err instanceof Cancelled) entry.state = { state: 'cancelled', progress: entry.state.progress };
          else entry.state = { state: 'failed', progress: entry.state.progress, error: failure(err, log) };
        } finally {
          entry.finishedAt = Date.now();
          announce(id, entry);
          if (entry.state.state === 'done' && (invalidates === '*' || invalidates.length)) safeEmit('data.changed', { tags: invalidates === '*' ? '*' : [...invalidates] });
        }
      })();
      announce(id, entry);
      return id;
    },
    status(id: string): JobState<unknown> {
      const j = jobs.get(id);
      if (!j) throw new AppError('not_found', 'common:errors.jobUnknown');
      return j.state;
    },
    cancel(id: string): void {
      const j = jobs.get(id);
      if (!j) throw new AppError('not_found', 'common:errors.jobUnknown');
      if (j.state.state !== 'running') return;
      j.cancelledFlag = true;
      j.cancel();
    },
    /** Jobs still running, for the banner that says work is under way. */
    active(): ActiveJob[] {
      return [...jobs].filter(([, j]) => j.state.state === 'running').map(([id, j]) => ({ id, kind: j.kind, progress: j.state.progress }));
    },
  };
}
export type JobRegistry = ReturnType<typeof jobRegistry>;
