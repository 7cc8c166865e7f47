import { call } from './api';

// One answer per grid for the window's life: the page that shows a grid and the grid itself both ask, and
// every change is saved from here, so what is kept is always the newest.
const known = new Map<string, Promise<unknown>>();

/** A grid's saved column state (order, widths, sort), or null when it has none or cannot be read. */
export function savedLayout(key: string): Promise<unknown> {
  let p = known.get(key);
  if (!p) {
    p = call('layouts.get', { key }).catch(() => null);
    known.set(key, p);
  }
  return p;
}

/** Saves a grid's column state, and answers it from then on. */
export function saveLayout(key: string, state: unknown): Promise<unknown> {
  known.set(key, Promise.resolve(state));
  return call('layouts.save', { key, state: state as never });
}
