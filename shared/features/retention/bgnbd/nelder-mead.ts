/**
 * Nelder–Mead simplex minimisation with the dimension-adapted coefficients of
 * Gao and Han (2012), which keep it from stalling in 4+ dimensions. Written by
 * hand: it is forty lines, and no optimisation library is installed here.
 */
export interface MinimiseResult {
  x: number[];
  f: number;
  evaluations: number;
  /** The simplex shrank below both tolerances before the evaluation budget ran out. */
  converged: boolean;
}

export interface MinimiseOptions {
  /** Initial step along each axis. */
  step?: number;
  xTol?: number;
  fTol?: number;
  maxEvaluations?: number;
}

export function nelderMead(f: (x: number[]) => number, start: readonly number[], o: MinimiseOptions = {}): MinimiseResult {
  const n = start.length;
  const { step = 0.5, xTol = 1e-8, fTol = 1e-11, maxEvaluations = 4000 } = o;
  const alpha = 1;
  const gamma = 1 + 2 / n;
  const rho = 0.75 - 1 / (2 * n);
  const sigma = 1 - 1 / n;
  let evaluations = 0;
  // A point the objective cannot evaluate (NaN, overflow) counts as infinitely bad, so the simplex moves away from it.
  const value = (x: number[]) => {
    evaluations++;
    const v = f(x);
    return Number.isFinite(v) ? v : Infinity;
  };
  const pts: number[][] = [start.slice()];
  for (let i = 0; i < n; i++) {
    const p = start.slice();
    p[i] += step;
    pts.push(p);
  }
  const fs = pts.map(value);
  const order = () => {
    const idx = pts.map((_, i) => i).sort((i, j) => fs[i] - fs[j]);
    const p2 = idx.map((i) => pts[i]);
    const f2 = idx.map((i) => fs[i]);
    for (let i = 0; i <= n; i++) (pts[i] = p2[i]), (fs[i] = f2[i]);
  };
  const along = (c: number[], w: number[], t: number) => c.map((ci, i) => ci + t * (w[i] - ci));
  let converged = false;
  while (evaluations < maxEvaluations) {
    order();
    const spread = Math.max(...pts.slice(1).map((p) => Math.max(...p.map((v, i) => Math.abs(v - pts[0][i])))));
    if (Number.isFinite(fs[0]) && spread <= xTol && fs[n] - fs[0] <= fTol * (1 + Math.abs(fs[0]))) {
      converged = true;
      break;
    }
    const centroid = new Array<number>(n).fill(0);
    for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) centroid[j] += pts[i][j] / n;
    const worst = pts[n];
    const xr = along(centroid, worst, -alpha);
    const fr = value(xr);
    if (fr < fs[0]) {
      const xe = along(centroid, worst, -alpha * gamma);
      const fe = value(xe);
      if (fe < fr) (pts[n] = xe), (fs[n] = fe);
      else (pts[n] = xr), (fs[n] = fr);
      continue;
    }
    if (fr < fs[n - 1]) {
      pts[n] = xr;
      fs[n] = fr;
      continue;
    }
    const outside = fr < fs[n];
    const xc = outside ? along(centroid, xr, rho) : along(centroid, worst, rho);
    const fc = value(xc);
    if (fc < (outside ? fr : fs[n])) {
      pts[n] = xc;
      fs[n] = fc;
      continue;
    }
    for (let i = 1; i <= n; i++) {
      pts[i] = along(pts[0], pts[i], sigma);
      fs[i] = value(pts[i]);
    }
  }
  order();
  return { x: pts[0], f: fs[0], evaluations, converged };
}
