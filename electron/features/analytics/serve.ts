import { isMainThread, workerData } from 'node:worker_threads';
import type { AppErrorShape } from '../../../shared/contract/result';
import type { Db } from '../../db/connection';
import { AppError, asStorageError } from '../../errors';
import type { JobControl } from '../../jobs/registry';
import { HOST_OPS, type HostOp } from './ops';

// The analytics host's mailbox (see host.ts): [sequence, length] as two Int32s, then the request as JSON.
export const MAILBOX_BYTES = 1 << 20;
export const HEAD = 8;

/** What the serve task answers when it finds itself outside the worker runner's thread: the host then works in the caller's thread. */
export const NOT_IN_WORKER = 'not-in-worker';

export type Reply = { id: number; ok: true; value: unknown } | { id: number; ok: false; error: AppErrorShape };

/**
 * Whether this thread is a worker the task runner started for the host.
 * Anywhere else (the CLI, a test, vitest's own worker threads) serving would
 * block the thread that must send the requests.
 */
export const inServeWorker = (): boolean => !isMainThread && (workerData as { name?: string } | null)?.name === 'analytics.serve';

/** The worker's side: wait for a request, answer it, until told to stop. */
export function serve(db: Db, mailbox: SharedArrayBuffer, ctl: JobControl): null {
  const head = new Int32Array(mailbox, 0, 2);
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
      reply = { id: req.id, ok: true, value: HOST_OPS[req.op](db, req.input) };
    } catch (err) {
      const known = err instanceof AppError ? err : asStorageError(err);
      if (!known) console.error(err);
      reply = { id: req.id, ok: false, error: known ? known.shape() : { code: 'internal', key: 'common:errors.workFailed' } };
    }
    ctl.onProgress(reply as never);
  }
}

