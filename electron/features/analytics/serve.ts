import { isMainThread, workerData } from 'node:worker_threads';
import type { AppErrorShape } from '../../../shared/contract/result';
import type { Db } from '../../db/connection';
import { AppError, asStorageError, Cancelled } from '../../errors';
import type { JobControl } from '../../jobs/registry';
import type { JobProgress } from '../../../shared/jobs/types';
import { HOST_OPS, type HostOp } from './ops';

// The analytics host's mailbox (see host.ts): [sequence, length, cancelled request id] as three Int32s, then the request as JSON.
export const MAILBOX_BYTES = 1 << 20;
export const HEAD = 12;
export const CANCEL = 2;

/** What the serve task answers when it finds itself outside the worker runner's thread: the host then works in the caller's thread. */
export const NOT_IN_WORKER = 'not-in-worker';

export type Reply =
  | { id: number; ok: true; value: unknown }
  | { id: number; ok: false; error: AppErrorShape }
  /** A long op's progress, before its answer. */
  | { id: number; progress: JobProgress };

/**
 * Whether this thread is a worker the task runner started for the host.
 * Anywhere else (the CLI, a test, vitest's own worker threads) serving would
 * block the thread that must send the requests.
 */
export const inServeWorker = (): boolean => !isMainThread && (workerData as { name?: string } | null)?.name === 'analytics.serve';

/** The worker's side: wait for a request, answer it, until told to stop. */
export async function serve(db: Db, mailbox: SharedArrayBuffer, ctl: JobControl): Promise<null> {
  const head = new Int32Array(mailbox, 0, 3);
  // From 0, not the current count: the first request may be posted before this thread starts.
  let seen = 0;
  for (;;) {
    Atomics.wait(head, 0, seen, 1000);
    if (ctl.isCancelled()) return null;
    const seq = Atomics.load(head, 0);
    if (seq === seen) continue;
    seen = seq;
    const length = Atomics.load(head, 1);
    if (length === 0) return null;
    const req = JSON.parse(Buffer.from(mailbox, HEAD, length).toString('utf8')) as { id: number; op: HostOp; input: never };
    let reply: Reply;
    try {
      const hooks = { onProgress: (progress: JobProgress) => ctl.onProgress({ id: req.id, progress } as never), isCancelled: () => Atomics.load(head, CANCEL) === req.id };
      const value = HOST_OPS[req.op](db, req.input, hooks);
      // Only the workbook awaits (its file writes); the next request waits for it, as requests always wait their turn.
      reply = { id: req.id, ok: true, value: value instanceof Promise ? await value : value };
    } catch (err) {
      const known = err instanceof AppError ? err : asStorageError(err);
      // A cancel is the caller's wish, not a failure: the caller knows it asked (host.ts).
      if (!known && !(err instanceof Cancelled)) console.error(err);
      reply = { id: req.id, ok: false, error: known ? known.shape() : { code: 'internal', key: 'common:errors.workFailed' } };
    }
    ctl.onProgress(reply as never);
  }
}

