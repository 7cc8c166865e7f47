import type { Db } from '../../db/connection';
import { AppError } from '../../errors';

/** A query handler as the router calls it. */
export type QueryHandler = (db: Db, input: unknown) => unknown;

let find: ((channel: string) => QueryHandler | undefined) | null = null;

/**
 * Queries of other features that the host answers (electron/offload.ts lists
 * them). Registered by the worker's entry, which is the one place that knows
 * every feature's handlers; this feature cannot import them (they import it).
 */
export function setHostQueries(lookup: (channel: string) => QueryHandler | undefined): void {
  find = lookup;
}

export function hostQuery(db: Db, { channel, input }: { channel: string; input: unknown }): unknown {
  const handler = find?.(channel);
  if (!handler) throw new AppError('internal', 'common:errors.workFailed');
  return handler(db, input);
}
