/**
 * Quasi-Newton (BFGS) minimisation with a backtracking line search, for the
 * final polish of the fit where an exact gradient is cheap. Written by hand:
 * no optimisation library is installed, and the method is short.
 */
export interface BfgsResult {
  x: number[];
  f: number;
  evaluations: number;
  /** The gradient's largest component fell below the tolerance. */
  converged: boolean;
  gradientNorm: number;
}

export function bfgs(fg: (x: number[], grad: Float64Array) => number, start: readonly number[], o: { gTol?: number; maxIterations?: number } = {}): BfgsResult {
  const n = start.length;
  const { gTol = 1e-7, maxIterations = 200 } = o;
  let evaluations = 0;
  const g = new Float64Array(n);
  const g2 = new Float64Array(n);
  const evaluate = (x: number[], into: Float64Array) => {
    evaluations++;
    const v = fg(x, into);
    return Number.isFinite(v) && into.every(Number.isFinite) ? v : Infinity;
  };
  let x = start.slice();
  let f = evaluate(x, g);
  const norm = (v: Float64Array) => v.reduce((m, c) => Math.max(m, Math.abs(c)), 0);
  if (!Number.isFinite(f)) return { x, f, evaluations, converged: false, gradientNorm: Infinity };
  let H = identity(n);
  // A run of steps that no longer change the value: the optimum is off along a flat ridge (a parameter running to its bound), not found.
  let flat = 0;
  for (let it = 0; it < maxIterations && flat < 8; it++) {
    if (norm(g) <= gTol) return { x, f, evaluations, converged: true, gradientNorm: norm(g) };
    let d = H.map((row) => -row.reduce((s, h, j) => s + h * g[j], 0));
    let slope = d.reduce((s, di, i) => s + di * g[i], 0);
    // Not a descent direction (curvature information gone stale): start again from the gradient.
    if (!(slope < 0)) {
      H = identity(n);
      d = Array.from(g, (v) => -v);
      slope = d.reduce((s, di, i) => s + di * g[i], 0);
    }
    let t = 1;
    let fNew = Infinity;
    let xNew = x;
    for (let k = 0; k < 50; k++) {
      xNew = x.map((v, i) => v + t * d[i]);
      fNew = evaluate(xNew, g2);
      if (fNew <= f + 1e-4 * t * slope) break;
      t *= 0.5;
    }
    if (!(fNew <= f)) return { x, f, evaluations, converged: norm(g) <= gTol * 10, gradientNorm: norm(g) };
    const s = xNew.map((v, i) => v - x[i]);
    const y = Array.from(g2, (v, i) => v - g[i]);
    const sy = s.reduce((acc, si, i) => acc + si * y[i], 0);
    if (sy > 1e-14) {
      // H ← (I − ρ s yᵀ) H (I − ρ y sᵀ) + ρ s sᵀ
      const rho = 1 / sy;
      const Hy = H.map((row) => row.reduce((acc, h, j) => acc + h * y[j], 0));
      const yHy = y.reduce((acc, yi, i) => acc + yi * Hy[i], 0);
      H = H.map((row, i) => row.map((h, j) => h - rho * (Hy[i] * s[j] + s[i] * Hy[j]) + (rho * rho * yHy + rho) * s[i] * s[j]));
    }
    flat = f - fNew <= 1e-13 * (1 + Math.abs(f)) ? flat + 1 : 0;
    x = xNew;
    f = fNew;
    g.set(g2);
  }
  return { x, f, evaluations, converged: norm(g) <= gTol, gradientNorm: norm(g) };
}

function identity(n: number): number[][] {
  return Array.from({ length: n }, (_, i) => Array.from({ length: n }, (_, j) => (i === j ? 1 : 0)));
}
