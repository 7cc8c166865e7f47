import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { analyticsCall, stopAnalyticsHost, warmUp } from '../../../electron/features/analytics';
import { unpackReport } from '../../../shared/features/analytics/packing';
import { storeLag } from '../../../electron/features/analytics/store';
import { HOST_OPS } from '../../../electron/features/analytics/ops';
import { generateDemo } from '../../../electron/features/settings';
import type { Db } from '../../../electron/db/connection';
import { runTaskHere } from '../../../electron/jobs/tasks';
import { workerTaskRunner } from '../../../electron/jobs/worker-runner';
import { AS_OF, emptyDatabase } from '../../helpers/db';
import { routerCalls } from '../../helpers/router';

const WORKER = join(__dirname, '..', '..', '..', 'electron', 'jobs', 'worker.ts');
const input = { from: '2025-07-01', to: AS_OF, scope: { kind: 'company' as const } };
const opened: Db[] = [];

afterEach(() => {
  for (const db of opened.splice(0)) stopAnalyticsHost(db);
});

function demoBase(): Db {
  const db = emptyDatabase();
  generateDemo(db, { clients: 120, purchases: 4000, seed: 3, asOf: AS_OF });
  opened.push(db);
  return db;
}

describe('the analytics host', () => {
  it('answers in a worker thread exactly what the same functions answer here, and follows writes', async () => {
    const db = demoBase();
    const ctx = { runTask: workerTaskRunner(WORKER) };
    const there = await analyticsCall(db, ctx, 'report', input);
    const here = HOST_OPS.report(db, input);
    expect({ ...there, computeMs: 0 }).toEqual({ ...here, computeMs: 0 });
    const grid = await analyticsCall(db, ctx, 'clientsGrid', { includeArchived: false, asOf: AS_OF });
    expect(grid).toEqual(HOST_OPS.clientsGrid(db, { includeArchived: false, asOf: AS_OF }));

    // A write on the main connection: the worker's store catches up on its next call.
    const { call } = routerCalls(db);
    const client = (await call('clients.create', { name: 'Newcomer' })).id;
    await call('purchases.create', { clientId: client, date: '2026-06-01', amount: 12_345, quantity: 1 });
    const after = unpackReport(await analyticsCall(db, ctx, 'report', input));
    expect(after.revenue).toBeCloseTo(unpackReport(there).revenue + 12_345, 6);
    expect(after.rows.some((r) => r.name === 'Newcomer')).toBe(true);

    // An error in the worker comes back as the same keyed error.
    await expect(analyticsCall(db, ctx, 'report', { ...input, scope: { kind: 'manager', id: 9999 } })).rejects.toMatchObject({ key: 'common:errors.notFound' });
  }, 60_000);

  it('warmUp loads the store in the worker and hands this thread a copy that is up to date', async () => {
    const db = demoBase();
    expect(storeLag(db)).toBeNull();
    await warmUp(db, { runTask: workerTaskRunner(WORKER) });
    expect(storeLag(db)).toBe(0);
  }, 60_000);

  it('with a runner that works in this thread (CLI, tests) answers here without blocking', async () => {
    const db = demoBase();
    const ctx = { runTask: runTaskHere };
    const first = await analyticsCall(db, ctx, 'accounts', input);
    const again = await analyticsCall(db, ctx, 'accounts', input);
    expect({ ...again, computeMs: 0 }).toEqual({ ...first, computeMs: 0 });
    await warmUp(db, ctx);
    expect(storeLag(db)).toBe(0);
  });
});

describe('answers from the host', () => {
  it('cross to the window as densely as they left the worker (packed arrays, not holey)', async () => {
    const { serialize } = await import('node:v8');
    const db = demoBase();
    const grid = await analyticsCall(db, { runTask: workerTaskRunner(WORKER) }, 'clientsGrid', { includeArchived: false, asOf: AS_OF });
    const here = HOST_OPS.clientsGrid(db, { includeArchived: false, asOf: AS_OF });
    // What Electron's IPC does next: one more structured clone.
    expect(serialize(grid).length).toBe(serialize(here).length);
  }, 60_000);
});
