import { contract, type Channel, type InputOf, type OutputOf, type RapportApi } from '../../../shared/contract';
import type { AppErrorShape } from '../../../shared/contract/result';

declare global {
  interface Window {
    api: RapportApi;
  }
}

export class ApiError extends Error {
  constructor(readonly error: AppErrorShape) {
    super(error.message);
    this.name = 'ApiError';
  }
}

type Listener = () => void;
const listeners = new Set<Listener>();

/** Every write tells the data hooks to reload: the simplest way to keep every screen in step. */
export function onDataChanged(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** For work that finishes later than its call (a committed import job): reload what screens show. */
export function notifyDataChanged(): void {
  for (const l of listeners) l();
}

/** The one place that touches window.api. */
export async function call<C extends Channel>(channel: C, input?: InputOf<C>): Promise<OutputOf<C>> {
  const invoke = window.api[channel] as (input?: unknown) => Promise<import('../../../shared/contract/result').Result<OutputOf<C>>>;
  const start = performance.now();
  const res = await invoke(input);
  // Visible in DevTools' performance panel and read by the renderer benchmark.
  performance.measure(`api ${channel}`, { start });
  if (!res.ok) throw new ApiError(res.error);
  if (contract[channel].refreshes) for (const l of listeners) l();
  return res.value;
}
