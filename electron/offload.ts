import type { Channel } from '../shared/contract';
import type { AppContext } from './context';
import { offMain, setHostQueries, type QueryHandler, type WarmQuery } from './features/analytics';
import { FIRST_CALL_LIST } from '../shared/features/retention/call-list';
import { callListInput } from '../shared/features/retention/schemas';
import type { Handlers } from './handler-types';
import { TODAY_LISTS, todayLists } from './features/retention';

/**
 * Queries that read the whole base and take from ~100 ms to seconds when
 * their caches are cold (a new day, a write): in the app they are answered
 * by the analytics host worker, so the main process never computes them.
 * Each feature's heavy reads, one line each.
 *
 * Not Today and its badge themselves: after a snooze or a done they keep
 * their lists by leaving out this connection's own reminder writes
 * (retention/marks.ts listsMark), which another connection cannot tell apart
 * from any other write. Main asks the host only to gather those lists when it
 * has none (HOST_ONLY below) and keeps them.
 */
export const OFF_MAIN = [
  'clients.story', 'clients.standing', 'clients.options', 'clients.duplicates',
  'retention.overview', 'retention.gridValues', 'retention.client', 'retention.callList',
  'recovery.candidates', 'recovery.report',
] as const satisfies readonly Channel[];

/** Work main's own handlers ask the host for, which no window calls (so not in the contract): one line per feature. */
export const HOST_ONLY: Record<string, QueryHandler> = {
  [TODAY_LISTS]: todayLists,
};

/**
 * Queries the host answers at start (inputs as the router parses them), so
 * that the window's first call finds them kept: one line per feature.
 */
export const WARM_QUERIES: WarmQuery[] = [
  // Win-back's first list: 33,000 dormant clients at 50,000; 1.7–1.8 s in the host on a cold start (the dormancy figures first), ≈0.3 s after.
  { channel: 'retention.callList', input: callListInput.parse(FIRST_CALL_LIST) },
];

/** The handlers with the OFF_MAIN queries sent to the host; the host (and a runner that works here) run the originals. */
export function offloadQueries(handlers: Handlers, ctx: Pick<AppContext, 'runTask'>): Handlers {
  const out = { ...handlers } as Record<string, QueryHandler>;
  const original = handlers as unknown as Record<string, QueryHandler>;
  setHostQueries((channel) => original[channel] ?? HOST_ONLY[channel]);
  for (const channel of OFF_MAIN) out[channel] = (db, input) => offMain(db, ctx, channel, input, () => original[channel](db, input));
  return out as unknown as Handlers;
}
