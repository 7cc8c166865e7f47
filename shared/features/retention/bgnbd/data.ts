import type { BgnbdParams, Rfm } from './model';
import { digamma, lnGamma } from './special';

/**
 * Histories as the fit reads them: identical (x, t_x, T) triples merged with
 * a weight (clients who never came back share a T with many others), and the
 * per-x terms indexed so each evaluation computes its gamma functions once
 * per distinct x, not once per client.
 */
export interface FitData {
  clients: number;
  repeatOccasions: number;
  /** Distinct x values. */
  xs: Float64Array;
  /** Per group: index into xs, t_x, T, and how many clients it stands for. */
  gx: Int32Array;
  gtx: Float64Array;
  gT: Float64Array;
  gw: Float64Array;
}

export interface RfmColumns {
  x: ArrayLike<number>;
  tx: ArrayLike<number>;
  T: ArrayLike<number>;
}

/** Merges the histories into groups; `pick` keeps only some clients (a subsample for the search of starts). */
export function fitData(h: RfmColumns, pick?: (i: number) => boolean): FitData {
  const n = h.x.length;
  const order: number[] = [];
  for (let i = 0; i < n; i++) if (!pick || pick(i)) order.push(i);
  order.sort((i, j) => h.x[i] - h.x[j] || h.tx[i] - h.tx[j] || h.T[i] - h.T[j]);
  const xs: number[] = [];
  const gx: number[] = [];
  const gtx: number[] = [];
  const gT: number[] = [];
  const gw: number[] = [];
  let repeat = 0;
  for (const i of order) {
    const x = h.x[i];
    repeat += x;
    const g = gw.length - 1;
    if (g >= 0 && xs[gx[g]] === x && gtx[g] === h.tx[i] && gT[g] === h.T[i]) {
      gw[g]++;
      continue;
    }
    if (xs.length === 0 || xs[xs.length - 1] !== x) xs.push(x);
    gx.push(xs.length - 1);
    gtx.push(h.tx[i]);
    gT.push(h.T[i]);
    gw.push(1);
  }
  return { clients: order.length, repeatOccasions: repeat, xs: Float64Array.from(xs), gx: Int32Array.from(gx), gtx: Float64Array.from(gtx), gT: Float64Array.from(gT), gw: Float64Array.from(gw) };
}

/** The same histories one row per client, for callers that hold plain objects. */
export function columnsOf(rows: readonly Rfm[]): RfmColumns {
  return { x: rows.map((r) => r.x), tx: rows.map((r) => r.tx), T: rows.map((r) => r.T) };
}

/**
 * The whole base's log-likelihood, Σ ln L_i, in log-sum-exp form: the product
 * form (A3 + A4 as plain numbers) underflows to 0 for a client with a few
 * hundred purchases, and the sum of logs then becomes −∞.
 */
export function logLikelihood(p: BgnbdParams, d: FitData): number {
  const { r, alpha, a, b } = p;
  if (!(r > 0 && alpha > 0 && a > 0 && b > 0)) return NaN;
  const nx = d.xs.length;
  const lnA12 = new Float64Array(nx);
  const lnA4 = new Float64Array(nx);
  const base = -lnGamma(r) + r * Math.log(alpha) + lnGamma(a + b) - lnGamma(b);
  const lna = Math.log(a);
  for (let k = 0; k < nx; k++) {
    const x = d.xs[k];
    lnA12[k] = base + lnGamma(r + x) + lnGamma(b + x) - lnGamma(a + b + x);
    lnA4[k] = x > 0 ? lna - Math.log(b + x - 1) : -Infinity;
  }
  let ll = 0;
  const { gx, gtx, gT, gw, xs } = d;
  for (let g = 0; g < gw.length; g++) {
    const k = gx[g];
    const rx = r + xs[k];
    const u = -rx * Math.log(alpha + gT[g]);
    let term: number;
    if (xs[k] === 0) term = u;
    else {
      const v = lnA4[k] - rx * Math.log(alpha + gtx[g]);
      term = u > v ? u + Math.log1p(Math.exp(v - u)) : v + Math.log1p(Math.exp(u - v));
    }
    ll += gw[g] * (lnA12[k] + term);
  }
  return ll;
}

/**
 * The log-likelihood and its gradient with respect to the log parameters
 * (ln r, ln α, ln a, ln b), in one pass: the gradient costs about a third
 * more than the value alone, so the final search needs far fewer passes
 * over a large base than a simplex does.
 */
export function logLikelihoodWithGradient(p: BgnbdParams, d: FitData, grad: Float64Array): number {
  const { r, alpha, a, b } = p;
  grad.fill(0);
  if (!(r > 0 && alpha > 0 && a > 0 && b > 0)) return NaN;
  const nx = d.xs.length;
  const lnA12 = new Float64Array(nx);
  const lnA4 = new Float64Array(nx);
  // d lnA12 / d(r, a, b) per x; the α part (r / α) is the same for every client.
  const dr12 = new Float64Array(nx);
  const da12 = new Float64Array(nx);
  const db12 = new Float64Array(nx);
  const lnAlpha = Math.log(alpha);
  const base = -lnGamma(r) + r * lnAlpha + lnGamma(a + b) - lnGamma(b);
  const psiR = digamma(r);
  const psiAB = digamma(a + b);
  const psiB = digamma(b);
  const lna = Math.log(a);
  for (let k = 0; k < nx; k++) {
    const x = d.xs[k];
    lnA12[k] = base + lnGamma(r + x) + lnGamma(b + x) - lnGamma(a + b + x);
    lnA4[k] = x > 0 ? lna - Math.log(b + x - 1) : -Infinity;
    const psiABX = digamma(a + b + x);
    dr12[k] = digamma(r + x) - psiR + lnAlpha;
    da12[k] = psiAB - psiABX;
    db12[k] = psiAB + digamma(b + x) - psiB - psiABX;
  }
  let ll = 0;
  let gr = 0;
  let gal = 0;
  let ga = 0;
  let gb = 0;
  let weight = 0;
  const { gx, gtx, gT, gw, xs } = d;
  for (let g = 0; g < gw.length; g++) {
    const k = gx[g];
    const x = xs[k];
    const w = gw[g];
    const rx = r + x;
    const lT = Math.log(alpha + gT[g]);
    const u = -rx * lT;
    let term = u;
    // wu, wv: the shares of e^u and e^v in their sum (the log-sum-exp's own gradient).
    let wv = 0;
    let lt = 0;
    if (x > 0) {
      lt = Math.log(alpha + gtx[g]);
      const v = lnA4[k] - rx * lt;
      if (u > v) {
        const e = Math.exp(v - u);
        term = u + Math.log1p(e);
        wv = e / (1 + e);
      } else {
        const e = Math.exp(u - v);
        term = v + Math.log1p(e);
        wv = 1 / (1 + e);
      }
    }
    const wu = 1 - wv;
    ll += w * (lnA12[k] + term);
    weight += w;
    gr += w * (dr12[k] - wu * lT - wv * lt);
    gal += w * (-rx * (wu / (alpha + gT[g]) + (x > 0 ? wv / (alpha + gtx[g]) : 0)));
    ga += w * (da12[k] + (x > 0 ? wv / a : 0));
    gb += w * (db12[k] - (x > 0 ? wv / (b + x - 1) : 0));
  }
  gal += (weight * r) / alpha;
  // Chain rule to the log scale: d/d ln θ = θ · d/dθ.
  grad[0] = gr * r;
  grad[1] = gal * alpha;
  grad[2] = ga * a;
  grad[3] = gb * b;
  return ll;
}
