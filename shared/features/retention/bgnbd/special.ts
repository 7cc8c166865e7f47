/**
 * Special functions the BG/NBD model needs, written by hand: no maintained
 * JavaScript library for them is installed here (and the model needs only
 * these two).
 */

// Lanczos coefficients for g = 7, n = 9 (Numerical Recipes 3rd ed. / Godfrey): about 15 correct digits for x > 0.
const G = 7;
const LANCZOS = [
  0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059, 12.507343278686905,
  -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7,
];
const HALF_LOG_TWO_PI = 0.5 * Math.log(2 * Math.PI);

/** ln Γ(x) for x > 0. */
export function lnGamma(x: number): number {
  if (!(x > 0)) return NaN;
  // Below 0.5 the series loses digits; Γ(x) = Γ(x + 1) / x moves it up exactly.
  if (x < 0.5) return lnGamma(x + 1) - Math.log(x);
  const z = x - 1;
  let sum = LANCZOS[0];
  for (let i = 1; i < G + 2; i++) sum += LANCZOS[i] / (z + i);
  const t = z + G + 0.5;
  return HALF_LOG_TWO_PI + (z + 0.5) * Math.log(t) - t + Math.log(sum);
}

/** ψ(x) = d/dx ln Γ(x) for x > 0: recurrence up past 10, then the asymptotic series (error below 1e-14). */
export function digamma(x: number): number {
  if (!(x > 0)) return NaN;
  let acc = 0;
  while (x < 10) {
    acc -= 1 / x;
    x += 1;
  }
  const f = 1 / (x * x);
  // Bernoulli terms: 1/12, 1/120, 1/252, 1/240, 1/132.
  return acc + Math.log(x) - 0.5 / x - f * (1 / 12 - f * (1 / 120 - f * (1 / 252 - f * (1 / 240 - f / 132))));
}

/** expm1(y) / y, which tends to 1 as y → 0 (written so that it stays exact there). */
export function expm1OverX(y: number): number {
  return Math.abs(y) < 1e-8 ? 1 + y / 2 : Math.expm1(y) / y;
}

/** Terms the series below may take before it gives up: reached only for z within about 1e-5 of 1. */
const MAX_TERMS = 2_000_000;

/**
 * (1 − (1 − z)^B · ₂F₁(A, B; C; z)) / B, for 0 ≤ z < 1, C > 0 and B ≠ −C,
 * stable for every B including B → 0 (where the ratio has a finite limit).
 *
 * Both BG/NBD expectations reduce to this after Euler's transformation
 * ₂F₁(r+x, b+x; a+b+x−1; z) = (1−z)^(a−1−r−x) ₂F₁(a+b−1−r, a−1; a+b+x−1; z):
 * the transformed series has small parameters, so its terms neither overflow
 * for clients with hundreds of purchases nor decay only geometrically slowly
 * (they fall like n^(a−r−x−2) z^n).
 */
export function oneMinusEulerHyp2f1OverB(A: number, B: number, C: number, z: number): number {
  if (z === 0) return 0;
  if (!(z > 0 && z < 1)) return NaN;
  const L = Math.log1p(-z);
  // S = Σ_{n≥1} t_n / B, where t_n are the terms of ₂F₁(A, B; C; z); each t_n carries the factor B.
  let s = (A * z) / C;
  let S = s;
  for (let n = 1; n < MAX_TERMS; n++) {
    s *= ((A + n) * (B + n) * z) / ((C + n) * (n + 1));
    S += s;
    // Past the largest parameter every term has one sign and the ratio is below 1: stop once they no longer count.
    if (Math.abs(s) <= 1e-16 * Math.abs(S) && n > Math.abs(A) + Math.abs(B) + 2) break;
    if (s === 0) break;
  }
  return -L * expm1OverX(B * L) - S * Math.exp(B * L);
}
