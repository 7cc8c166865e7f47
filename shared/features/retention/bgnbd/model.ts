import { lnGamma, oneMinusEulerHyp2f1OverB } from './special';

/**
 * The BG/NBD model of Fader, Hardie and Lee (2005), "Counting your customers
 * the easy way": while active a client buys at rate λ ~ Gamma(r, α); after each
 * purchase it drops out with probability p ~ Beta(a, b). Time is in weeks.
 */
export interface BgnbdParams {
  r: number;
  alpha: number;
  a: number;
  b: number;
}

/**
 * One client's history: x repeat purchase occasions (occasions after the
 * first), the last one t_x after the first, and T from the first to the end
 * of observation (t_x ≤ T; t_x = 0 when x = 0).
 */
export interface Rfm {
  x: number;
  tx: number;
  T: number;
}

/** The terms that depend only on x: ln A1 + ln A2 of the paper, and ln(a / (b + x − 1)). */
export function lnTermsOfX(p: BgnbdParams, x: number): { lnA12: number; lnA4: number } {
  const { r, alpha, a, b } = p;
  const lnA12 = lnGamma(r + x) - lnGamma(r) + r * Math.log(alpha) + lnGamma(a + b) + lnGamma(b + x) - lnGamma(b) - lnGamma(a + b + x);
  return { lnA12, lnA4: x > 0 ? Math.log(a) - Math.log(b + x - 1) : -Infinity };
}

/** ln(e^u + e^v) without overflow: the form that survives clients with hundreds of purchases. */
export function logSumExp(u: number, v: number): number {
  if (v === -Infinity) return u;
  const m = u > v ? u : v;
  return m + Math.log1p(Math.exp(-Math.abs(u - v)));
}

/** One client's log-likelihood, ln L(r, α, a, b | x, t_x, T) (equation 6 of the paper, in log-sum-exp form). */
export function clientLogLik(p: BgnbdParams, h: Rfm): number {
  const { lnA12, lnA4 } = lnTermsOfX(p, h.x);
  const lnA3 = -(p.r + h.x) * Math.log(p.alpha + h.T);
  return lnA12 + logSumExp(lnA3, h.x > 0 ? lnA4 - (p.r + h.x) * Math.log(p.alpha + h.tx) : -Infinity);
}

/** ln of the odds that a client has dropped out, given its history; −∞ when x = 0 (the model never drops a client before its first repeat). */
function lnDropOdds(p: BgnbdParams, h: Rfm): number {
  if (h.x === 0) return -Infinity;
  return Math.log(p.a) - Math.log(p.b + h.x - 1) + (p.r + h.x) * (Math.log(p.alpha + h.T) - Math.log(p.alpha + h.tx));
}

const sigmoidOfMinus = (v: number) => (v === -Infinity ? 1 : v > 0 ? Math.exp(-v) / (1 + Math.exp(-v)) : 1 / (1 + Math.exp(v)));

/** P(alive | x, t_x, T): the probability the client is still active at T (equation 13 of Fader, Hardie and Lee's P(alive) note). */
export function pAlive(p: BgnbdParams, h: Rfm): number {
  return sigmoidOfMinus(lnDropOdds(p, h));
}

/**
 * E[Y(t) | x, t_x, T]: the expected number of purchase occasions in the next t
 * weeks (equation 10 of the paper), through the stable ₂F₁ form above.
 */
export function expectedOccasions(p: BgnbdParams, t: number, h: Rfm): number {
  if (t <= 0) return 0;
  const c = p.a + p.b + h.x - 1;
  const z = t / (p.alpha + h.T + t);
  const ratio = oneMinusEulerHyp2f1OverB(p.a + p.b - 1 - p.r, p.a - 1, c, z);
  return c * ratio * sigmoidOfMinus(lnDropOdds(p, h));
}

/** E[X(t)]: the occasions a client just acquired is expected to make in its first t weeks (equation 9). */
export function expectedOccasionsNew(p: BgnbdParams, t: number): number {
  return expectedOccasions(p, t, { x: 0, tx: 0, T: 0 });
}
