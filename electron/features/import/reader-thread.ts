import { Worker } from 'node:worker_threads';
import { getHeapStatistics } from 'node:v8';
import type { AppErrorShape } from '../../../shared/contract/result';
import type { ImportSpec, ImportSummary } from '../../../shared/features/import/types';
import type { MessageKey } from '../../../shared/i18n';
import type { Db } from '../../db/connection';
import { AppError, Cancelled } from '../../errors';
import type { JobControl } from '../../jobs/registry';

/** What the reading half is given: the import, the CLI's --map choices, and the gate both threads count batches on. */
export interface ProduceArgs {
  spec: ImportSpec;
  map: string[];
  gate: SharedArrayBuffer;
  /** The id the first client this import creates will get (the writer holds the write lock, so it is known). */
  firstClientId: number;
}

/**
 * The reader's young generation: it turns every line into short-lived strings, and V8's default for a
 * worker lets tens of MB of them pile up between collections (measured on 1M lines: about 100 MB less peak memory).
 */
const READER_YOUNG_MB = 16;

/** Starts the reading half of a parallel import; what it hands over arrives through `ctl.onProgress`. */
export type ReaderRunner = (db: Db, name: 'import.produce', args: ProduceArgs, ctl: JobControl) => Promise<ImportSummary>;

/**
 * The reader in a worker thread, started from the app's one worker entry
 * (electron/jobs/worker.ts) with the same data and messages as
 * jobs/worker-runner.ts. It is not started through that runner: the runner
 * knows every feature's tasks, this feature's tasks know this file, and the
 * import would then depend on itself in a circle.
 */
export function readerThread(entry: string, nativeBinding?: string): ReaderRunner {
  // No more heap than the writer has (the app's 1 GB cap, or less when the CLI was asked for less).
  const heapMb = Math.round(getHeapStatistics().heap_size_limit / 1048576);
  return (db, name, args, ctl) =>
    new Promise((resolve, reject) => {
      const fromSource = entry.endsWith('.ts');
      const code = fromSource ? `require(${JSON.stringify(require.resolve('tsx/cjs'))}); require(${JSON.stringify(entry)});` : entry;
      const worker = new Worker(code, {
        eval: fromSource,
        workerData: { dbPath: db.path, nativeBinding, key: db.key, name, args, cancel: new SharedArrayBuffer(4) },
        resourceLimits: { maxOldGenerationSizeMb: heapMb, maxYoungGenerationSizeMb: READER_YOUNG_MB },
      });
      let settled = false;
      const settle = (fn: () => void) => {
        if (!settled) (settled = true), fn();
      };
      worker.on('message', (m: { type: string; progress?: never; result?: unknown; error?: AppErrorShape }) => {
        if (m.type === 'progress') ctl.onProgress(m.progress!);
        else if (m.type === 'done') settle(() => resolve(m.result as ImportSummary));
        else if (m.type === 'cancelled') settle(() => reject(new Cancelled('import:theImport')));
        else if (m.type === 'error') settle(() => reject(new AppError(m.error!.code, m.error!.key as MessageKey, m.error!.params, m.error!.issues)));
      });
      worker.on('error', (err: Error & { code?: string }) =>
        settle(() => reject(err.code === 'ERR_WORKER_OUT_OF_MEMORY' ? new AppError('invalid_input', 'common:errors.outOfMemory', { mb: heapMb }) : err)));
      worker.on('exit', (exit) => settle(() => reject(new AppError('internal', 'common:errors.workStopped', { code: exit }))));
    });
}
