import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { run } from '../../../electron/cli/index';
import { UsageError } from '../../../electron/cli/command';
import { tempDir } from '../../helpers/db';
import { cdnowCalibration, CDNOW_SAMPLE } from './cdnow';

async function cli(args: string[]): Promise<any> {
  const out: string[] = [];
  expect(await run(args, (s) => out.push(s))).toBe(0);
  return args.includes('--json') ? JSON.parse(out.join('')) : out.join('');
}

describe('rapport retention', () => {
  it('fits the CDNOW sample imported as purchase lines, with the published calibration (weeks, to 1997-09-30), and forecasts the holdout', async () => {
    const db = join(tempDir(), 'cdnow.db');
    await cli(['import', 'purchases', CDNOW_SAMPLE, '--db', db, '--no-header', '--map', 'A=client', '--map', 'B=', '--map', 'C=date', '--map', 'D=quantity', '--map', 'E=amount', '--json']);
    const fit = await cli(['retention', 'fit', '--db', db, '--as-of', '1997-09-30', '--json']);
    expect(fit).toMatchObject({ model: 'bgnbd', unit: 'week', clients: 2357, repeat_occasions: 2457, converged: true });
    expect(fit.r).toBeCloseTo(0.2426, 3);
    expect(fit.alpha).toBeCloseTo(4.4136, 3);
    expect(fit.a).toBeCloseTo(0.7929, 3);
    expect(fit.b).toBeCloseTo(2.4259, 3);
    expect(fit.loglik).toBeCloseTo(-9582.43, 1);
    const rows = await cli(['retention', 'clients', '--db', db, '--as-of', '1997-09-30', '--horizon-days', '273', '--json']);
    expect(rows).toHaveLength(2357);
    expect(Object.keys(rows[0])).toEqual(['code', 'x', 't_x', 'T', 'p_alive', 'expected', 'rhythm_days', 'overdue_days', 'dormant']);
    // The same inputs the paper uses, client by client (sorted alike).
    const c = cdnowCalibration();
    const key = (x: number, tx: number, T: number) => `${x}|${tx.toFixed(4)}|${T.toFixed(4)}`;
    expect(rows.map((r: any) => key(r.x, r.t_x, r.T)).sort()).toEqual(c.x.map((x, i) => key(x, c.tx[i], c.T[i])).sort());
    const predicted = rows.reduce((s: number, r: any) => s + r.expected, 0);
    expect(predicted).toBeCloseTo(1653.4, 0);
    expect(c.holdout.reduce((a, b) => a + b, 0)).toBe(1882);
    for (const r of rows) {
      expect(r.p_alive).toBeGreaterThanOrEqual(0);
      expect(r.p_alive).toBeLessThanOrEqual(1);
    }
    expect(await cli(['retention', 'fit', '--db', db, '--as-of', '1997-09-30'])).toMatch(/^BG\/NBD fitted on 2357 clients, 2457 repeat occasions, up to 1997-09-30 \(weeks\)\n {2}r 0\.24/);
  });

  it('refuses a bad command line before opening anything', () => {
    expect(() => run(['retention', 'forecast', '--db', 'x.db'])).toThrow(UsageError);
    expect(() => run(['retention', 'clients', '--db', 'x.db', '--horizon-days', '0'])).toThrow('--horizon-days must be a whole number above 0, got "0"');
    expect(() => run(['retention', 'fit', '--db', 'x.db', '--as-of', '2026-13-01'])).toThrow('--as-of must be a date as YYYY-MM-DD');
  });

  it('on a base too small for the model: says so, and the rows carry no model figures', async () => {
    const db = join(tempDir(), 'small.db');
    await cli(['demo', '--db', db, '--clients', '20', '--purchases', '300', '--seed', '3', '--as-of', '2026-06-30']);
    const fit = await cli(['retention', 'fit', '--db', db, '--as-of', '2026-06-30', '--json']);
    expect(fit).toMatchObject({ status: 'too_small', converged: false, r: null, clients: 20 });
    const rows = await cli(['retention', 'clients', '--db', db, '--as-of', '2026-06-30', '--json']);
    expect(rows.every((r: any) => r.p_alive === null && r.expected === null)).toBe(true);
    expect(rows.some((r: any) => r.rhythm_days !== null)).toBe(true);
  });
});
