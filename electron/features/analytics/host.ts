import type { MessageKey } from '../../../shared/i18n';
import type { Db } from '../../db/connection';
import { AppError, Cancelled } from '../../errors';
import type { JobControl } from '../../jobs/registry';
import { HOST_OPS, type HostOp, type HostOps, type OpHooks, type WarmQuery } from './ops';
import { CANCEL, HEAD, inServeWorker, MAILBOX_BYTES, NOT_IN_WORKER, type Reply } from './serve';
import { installStore, storeLag } from './store';

/**
 * The analytics host: one long-lived worker that holds the purchase store
 * and answers every call that reads all of it (reports, what-if, the clients
 * grid), so none of them runs on the main process. It is an ordinary task
 * (`analytics.serve`) on the app's worker runner: requests go in through a
 * shared buffer it waits on, answers come back as the task's progress
 * messages. One request at a time, in order. Without a worker runner (tests,
 * the CLI) the same functions run in this thread: the task answers at once
 * that it is not in a worker, and the runner is remembered as one that runs
 * here.
 */

/**
 * What the host needs of the app's context: only the task runner (the
 * AppContext's fits). A narrow type, so this file does not depend on
 * electron/context.ts, which lists every feature's demo seeds.
 */
export interface HostContext {
  runTask: (db: Db, name: 'analytics.serve', args: { mailbox: SharedArrayBuffer }, ctl: JobControl) => Promise<unknown>;
}
type Runner = HostContext['runTask'];

/** Runners found to run tasks in this thread (the CLI's, the tests'): calls through them are answered here, synchronously. */
const runsHere = new WeakSet<Runner>();


interface Pending {
  id: number;
  op: HostOp;
  input: unknown;
  hooks: Partial<HostCallHooks>;
  cancelled: boolean;
  resolve: (v: never) => void;
  reject: (e: unknown) => void;
}

/** A long call's caller: progress comes back, and a promise that settles on a cancel (a job's `cancelled`). */
export interface HostCallHooks {
  onProgress: NonNullable<OpHooks['onProgress']>;
  cancelled: Promise<void>;
}

class Host {
  readonly sqlite: Db['sqlite'];
  private readonly mailbox = new SharedArrayBuffer(HEAD + MAILBOX_BYTES);
  private readonly head = new Int32Array(this.mailbox, 0, 3);
  private readonly queue: Pending[] = [];
  private busy = false;
  private nextId = 1;
  dead = false;
  private stop: () => void = () => {};

  constructor(db: Db, runTask: Runner) {
    this.sqlite = db.sqlite;
    const ctl: JobControl = {
      onProgress: (r) => this.reply(r as unknown as Reply),
      isCancelled: () => this.dead,
      cancelled: new Promise<void>((r) => (this.stop = r)),
    };
    runTask(db, 'analytics.serve', { mailbox: this.mailbox }, ctl).then(
      (result) => {
        if (result !== NOT_IN_WORKER) return this.fail(new AppError('internal', 'common:errors.workFailed'));
        // This runner works in this thread: answer what is waiting here, and every later call (hostFor).
        runsHere.add(runTask);
        this.dead = true;
        for (const p of this.queue.splice(0)) callHere(db, p.op, p.input as never, p.hooks).then((v) => p.resolve(v as never), p.reject);
      },
      (err: unknown) => this.fail(err),
    );
  }

  call<K extends HostOp>(op: K, input: HostOps[K]['input'], hooks: Partial<HostCallHooks> = {}): Promise<HostOps[K]['output']> {
    if (this.dead) return Promise.reject(new AppError('internal', 'common:errors.workFailed'));
    return new Promise((resolve, reject) => {
      const p: Pending = { id: this.nextId++, op, input, hooks, cancelled: false, resolve, reject };
      this.queue.push(p);
      void hooks.cancelled?.then(() => this.cancel(p));
      this.pump();
    });
  }

  /** Waiting: leaves the queue. Running: the host sees its id in the mailbox's cancel slot and stops at the next batch. */
  private cancel(p: Pending): void {
    p.cancelled = true;
    const at = this.queue.indexOf(p);
    if (at > 0 || (at === 0 && !this.busy)) {
      this.queue.splice(at, 1);
      p.reject(new Cancelled());
    } else if (at === 0) Atomics.store(this.head, CANCEL, p.id);
  }

  private pump(): void {
    if (this.busy || this.dead || !this.queue.length) return;
    const p = this.queue[0];
    const bytes = Buffer.from(JSON.stringify({ id: p.id, op: p.op, input: p.input }));
    if (bytes.length > MAILBOX_BYTES) {
      this.queue.shift();
      p.reject(new AppError('invalid_input', 'common:errors.workFailed'));
      return this.pump();
    }
    new Uint8Array(this.mailbox, HEAD).set(bytes);
    Atomics.store(this.head, 1, bytes.length);
    this.busy = true;
    Atomics.add(this.head, 0, 1);
    Atomics.notify(this.head, 0);
  }

  private reply(r: Reply): void {
    if ('progress' in r) {
      const p = this.queue[0];
      if (p?.id === r.id) p.hooks.onProgress?.(r.progress);
      return;
    }
    const p = this.queue.shift();
    this.busy = false;
    if (p && p.id === r.id) {
      if (r.ok) p.resolve(densify(r.value, 3) as never);
      else if (p.cancelled) p.reject(new Cancelled());
      else p.reject(new AppError(r.error.code, r.error.key as MessageKey, r.error.params, r.error.issues));
    }
    this.pump();
  }

  private fail(err: unknown): void {
    this.dead = true;
    for (const p of this.queue.splice(0)) p.reject(err);
  }

  close(): void {
    this.dead = true;
    this.stop();
    // Length 0: no request, stop.
    Atomics.store(this.head, 1, 0);
    Atomics.add(this.head, 0, 1);
    Atomics.notify(this.head, 0);
  }
}

/**
 * Arrays as packed again. A thread's message comes out with "holey" arrays,
 * and the next clone (Electron's IPC to the window) writes a holey array
 * index by index: 5.7 MB instead of 3.4 MB for the 50,000-row grid. Copying
 * the long arrays (the columns) takes a few milliseconds.
 */
function densify(v: unknown, depth: number): unknown {
  // map, not Array.from or a spread: those keep the holey kind.
  if (Array.isArray(v)) return v.map((x) => x);
  if (depth === 0 || v === null || typeof v !== 'object' || ArrayBuffer.isView(v)) return v;
  const o = v as Record<string, unknown>;
  for (const k of Object.keys(o)) o[k] = densify(o[k], depth - 1);
  return o;
}

const hosts = new WeakMap<Db, Host>();

function hostFor(db: Db, ctx: HostContext): Host | null {
  // In the host itself (its queries call analytics too) everything is answered here: a host of its own would wait on itself.
  if (runsHere.has(ctx.runTask) || inServeWorker()) return null;
  let h = hosts.get(db);
  // A restored backup or an encrypted copy is a new connection: the host follows it.
  if (h && (h.dead || h.sqlite !== db.sqlite)) {
    h.close();
    h = undefined;
  }
  if (!h) hosts.set(db, (h = new Host(db, ctx.runTask)));
  return h;
}

/** One analytics call, in the host when the app has workers, else here. */
export function analyticsCall<K extends HostOp>(db: Db, ctx: HostContext, op: K, input: HostOps[K]['input'], hooks: Partial<HostCallHooks> = {}): Promise<HostOps[K]['output']> {
  const h = hostFor(db, ctx);
  return h ? h.call(op, input, hooks) : callHere(db, op, input, hooks);
}

function callHere<K extends HostOp>(db: Db, op: K, input: HostOps[K]['input'], hooks: Partial<HostCallHooks> = {}): Promise<HostOps[K]['output']> {
  let cancelled = false;
  void hooks.cancelled?.then(() => (cancelled = true));
  try {
    return Promise.resolve(HOST_OPS[op](db, input, { onProgress: hooks.onProgress, isCancelled: () => cancelled }));
  } catch (err) {
    return Promise.reject(err);
  }
}

/**
 * A query of any feature, answered by the host when the app has workers
 * (off the main process, on the host's own connection, which sees every
 * committed write), else by `here`.
 */
export function offMain<T>(db: Db, ctx: HostContext, channel: string, input: unknown, here: () => T | Promise<T>): Promise<T> {
  const h = hostFor(db, ctx);
  return h ? (h.call('query', { channel, input }) as Promise<T>) : Promise.resolve().then(here);
}

/** Above this many new lines, the main process takes a fresh copy from the host rather than reading them itself. */
const CATCH_UP_HERE = 50_000;

/**
 * Loads the purchase store in the background, off the main process: the
 * host reads it, and the main process takes a copy for the features that
 * use the store directly (purchaseStore). Call once the window is up; later
 * calls refresh the copy only when it has fallen far behind (after a large
 * import). Never throws: a failure only means the first use loads it itself.
 * `queries` are other features' first calls, answered ahead (WARM_QUERIES).
 */
export async function warmUp(db: Db, ctx: HostContext, queries: WarmQuery[] = []): Promise<void> {
  try {
    const h = hostFor(db, ctx);
    if (!h) return;
    await h.call('warm', null);
    const lag = storeLag(db);
    if (lag === null || lag > CATCH_UP_HERE) installStore(db, await h.call('snapshot', null));
    // After main's copy of the store: these are for screens the user opens later.
    if (queries.length) await h.call('prepare', queries);
  } catch {
    // The store loads on first use instead.
  }
}

/** Stops the host of this database (the app's end, a test's). */
export function stopAnalyticsHost(db: Db): void {
  hosts.get(db)?.close();
  hosts.delete(db);
}
