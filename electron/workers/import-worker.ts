import { parentPort, workerData } from 'node:worker_threads';
import type { ImportSpec } from '../../shared/import/types';
import { openConnection, wrap } from '../db/connection';
import { runImportHere, type ImportTask } from '../jobs/import-runner';
import { Cancelled } from '../services/errors';

/** Entry of the import worker thread (see workerImportRunner): its own connection, one task, one answer. */
const data = workerData as { dbPath: string; nativeBinding?: string; task: ImportTask; spec: ImportSpec; cancel: SharedArrayBuffer };
const flag = new Int32Array(data.cancel);
const port = parentPort!;

async function main(): Promise<void> {
  const db = wrap(openConnection(data.dbPath, { nativeBinding: data.nativeBinding }), data.dbPath);
  try {
    const outcome = await runImportHere(db, data.task, data.spec, {
      onProgress: (progress) => port.postMessage({ type: 'progress', progress }),
      isCancelled: () => Atomics.load(flag, 0) === 1,
      cancelled: new Promise(() => {}),
    });
    port.postMessage({ type: 'done', outcome });
  } catch (err) {
    if (err instanceof Cancelled) port.postMessage({ type: 'cancelled' });
    else {
      const e = err as { code?: string; message?: string; name?: string };
      port.postMessage({ type: 'error', error: { code: e.name === 'AppError' ? e.code : 'internal', message: e.name === 'AppError' ? e.message : `The import failed: ${e.message ?? String(err)}. Nothing was changed.` } });
    }
  } finally {
    db.sqlite.close();
  }
}

void main();
