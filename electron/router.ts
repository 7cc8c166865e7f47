import type { z } from 'zod';
import { contract, type Channel } from '../shared/contract';
import type { AppErrorShape, Result } from '../shared/contract/result';
import { issueOf } from '../shared/kernel/zod-issues';
import type { Db } from './db/connection';
import { storageFailure } from './db/sqlite-errors';
import type { Handlers } from './handler-types';
import { AppError, storageError } from './errors';

const isChannel = (c: unknown): c is Channel => typeof c === 'string' && Object.hasOwn(contract, c);

/** Every problem of the input, each on its field (the screens show each under its field). */
function describeIssues(issues: z.core.$ZodIssue[]): AppErrorShape {
  return { code: 'invalid_input', key: 'common:errors.fields', issues: issues.map(issueOf) };
}

/** The path to the first string holding a NUL character: SQLite stores it, but it cuts the text short in most tools. */
function findNul(value: unknown, path: (string | number)[] = [], depth = 0): (string | number)[] | null {
  if (typeof value === 'string') return value.includes('\0') ? path : null;
  if (depth > 20 || value === null || typeof value !== 'object') return null;
  for (const [k, v] of Object.entries(value)) {
    const hit = findNul(v, [...path, Array.isArray(value) ? Number(k) : k], depth + 1);
    if (hit) return hit;
  }
  return null;
}

export interface Router {
  handle(channel: unknown, input: unknown): Promise<Result<unknown>>;
}

export interface RouterOptions {
  log?: (err: unknown) => void;
  /**
   * How long a command keeps retrying while another connection (an import
   * worker, the CLI) holds the write lock. The waits are timers, so the main
   * process answers other calls meanwhile.
   */
  busyWaitMs?: number;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * Validate, dispatch, and turn every outcome into a JSON-safe Result;
 * nothing throws past here. A command runs inside one IMMEDIATE transaction
 * whose COMMIT is checked: success is only ever answered for a write that is
 * on disk, and a failure leaves the database as it was.
 */
export function createRouter(db: Db, handlers: Handlers, opts: RouterOptions | ((err: unknown) => void) = {}): Router {
  const { log = console.error, busyWaitMs = 30_000 } = typeof opts === 'function' ? { log: opts } : opts;
  // The connection that reported damage; a restored backup comes with a new one, and writes resume.
  let damagedConnection: Db['sqlite'] | null = null;

  const run = (channel: Channel, data: unknown): unknown => {
    const handler = handlers[channel] as (db: Db, input: unknown) => unknown;
    if (contract[channel].kind !== 'command') return handler(db, data);
    return db.sqlite.transaction(() => handler(db, data)).immediate();
  };

  return {
    async handle(channel, input) {
      if (!isChannel(channel)) {
        return { ok: false, error: { code: 'unknown_channel', key: 'common:errors.unknownChannel', params: { channel: String(channel).slice(0, 100) } } };
      }
      const nul = findNul(input);
      if (nul) return { ok: false, error: { code: 'invalid_input', key: 'common:errors.nul', issues: [{ path: nul, key: 'common:errors.nul' }] } };
      const parsed = contract[channel].input.safeParse(input);
      if (!parsed.success) return { ok: false, error: describeIssues(parsed.error.issues) };
      if (damagedConnection === db.sqlite && contract[channel].kind === 'command') return { ok: false, error: storageError('damaged').shape() };
      const started = Date.now();
      for (let attempt = 0; ; attempt++) {
        try {
          const value = await run(channel, parsed.data);
          return { ok: true, value: value === undefined ? null : value };
        } catch (err) {
          if (err instanceof AppError) return { ok: false, error: err.shape() };
          const failure = storageFailure(err);
          // The transaction rolled back, so running the handler again is safe.
          if (failure === 'busy' && contract[channel].kind === 'command' && Date.now() - started < busyWaitMs) {
            await sleep(Math.min(250, 10 * 2 ** attempt));
            continue;
          }
          if (failure) {
            if (failure === 'damaged') damagedConnection = db.sqlite;
            log(err);
            return { ok: false, error: storageError(failure).shape() };
          }
          log(err);
          return { ok: false, error: { code: 'internal', key: 'common:errors.internal' } };
        }
      }
    },
  };
}
