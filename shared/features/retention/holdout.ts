/**
 * The statistics of a holdout test: was the offer group's repeat-purchase
 * rate really different from the control group's? Pure functions, tested
 * against the worked examples of Newcombe (1998).
 */

/** z for a two-sided 95% interval, and for 80% power. */
export const Z95 = 1.959963984540054;
export const Z_POWER80 = 0.8416212335729143;

export interface Interval {
  lower: number;
  upper: number;
}

/** Wilson's score interval for k successes out of n (no continuity correction). */
export function wilson(k: number, n: number, z = Z95): Interval {
  if (n <= 0) return { lower: 0, upper: 1 };
  const p = k / n;
  const z2 = z * z;
  const denom = 1 + z2 / n;
  const centre = (p + z2 / (2 * n)) / denom;
  const half = (z / denom) * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n));
  return { lower: Math.max(0, centre - half), upper: Math.min(1, centre + half) };
}

/**
 * Newcombe's hybrid score interval for p1 − p2 (method 10 of Newcombe 1998):
 * built from each group's Wilson interval, it stays inside [−1, 1] and keeps
 * its coverage with small groups and rates near 0 or 1, where the textbook
 * p ± 1.96·se interval fails.
 */
export function newcombeDifference(k1: number, n1: number, k2: number, n2: number, z = Z95): Interval & { difference: number } {
  const p1 = n1 > 0 ? k1 / n1 : 0;
  const p2 = n2 > 0 ? k2 / n2 : 0;
  const a = wilson(k1, n1, z);
  const b = wilson(k2, n2, z);
  const d = p1 - p2;
  const delta = Math.sqrt((p1 - a.lower) ** 2 + (b.upper - p2) ** 2);
  const epsilon = Math.sqrt((a.upper - p1) ** 2 + (p2 - b.lower) ** 2);
  return { difference: d, lower: d - delta, upper: d + epsilon };
}

/**
 * The smallest difference in rates these group sizes can detect (two-sided
 * 5% test, 80% power) around a base rate: (z_α/2 + z_β)·√(p(1−p)(1/n1 + 1/n2)).
 * Without a usable base rate (none yet, or 0 or 1) it plans for the worst
 * case, 0.5.
 */
export function minimumDetectableEffect(n1: number, n2: number, baseRate: number | null): number | null {
  if (n1 <= 0 || n2 <= 0) return null;
  const p = baseRate !== null && baseRate > 0 && baseRate < 1 ? baseRate : 0.5;
  return (Z95 + Z_POWER80) * Math.sqrt(p * (1 - p) * (1 / n1 + 1 / n2));
}

/** Mean and sample variance of a list (variance 0 for fewer than two values). */
export function meanAndVariance(xs: readonly number[]): { mean: number; variance: number } {
  const n = xs.length;
  if (n === 0) return { mean: 0, variance: 0 };
  const mean = xs.reduce((s, v) => s + v, 0) / n;
  const variance = n > 1 ? xs.reduce((s, v) => s + (v - mean) ** 2, 0) / (n - 1) : 0;
  return { mean, variance };
}

/** Welch's interval for a difference of means (normal approximation: the groups here are tens to thousands). */
export function meanDifference(a: readonly number[], b: readonly number[], z = Z95): Interval & { difference: number } {
  const x = meanAndVariance(a);
  const y = meanAndVariance(b);
  const se = Math.sqrt((a.length ? x.variance / a.length : 0) + (b.length ? y.variance / b.length : 0));
  const d = x.mean - y.mean;
  return { difference: d, lower: d - z * se, upper: d + z * se };
}

export type Verdict = 'wait' | 'tooSmall' | 'better' | 'worse' | 'unclear';

/** Smaller groups than this say nothing a person should act on. */
export const MIN_GROUP = 10;

/** The plain-words reading of a rate difference once the window is over. */
export function verdictOf(windowOver: boolean, n1: number, n2: number, ci: Interval): Verdict {
  if (!windowOver) return 'wait';
  if (n1 < MIN_GROUP || n2 < MIN_GROUP) return 'tooSmall';
  if (ci.lower > 0) return 'better';
  if (ci.upper < 0) return 'worse';
  return 'unclear';
}

/** mulberry32: the same sequence for the same seed on every machine. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Splits a segment into offer and control at random, reproducibly: the same
 * ids (in any order) and seed always give the same groups. `controlShare` of
 * the segment, rounded, goes to control.
 */
export function seededSplit(ids: readonly number[], controlShare: number, seed: number): { offer: number[]; control: number[] } {
  const order = [...new Set(ids)].sort((a, b) => a - b);
  const next = random(seed);
  for (let i = order.length - 1; i > 0; i--) {
    const j = Math.floor(next() * (i + 1));
    [order[i], order[j]] = [order[j], order[i]];
  }
  const nControl = Math.round(order.length * controlShare);
  const byId = (a: number, b: number) => a - b;
  return { control: order.slice(0, nControl).sort(byId), offer: order.slice(nControl).sort(byId) };
}
