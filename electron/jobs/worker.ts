import { parentPort, workerData } from 'node:worker_threads';
import { setGrowthReporter } from '../db/backups';
import { openConnection, wrap } from '../db/connection';
import { TASKS, type TaskName } from './tasks';
import type { WorkerMessage } from './worker-runner';
import { AppError, asStorageError, Cancelled } from '../errors';
import { createHandlers } from '../app';
import { setHostQueries, type QueryHandler } from '../features/analytics';
import { HOST_ONLY } from '../offload';

/** Entry of the worker thread (see workerTaskRunner): its own connection, one task, one answer. */
// The key arrives here in memory (workerData), never through a file or the environment.
const data = workerData as { dbPath: string; nativeBinding?: string; key?: string; name: TaskName; args: never; cancel: SharedArrayBuffer };
const flag = new Int32Array(data.cancel);
const port = parentPort!;
const post = (m: WorkerMessage) => port.postMessage(m);

// While SQLite holds this thread in one long call, the parent watches the file it writes.
setGrowthReporter((watch) => post(watch ? { type: 'watch', watch } : { type: 'watch' }));

/** The analytics host answers other features' heavy queries (electron/offload.ts) with the same handlers main has, working in this thread. */
function hostQueries(): void {
  const handlers = createHandlers({ version: 'host' }) as unknown as Record<string, QueryHandler>;
  setHostQueries((channel) => handlers[channel] ?? HOST_ONLY[channel]);
}

async function main(): Promise<void> {
  if (data.name === 'analytics.serve') hostQueries();
  const db = wrap(openConnection(data.dbPath, { nativeBinding: data.nativeBinding, key: data.key }), data.dbPath);
  try {
    const result = await TASKS[data.name](db, data.args, {
      onProgress: (progress) => post({ type: 'progress', progress: progress as never }),
      isCancelled: () => Atomics.load(flag, 0) === 1,
      cancelled: new Promise(() => {}),
    });
    post({ type: 'done', result });
  } catch (err) {
    if (err instanceof Cancelled) post({ type: 'cancelled' });
    else {
      const known = err instanceof AppError ? err : asStorageError(err);
      if (!known) console.error(err);
      post({ type: 'error', error: known ? known.shape() : { code: 'internal', key: 'common:errors.workFailed' } });
    }
  } finally {
    db.sqlite.close();
  }
}

void main();
