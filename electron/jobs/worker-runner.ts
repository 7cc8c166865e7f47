import { statSync } from 'node:fs';
import { Worker } from 'node:worker_threads';
import type { AppErrorShape } from '../../shared/contract/result';
import type { MessageKey } from '../../shared/i18n';
import { AppError, Cancelled } from '../errors';
import type { GrowthWatch } from '../db/backups';
import type { TaskName, TaskRunner } from './tasks';

/** Heap for one worker: a hostile file that inflates past it ends the worker, not the app. */
export const WORKER_HEAP_MB = 1024;

export interface WorkerMessage {
  type: 'progress' | 'done' | 'cancelled' | 'error' | 'watch';
  progress?: never;
  result?: unknown;
  error?: AppErrorShape;
  /** A file the worker is writing in one blocking SQLite call (a VACUUM INTO), and its expected size; none to stop watching. */
  watch?: GrowthWatch;
}

const WATCH_EVERY_MS = 100;

/**
 * A smaller young generation for tasks that turn a stream of short-lived values into writes: V8's default
 * for a worker (32 MB here) holds garbage, not speed. Measured on a 4,000,000-line purchases import: peak
 * 278–297 MB in five runs instead of 290–307 MB in six, time alike (20.4–23.3 s against 20.9–26.2 s);
 * 1,000,000 lines 3–5% slower, 9–16 MB less (three alternating pairs).
 */
const YOUNG_GENERATION_MB: Partial<Record<TaskName, number>> = { 'import.commit': 16 };

/**
 * Runs a task in a worker thread with its own database connection, so the
 * main process keeps answering the window while a million lines are parsed
 * and written or a backup is copied. Cancel sets a shared flag the worker
 * checks between rows; its transaction then rolls back.
 */
export function workerTaskRunner(workerFile: string, nativeBinding?: string, heapMb = WORKER_HEAP_MB): TaskRunner {
  return (db, name, args, ctl) =>
    new Promise((resolve, reject) => {
      const cancel = new SharedArrayBuffer(4);
      // The CLI runs from TypeScript sources: its worker loads them through tsx, registered in the worker itself.
      const fromSource = workerFile.endsWith('.ts');
      const entry = fromSource ? `require(${JSON.stringify(require.resolve('tsx/cjs'))}); require(${JSON.stringify(workerFile)});` : workerFile;
      const worker = new Worker(entry, {
        eval: fromSource,
        // The key goes in memory with the task; the worker opens its own connection with it.
        workerData: { dbPath: db.path, nativeBinding, key: db.key, name, args, cancel },
        resourceLimits: { maxOldGenerationSizeMb: heapMb, maxYoungGenerationSizeMb: YOUNG_GENERATION_MB[name] },
      });
      void ctl.cancelled.then(() => Atomics.store(new Int32Array(cancel), 0, 1));
      let settled = false;
      let watching: ReturnType<typeof setInterval> | undefined;
      const stopWatching = () => (clearInterval(watching), (watching = undefined));
      worker.on('message', (m: WorkerMessage) => {
        if (m.type === 'watch') {
          stopWatching();
          const w = m.watch;
          if (w) {
            watching = setInterval(() => {
              let size = 0;
              try {
                size = statSync(w.file).size;
              } catch {
                // not created yet
              }
              ctl.onProgress({ phase: w.phase ?? 'backing-up', done: Math.min(size, Math.floor(w.total * 0.99)), total: w.total });
            }, WATCH_EVERY_MS);
            watching.unref?.();
          }
          return;
        }
        if (m.type !== 'progress') stopWatching();
        if (m.type === 'progress') ctl.onProgress(m.progress!);
        else if (m.type === 'done') (settled = true), resolve(m.result as never);
        else if (m.type === 'cancelled') (settled = true), reject(new Cancelled());
        else if (m.type === 'error') (settled = true), reject(new AppError(m.error!.code, m.error!.key as MessageKey, m.error!.params, m.error!.issues));
      });
      worker.on('error', (err: Error & { code?: string }) => {
        stopWatching();
        if (settled) return;
        settled = true;
        reject(
          err.code === 'ERR_WORKER_OUT_OF_MEMORY' || /heap out of memory/i.test(err.message)
            ? new AppError('invalid_input', 'common:errors.outOfMemory', { mb: heapMb })
            : err,
        );
      });
      worker.on('exit', (code) => {
        stopWatching();
        if (!settled) reject(new AppError('internal', 'common:errors.workStopped', { code }));
      });
    });
}
