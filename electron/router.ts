import type { z } from 'zod';
import { contract, type Channel } from '../shared/contract';
import type { AppErrorShape, Result } from '../shared/contract/result';
import type { Db } from './db/connection';
import type { Handlers } from './handlers';
import { AppError } from './services/errors';

const isChannel = (c: unknown): c is Channel => typeof c === 'string' && Object.hasOwn(contract, c);

function describeIssues(issues: z.core.$ZodIssue[]): AppErrorShape {
  const mapped = issues.map((i) => ({ path: i.path.map((p) => (typeof p === 'symbol' ? String(p) : p)), message: i.message }));
  const message = mapped.map((i) => (i.path.length ? `${i.path.join('.')}: ${i.message}` : i.message)).join('; ');
  return { code: 'invalid_input', message, issues: mapped };
}

export interface Router {
  handle(channel: unknown, input: unknown): Promise<Result<unknown>>;
}

/** Validate, dispatch, and turn every outcome into a JSON-safe Result; nothing throws past here. */
export function createRouter(db: Db, handlers: Handlers, log: (err: unknown) => void = console.error): Router {
  return {
    async handle(channel, input) {
      if (!isChannel(channel)) {
        return { ok: false, error: { code: 'unknown_channel', message: `Unknown channel: ${String(channel)}` } };
      }
      const parsed = contract[channel].input.safeParse(input);
      if (!parsed.success) return { ok: false, error: describeIssues(parsed.error.issues) };
      try {
        const handler = handlers[channel] as (db: Db, input: unknown) => unknown;
        const value = await handler(db, parsed.data);
        return { ok: true, value: value === undefined ? null : value };
      } catch (err) {
        if (err instanceof AppError) return { ok: false, error: { code: err.code, message: err.message, issues: err.issues } };
        log(err);
        return { ok: false, error: { code: 'internal', message: 'Something went wrong while saving or loading. Nothing was changed.' } };
      }
    },
  };
}
