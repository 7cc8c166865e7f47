import type { ActiveJob, JobState } from '../jobs/types';
import type { Tag } from './define';

/** A message main pushes to the renderer; the type is carried by the phantom only. */
export interface EventDef<P> {
  payload?: P;
}
const event = <P>(): EventDef<P> => ({});

/**
 * Everything main can push, instead of the renderer polling. Features add
 * theirs here, one line each (reminders due, a search index rebuilt…).
 */
export const events = {
  /** Something changed the data outside a command the renderer sent (a job committed, a restore): reload what reads these tags. */
  'data.changed': event<{ tags: Tag[] | '*' }>(),
  /** A job moved on: progress, or its end with the result. */
  'jobs.changed': event<{ job: ActiveJob; state: JobState<unknown> }>(),
} as const;

export type Events = typeof events;
export type EventName = keyof Events;
export type PayloadOf<E extends EventName> = Exclude<Events[E]['payload'], undefined>;
export const EVENT_NAMES = Object.keys(events) as EventName[];

/** What the preload puts on `window.events`: subscribe to one of the contract's events; returns the unsubscribe. */
export interface RapportEvents {
  on<E extends EventName>(name: E, listener: (payload: PayloadOf<E>) => void): () => void;
}

/** Builds `window.events` over any transport: only the contract's event names can be subscribed to. */
export function buildEvents(subscribe: (name: EventName, listener: (payload: unknown) => void) => () => void): RapportEvents {
  return Object.freeze({
    on(name: EventName, listener: (payload: never) => void) {
      if (!Object.hasOwn(events, name)) throw new Error(`Unknown event: ${String(name)}`);
      return subscribe(name, listener as (payload: unknown) => void);
    },
  }) as RapportEvents;
}
