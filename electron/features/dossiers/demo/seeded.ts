import { rng } from '../../settings';

/** What the text generator needs of a random stream: the demo's (per-feature, seeded) or a fresh one. */
export interface Pick {
  int(min: number, max: number): number;
  pick<T>(items: readonly T[]): T;
  chance(p: number): boolean;
}

/** A seeded stream (the demo base's own mulberry32) for the benchmark and test dossiers, which are made outside the demo and its streams. */
export const seeded = (seed: number): Pick => rng(seed);
