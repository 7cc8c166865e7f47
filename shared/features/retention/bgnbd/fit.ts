import { bfgs } from './bfgs';
import { fitData, logLikelihood, logLikelihoodWithGradient, type FitData, type RfmColumns } from './data';
import type { BgnbdParams } from './model';
import { nelderMead, type MinimiseResult } from './nelder-mead';

/** Below these the model has too little to learn from, and the app says so and keeps to the rhythm rule. */
export const MIN_FIT_CLIENTS = 50;
export const MIN_FIT_REPEATERS = 20;

export type FitStatus = 'ok' | 'too_small' | 'not_converged';

export interface BgnbdFit {
  status: FitStatus;
  params: BgnbdParams | null;
  logLik: number | null;
  clients: number;
  repeatOccasions: number;
  /** Starts tried, and how many of them ended in a moved, converged point. */
  starts: number;
  startsConverged: number;
  evaluations: number;
}

export interface FitOptions {
  /** Above this many groups the starts are compared on an even subsample, then the best is polished on everything. */
  searchGroups?: number;
  maxEvaluations?: number;
}

// Parameters are searched on the log scale, so every point is valid and the four scales (r ~ 0.2, α ~ 5, b ~ 3) weigh alike.
const toParams = (t: number[]): BgnbdParams => ({ r: Math.exp(t[0]), alpha: Math.exp(t[1]), a: Math.exp(t[2]), b: Math.exp(t[3]) });
const toLog = (p: BgnbdParams) => [Math.log(p.r), Math.log(p.alpha), Math.log(p.a), Math.log(p.b)];
/** e^±12: a parameter out there is a degenerate fit (a rate of zero, a certain drop-out), not an estimate. */
const BOUND = 12;

function gradientObjective(d: FitData) {
  return (t: number[], grad: Float64Array) => {
    if (t.some((v) => Math.abs(v) > BOUND)) return Infinity;
    const ll = logLikelihoodWithGradient(toParams(t), d, grad);
    for (let i = 0; i < 4; i++) grad[i] = -grad[i] / d.clients;
    return -ll / d.clients;
  };
}

function objective(d: FitData) {
  return (t: number[]) => (t.some((v) => Math.abs(v) > BOUND) ? Infinity : -logLikelihood(toParams(t), d) / d.clients);
}

/** Starting points spread around the scale of the data: α in the weeks between purchases, a and b on both sides of 1. */
function startsFor(d: FitData): BgnbdParams[] {
  let x = 0;
  let T = 0;
  for (let g = 0; g < d.gw.length; g++) (x += d.gw[g] * d.xs[d.gx[g]]), (T += d.gw[g] * d.gT[g]);
  const weeksPerPurchase = Math.min(Math.max(x > 0 ? T / x : 1, 0.1), 1e4);
  return [
    { r: 1, alpha: weeksPerPurchase, a: 1, b: 1 },
    { r: 0.25, alpha: weeksPerPurchase / 4, a: 0.8, b: 2.5 },
    { r: 3, alpha: 3 * weeksPerPurchase, a: 0.3, b: 5 },
    { r: 0.5, alpha: weeksPerPurchase / 2, a: 2, b: 1 },
  ];
}

const moved = (from: number[], to: number[]) => Math.max(...from.map((v, i) => Math.abs(v - to[i]))) > 1e-3;

/**
 * Maximum-likelihood BG/NBD fit. Nelder–Mead runs from several starts (on an
 * even subsample of a large base); a start whose search never left it (every
 * neighbour worse or not computable) is discarded, so an unmoved start point
 * is never reported as an estimate. The best end point is then polished on
 * every client by BFGS with the exact gradient, and the fit counts as
 * converged only when that gradient vanishes inside the parameter bounds.
 */
export function fitBgnbd(h: RfmColumns, o: FitOptions = {}): BgnbdFit {
  const full = fitData(h);
  let repeaters = 0;
  for (let g = 0; g < full.gw.length; g++) if (full.xs[full.gx[g]] > 0) repeaters += full.gw[g];
  const base = { clients: full.clients, repeatOccasions: full.repeatOccasions };
  if (full.clients < MIN_FIT_CLIENTS || repeaters < MIN_FIT_REPEATERS) {
    return { status: 'too_small', params: null, logLik: null, ...base, starts: 0, startsConverged: 0, evaluations: 0 };
  }
  const { searchGroups = 3000, maxEvaluations = 3000 } = o;
  const every = Math.ceil(full.gw.length / searchGroups);
  const search = every > 1 ? fitData(h, (i) => i % every === 0) : full;
  const starts = startsFor(full).map(toLog);
  const f = objective(search);
  let evaluations = 0;
  const runs: (MinimiseResult & { start: number[] })[] = [];
  for (const start of starts) {
    const run = nelderMead(f, start, { step: 0.7, maxEvaluations, xTol: 1e-4, fTol: 1e-9 });
    evaluations += run.evaluations;
    if (Number.isFinite(run.f) && moved(start, run.x)) runs.push({ ...run, start });
  }
  const startsConverged = runs.filter((r) => r.converged).length;
  if (runs.length === 0) return { status: 'not_converged', params: null, logLik: null, ...base, starts: starts.length, startsConverged, evaluations };
  runs.sort((p, q) => p.f - q.f);
  // The polish uses every client and the exact gradient; its stopping rule (a vanishing gradient) is also the convergence test.
  const polish = bfgs(gradientObjective(full), runs[0].x, { gTol: 1e-7, maxIterations: 150 });
  evaluations += polish.evaluations;
  // BFGS only ever accepts a lower value, so its end point is at least as good as the search's.
  const best = polish;
  const inside = best.x.every((v) => Math.abs(v) < BOUND - 0.5);
  const fromEveryStart = starts.every((s) => moved(s, best.x));
  const ok = polish.converged && inside && fromEveryStart;
  return {
    status: ok ? 'ok' : 'not_converged',
    params: toParams(best.x),
    logLik: logLikelihood(toParams(best.x), full),
    ...base,
    starts: starts.length,
    startsConverged,
    evaluations,
  };
}
