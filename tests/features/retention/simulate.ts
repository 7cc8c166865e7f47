import type { BgnbdParams } from '../../../shared/features/retention/bgnbd';

/** mulberry32, as the app's seeded splits use: the same draws on every machine. */
export function uniform(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Gamma(k, 1) draws by Marsaglia and Tsang (with the k < 1 boost). */
function gammaDraw(u: () => number, k: number): number {
  if (k < 1) return gammaDraw(u, k + 1) * Math.pow(u(), 1 / k);
  const normal = () => Math.sqrt(-2 * Math.log(Math.max(u(), 1e-300))) * Math.cos(2 * Math.PI * u());
  const d = k - 1 / 3;
  const c = 1 / Math.sqrt(9 * d);
  for (;;) {
    let z: number;
    let v: number;
    do {
      z = normal();
      v = 1 + c * z;
    } while (v <= 0);
    v = v * v * v;
    if (Math.log(u()) < 0.5 * z * z + d - d * v + d * Math.log(v)) return d * v;
  }
}

/**
 * Histories drawn from the BG/NBD process itself: λ ~ Gamma(r, α), p ~
 * Beta(a, b); purchases at rate λ from time 0 (the first purchase), a
 * drop-out with probability p after each repeat; observed to T weeks.
 */
export function simulate(p: BgnbdParams, n: number, seed: number, maxT = 104): { x: number[]; tx: number[]; T: number[] } {
  const u = uniform(seed);
  const x: number[] = [];
  const tx: number[] = [];
  const T: number[] = [];
  for (let i = 0; i < n; i++) {
    const lambda = gammaDraw(u, p.r) / p.alpha;
    const g1 = gammaDraw(u, p.a);
    const drop = g1 / (g1 + gammaDraw(u, p.b));
    const end = maxT * (0.25 + 0.75 * u());
    let t = 0;
    let k = 0;
    let last = 0;
    for (;;) {
      t += -Math.log(Math.max(u(), 1e-300)) / lambda;
      if (t > end) break;
      k++;
      last = t;
      if (u() < drop) break;
    }
    x.push(k);
    tx.push(last);
    T.push(end);
  }
  return { x, tx, T };
}
