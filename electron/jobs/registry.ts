import { randomUUID } from 'node:crypto';
import type { ActiveJob, JobKind, JobProgress, JobState } from '../../shared/jobs/types';
import { AppError, asStorageError, Cancelled } from '../services/errors';

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

/** How a job's failure reaches the renderer: a known code and message, never a stack. */
function failure(err: unknown): { code: string; message: string } {
  const storage = asStorageError(err);
  if (storage) return { code: storage.code, message: storage.message };
  const e = err as { code?: string; message?: string };
  const known = err instanceof AppError || (e && typeof e.code === 'string' && typeof e.message === 'string' && e.code !== 'internal' && !e.code.startsWith('SQLITE_') && !e.code.startsWith('E'));
  return { code: known ? e.code! : 'internal', message: known ? e.message! : `Something went wrong: ${e?.message ?? String(err)}. Nothing was changed.` };
}

/** Long work (imports, exports, backups, undo, restore) runs as jobs the renderer follows, so no call blocks for seconds. */
export function jobRegistry(keepFinishedMs = 10 * 60_000) {
  const jobs = new Map<string, Entry>();
  const prune = () => {
    const now = Date.now();
    for (const [id, j] of jobs) if (j.finishedAt && now - j.finishedAt > keepFinishedMs) jobs.delete(id);
  };
  return {
    start<R>(run: (ctl: JobControl) => Promise<R>, kind: JobKind = 'import'): string {
      prune();
      const id = randomUUID();
      let cancel = () => {};
      const cancelled = new Promise<void>((r) => (cancel = r));
      const entry: Entry = { kind, state: { state: 'running', progress: { phase: 'reading', done: 0, total: 0 } }, cancel, cancelledFlag: false };
      jobs.set(id, entry);
      const ctl: JobControl = {
        onProgress: (p) => {
          if (entry.state.state === 'running') entry.state = { state: 'running', progress: p };
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
          else entry.state = { state: 'failed', progress: entry.state.progress, error: failure(err) };
        } finally {
          entry.finishedAt = Date.now();
        }
      })();
      return id;
    },
    status(id: string): JobState<unknown> {
      const j = jobs.get(id);
      if (!j) throw new AppError('not_found', 'That job is not known (it finished long ago or never started).');
      return j.state;
    },
    cancel(id: string): void {
      const j = jobs.get(id);
      if (!j) throw new AppError('not_found', 'That job is not known.');
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
