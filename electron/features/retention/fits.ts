import { fitBgnbd, type BgnbdFit } from '../../../shared/features/retention/bgnbd';
import type { FitInfo } from '../../../shared/features/retention/types';
import type { Db } from '../../db/connection';
import type { DormancyBase } from './dormancy';

/** How many fits are kept: the current one and a few older, for a screen that opens while a new one runs. */
const KEEP = 5;

interface FitRow {
  mark: string;
  asOf: string;
  status: BgnbdFit['status'];
  r: number | null;
  alpha: number | null;
  a: number | null;
  b: number | null;
  logLik: number | null;
  clients: number;
  repeatOccasions: number;
  createdAt: string;
}

const SELECT = `SELECT mark, as_of AS asOf, status, r, alpha, a, b, loglik AS logLik, clients, repeat_occasions AS repeatOccasions, created_at AS createdAt FROM retention_fits`;

/**
 * The fit the figures use: the one made on this data for this date when it
 * exists, else the newest (marked not current, so the screens start a new
 * one and say so). A failed fit has no parameters: the rhythm rule alone
 * decides then.
 */
export function fitInfo(db: Db, mark: string, asOf: string): FitInfo {
  const exact = db.sqlite.prepare(`${SELECT} WHERE mark = ? AND as_of = ? ORDER BY id DESC LIMIT 1`).get(mark, asOf) as FitRow | undefined;
  const row = exact ?? (db.sqlite.prepare(`${SELECT} ORDER BY id DESC LIMIT 1`).get() as FitRow | undefined);
  if (!row) return { status: 'none', current: false, params: null, logLik: null, clients: 0, repeatOccasions: 0, asOf: null, fittedAt: null, dataMark: mark };
  const ok = row.status === 'ok' && row.r !== null && row.alpha !== null && row.a !== null && row.b !== null;
  return {
    status: row.status,
    current: exact !== undefined,
    params: ok ? { r: row.r!, alpha: row.alpha!, a: row.a!, b: row.b! } : null,
    logLik: row.logLik,
    clients: row.clients,
    repeatOccasions: row.repeatOccasions,
    asOf: row.asOf,
    fittedAt: row.createdAt,
    dataMark: mark,
  };
}

/** The fit's input: every client with at least one purchase occasion up to the date. */
export function fitInput(b: DormancyBase): { x: Float64Array; tx: Float64Array; T: Float64Array } {
  let n = 0;
  for (let c = 0; c < b.clients; c++) if (b.occasions[c] > 0) n++;
  const x = new Float64Array(n);
  const tx = new Float64Array(n);
  const T = new Float64Array(n);
  let i = 0;
  for (let c = 0; c < b.clients; c++) {
    if (b.occasions[c] === 0) continue;
    x[i] = b.x[c];
    tx[i] = b.tx[c];
    T[i] = b.T[c];
    i++;
  }
  return { x, tx, T };
}

export interface FitRun {
  fit: BgnbdFit;
  millis: number;
}

/** Fits and records the result for (mark, asOf); run in the worker for a real base. */
export function fitAndStore(db: Db, args: { mark: string; asOf: string; x: Float64Array; tx: Float64Array; T: Float64Array }): FitRun {
  const started = performance.now();
  const fit = fitBgnbd({ x: args.x, tx: args.tx, T: args.T });
  const millis = performance.now() - started;
  db.sqlite.transaction(() => {
    db.sqlite
      .prepare(`INSERT INTO retention_fits (mark, as_of, status, r, alpha, a, b, loglik, clients, repeat_occasions, evaluations, millis)
                VALUES (@mark, @asOf, @status, @r, @alpha, @a, @b, @logLik, @clients, @repeat, @evaluations, @millis)`)
      .run({
        mark: args.mark, asOf: args.asOf, status: fit.status, r: fit.params?.r ?? null, alpha: fit.params?.alpha ?? null, a: fit.params?.a ?? null, b: fit.params?.b ?? null,
        logLik: fit.logLik, clients: fit.clients, repeat: fit.repeatOccasions, evaluations: fit.evaluations, millis,
      });
    db.sqlite.prepare(`DELETE FROM retention_fits WHERE id <= (SELECT MAX(id) FROM retention_fits) - ?`).run(KEEP);
  }).immediate();
  return { fit, millis };
}
