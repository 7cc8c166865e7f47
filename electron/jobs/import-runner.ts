import { Worker } from 'node:worker_threads';
import type { ImportSpec, JobOutcome } from '../../shared/import/types';
import type { Db } from '../db/connection';
import { AppError, Cancelled } from '../services/errors';
import { commitImport, loadTable, previewImport } from '../services/import/service';
import type { JobControl } from './registry';

export type ImportTask = 'preview' | 'commit';
export type ImportOutcome = Extract<JobOutcome, { task: ImportTask }>;
export type ImportRunner = (db: Db, task: ImportTask, spec: ImportSpec, ctl: JobControl) => Promise<ImportOutcome>;

/** The same work in this thread: the CLI, and tests of the handlers. */
export const runImportHere: ImportRunner = async (db, task, spec, ctl) => {
  const table = await loadTable(db, spec);
  return task === 'preview' ? { task, preview: previewImport(db, table, spec, ctl) } : { task, result: commitImport(db, table, spec, ctl) };
};

/** Heap for one import worker: a hostile file that inflates past it ends the worker, not the app. */
export const WORKER_HEAP_MB = 1024;

/**
 * Runs the import in a worker thread with its own database connection, so
 * the main process keeps answering the window while a million lines are
 * parsed and written. Cancel sets a shared flag the worker checks between
 * rows; its transaction then rolls back.
 */
export function workerImportRunner(workerFile: string, nativeBinding?: string, heapMb = WORKER_HEAP_MB): ImportRunner {
  return (db, task, spec, ctl) =>
    new Promise<ImportOutcome>((resolve, reject) => {
      const cancel = new SharedArrayBuffer(4);
      const worker = new Worker(workerFile, {
        workerData: { dbPath: db.path, nativeBinding, task, spec, cancel },
        resourceLimits: { maxOldGenerationSizeMb: heapMb },
      });
      void ctl.cancelled.then(() => Atomics.store(new Int32Array(cancel), 0, 1));
      let settled = false;
      worker.on('message', (m: { type: string; progress?: never; outcome?: ImportOutcome; error?: { code: string; message: string }; cancelled?: boolean }) => {
        if (m.type === 'progress') ctl.onProgress(m.progress!);
        else if (m.type === 'done') (settled = true), resolve(m.outcome!);
        else if (m.type === 'cancelled') (settled = true), reject(new Cancelled('The import'));
        else if (m.type === 'error') (settled = true), reject(new AppError(m.error!.code as never, m.error!.message));
      });
      worker.on('error', (err: Error & { code?: string }) => {
        if (settled) return;
        settled = true;
        reject(
          err.code === 'ERR_WORKER_OUT_OF_MEMORY'
            ? new AppError('invalid_input', `Reading this file needed more than ${heapMb} MB of memory, so it was stopped (it may be a zip bomb or far too large). Nothing was changed.`)
            : err,
        );
      });
      worker.on('exit', (code) => {
        if (!settled) reject(new Error(`The import stopped unexpectedly (exit code ${code}). Nothing was changed.`));
      });
    });
}
