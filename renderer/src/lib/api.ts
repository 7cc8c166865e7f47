import i18n from 'i18next';
import { contract, type Channel, type InputOf, type OutputOf, type RapportApi, type Tag } from '../../../shared/contract';
import type { EventName, PayloadOf, RapportEvents } from '../../../shared/contract/events';
import type { AppErrorShape, Result } from '../../../shared/contract/result';
import { render } from '../../../shared/i18n/messages';

declare global {
  interface Window {
    api: RapportApi;
    events?: RapportEvents;
  }
}

/** A failed call: the shape main sent (code, key, params, issues), and its text in the user's language. */
export class ApiError extends Error {
  constructor(readonly error: AppErrorShape) {
    super(render((k, p) => String(i18n.t(k as never, p as never)), error));
    this.name = 'ApiError';
  }
}

interface LiveQuery {
  id: number;
  reads: readonly Tag[];
  reload: () => void;
}
const live = new Set<LiveQuery>();
let nextId = 1;

/** A screen's query, reloaded whenever a write touches one of the tags it reads. */
export function watchQuery(reads: readonly Tag[], reload: () => void): { id: number; stop: () => void } {
  const q = { id: nextId++, reads, reload };
  live.add(q);
  return { id: q.id, stop: () => live.delete(q) };
}

/** Reloads the queries that read any of `tags` ('*': all), except the one a write came from (an editor's own autosave). */
export function invalidate(tags: readonly Tag[] | '*', except?: number): void {
  for (const q of live) {
    if (q.id === except) continue;
    if (tags === '*' || tags.includes('*') || q.reads.some((t) => tags.includes(t))) q.reload();
  }
}

/** For work whose end this window saw itself (a job it waited for): reload everything it may have changed. */
export function notifyDataChanged(): void {
  invalidate('*');
}

/** Subscribes to an event main pushes; the returned function unsubscribes. Without a bridge (a page opened alone) nothing arrives. */
export function onEvent<E extends EventName>(name: E, listener: (payload: PayloadOf<E>) => void): () => void {
  return window.events?.on(name, listener) ?? (() => {});
}

// Data changed outside a call of ours (a job committed, a restore): reload what reads it.
onEvent('data.changed', ({ tags }) => invalidate(tags));

/** The one place that touches window.api. `from`: the query a write belongs to, which it must not reload. */
export async function call<C extends Channel>(channel: C, input?: InputOf<C>, opts: { from?: number } = {}): Promise<OutputOf<C>> {
  const invoke = window.api[channel] as (input?: unknown) => Promise<Result<OutputOf<C>>>;
  const start = performance.now();
  const res = await invoke(input);
  // Visible in DevTools' performance panel and read by the renderer benchmark.
  performance.measure(`api ${channel}`, { start });
  if (!res.ok) throw new ApiError(res.error);
  if (contract[channel].invalidates.length) invalidate(contract[channel].invalidates, opts.from);
  return res.value;
}
