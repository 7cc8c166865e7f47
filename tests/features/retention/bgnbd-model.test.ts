import { describe, expect, it } from 'vitest';
import { clientLogLik, expectedOccasions, expectedOccasionsNew, fitData, lnGamma, logLikelihood, pAlive, type BgnbdParams, type Rfm } from '../../../shared/features/retention/bgnbd';
import { logLikelihoodWithGradient } from '../../../shared/features/retention/bgnbd/data';
import { digamma } from '../../../shared/features/retention/bgnbd/special';

const CDNOW: BgnbdParams = { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 };

/**
 * Tanh–sinh quadrature on (0, 1), written here so the checks below share no
 * code with the model: it copes with the p^(a−1) singularity of a Beta
 * density at 0 when a < 1. `f` receives p and 1 − p, each computed without
 * cancellation.
 */
function integrate01(f: (p: number, q: number) => number): number {
  const h = 1 / 64;
  let sum = 0;
  for (let k = -64 * 6; k <= 64 * 6; k++) {
    const t = k * h;
    const s = (Math.PI / 2) * Math.sinh(t);
    const e = Math.exp(-2 * Math.abs(s));
    // p = (1 + tanh s) / 2, with the small side computed directly.
    const small = e / (1 + e);
    const p = s >= 0 ? 1 - small : small;
    const q = s >= 0 ? small : 1 - small;
    if (p <= 0 || q <= 0) continue;
    const w = ((Math.PI / 2) * Math.cosh(t) * 2 * e) / ((1 + e) * (1 + e)) / 2;
    sum += w * f(p, q);
  }
  return sum * h;
}

/**
 * P(alive) and E[Y(t)] by integrating over the posterior of (λ, p): the
 * λ-integrals in closed form (Gamma moments), the p-integral numerically
 * against the unnormalised Beta(a, b) kernel. No hypergeometric function,
 * no gamma function: an independent route to the same numbers.
 */
function byIntegration(m: BgnbdParams, h: Rfm, t: number) {
  const beta = (p: number, q: number) => Math.pow(p, m.a - 1) * Math.pow(q, m.b - 1);
  const rx = m.r + h.x;
  const ratio = Math.pow((m.alpha + h.T) / (m.alpha + h.tx), rx);
  const alive = integrate01((p, q) => beta(p, q) * Math.pow(q, h.x));
  const dropped = h.x > 0 ? ratio * integrate01((p, q) => beta(p, q) * p * Math.pow(q, h.x - 1)) : 0;
  const future = integrate01((p, q) => (beta(p, q) * Math.pow(q, h.x) * -Math.expm1(-rx * Math.log1p((p * t) / (m.alpha + h.T)))) / p);
  return { pAlive: alive / (alive + dropped), expected: future / (alive + dropped) };
}

const HISTORIES: Rfm[] = [
  { x: 0, tx: 0, T: 38.86 },
  { x: 2, tx: 30.43, T: 38.86 },
  { x: 7, tx: 35, T: 39 },
  { x: 26, tx: 30.86, T: 31 },
  { x: 1, tx: 2, T: 39 },
  { x: 50, tx: 20, T: 39 },
];

describe('special functions', () => {
  it('ln Γ and ψ match known values', () => {
    expect(lnGamma(0.5)).toBeCloseTo(0.5 * Math.log(Math.PI), 13);
    expect(lnGamma(1)).toBeCloseTo(0, 14);
    expect(lnGamma(10)).toBeCloseTo(Math.log(362880), 12);
    // Values from Python's math.lgamma.
    expect(lnGamma(171.5)).toBeCloseTo(709.1431630309282, 9);
    expect(lnGamma(1e-4)).toBeCloseTo(9.210282658633963, 10);
    expect(digamma(1)).toBeCloseTo(-0.5772156649015329, 13);
    expect(digamma(0.5)).toBeCloseTo(-1.9635100260214235, 12);
    expect(digamma(100)).toBeCloseTo(4.600161852738087, 12);
  });
});

describe('the BG/NBD likelihood', () => {
  // Equation 6 of Fader, Hardie and Lee as printed: products of gamma functions and powers.
  const direct = (m: BgnbdParams, h: Rfm) => {
    const g = (v: number) => Math.exp(lnGamma(v));
    const A1 = (g(m.r + h.x) * Math.pow(m.alpha, m.r)) / g(m.r);
    const A2 = (g(m.a + m.b) * g(m.b + h.x)) / (g(m.b) * g(m.a + m.b + h.x));
    const A3 = Math.pow(1 / (m.alpha + h.T), m.r + h.x);
    const A4 = h.x > 0 ? (m.a / (m.b + h.x - 1)) * Math.pow(1 / (m.alpha + h.tx), m.r + h.x) : 0;
    return Math.log(A1 * A2 * (A3 + A4));
  };

  it('equals the direct product form client by client, and summed over a base', () => {
    for (const h of HISTORIES) expect(clientLogLik(CDNOW, h)).toBeCloseTo(direct(CDNOW, h), 10);
    const d = fitData({ x: HISTORIES.map((h) => h.x), tx: HISTORIES.map((h) => h.tx), T: HISTORIES.map((h) => h.T) });
    expect(logLikelihood(CDNOW, d)).toBeCloseTo(HISTORIES.reduce((s, h) => s + direct(CDNOW, h), 0), 9);
  });

  it('stays finite for a client with hundreds of purchases, where the product form breaks down', () => {
    const heavy: Rfm = { x: 600, tx: 150, T: 156 };
    // Γ(600) overflows: the product form gives NaN (∞ / ∞) or −∞, never a number.
    expect(Number.isFinite(direct(CDNOW, heavy))).toBe(false);
    const ll = clientLogLik(CDNOW, heavy);
    expect(Number.isFinite(ll)).toBe(true);
    // Against the log of each factor summed by hand.
    const m = CDNOW;
    const lnA3 = -(m.r + 600) * Math.log(m.alpha + 156);
    const lnA4 = Math.log(m.a / (m.b + 599)) - (m.r + 600) * Math.log(m.alpha + 150);
    const byHand = lnGamma(m.r + 600) - lnGamma(m.r) + m.r * Math.log(m.alpha) + lnGamma(m.a + m.b) + lnGamma(m.b + 600) - lnGamma(m.b) - lnGamma(m.a + m.b + 600) + lnA4 + Math.log1p(Math.exp(lnA3 - lnA4));
    expect(ll).toBeCloseTo(byHand, 8);
  });

  it('has the gradient its finite differences say (on the log scale)', () => {
    const d = fitData({ x: HISTORIES.map((h) => h.x), tx: HISTORIES.map((h) => h.tx), T: HISTORIES.map((h) => h.T) });
    const grad = new Float64Array(4);
    logLikelihoodWithGradient(CDNOW, d, grad);
    const keys = ['r', 'alpha', 'a', 'b'] as const;
    keys.forEach((k, i) => {
      const eps = 1e-6;
      const at = (s: number) => logLikelihood({ ...CDNOW, [k]: CDNOW[k] * Math.exp(s) }, d);
      expect(grad[i]).toBeCloseTo((at(eps) - at(-eps)) / (2 * eps), 5);
    });
  });
});

describe('P(alive) and the conditional expectation', () => {
  const cases: [string, BgnbdParams][] = [
    ['CDNOW', CDNOW],
    ['a = 1 exactly (the closed form divides by a − 1)', { r: 0.5, alpha: 3, a: 1, b: 2 }],
    ['a close to 1', { r: 0.5, alpha: 3, a: 1 + 1e-9, b: 2 }],
    ['a > 1 and frequent buyers', { r: 2.5, alpha: 1.2, a: 3.4, b: 9 }],
  ];
  for (const [name, m] of cases) {
    it(`match an independent integration over the posterior: ${name}`, () => {
      for (const h of HISTORIES) {
        for (const t of [1, 39, 52, 260]) {
          const want = byIntegration(m, h, t);
          expect(pAlive(m, h)).toBeCloseTo(want.pAlive, 9);
          const got = expectedOccasions(m, t, h);
          expect(Math.abs(got - want.expected) / Math.max(want.expected, 1e-12), `${JSON.stringify(h)} t=${t}`).toBeLessThan(1e-7);
        }
      }
    });
  }

  it('a new client expects E[X(t)] (equation 9), and P(alive) is 1 before any repeat', () => {
    const m = CDNOW;
    const want = byIntegration(m, { x: 0, tx: 0, T: 0 }, 39).expected;
    expect(expectedOccasionsNew(m, 39)).toBeCloseTo(want, 9);
    expect(pAlive(m, { x: 0, tx: 0, T: 30 })).toBe(1);
    // A long silence after many purchases: almost surely gone.
    expect(pAlive(m, { x: 20, tx: 5, T: 39 })).toBeLessThan(0.01);
    expect(expectedOccasions(m, 0, { x: 3, tx: 10, T: 20 })).toBe(0);
  });
});
