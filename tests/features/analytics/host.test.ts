import { existsSync } from 'node:fs';
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
import { AS_OF, emptyDatabase, tempDir } from '../../helpers/db';
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

describe("other features' heavy queries", () => {
  it('are answered by the host with what this thread answers, and see a write made here at once', async () => {
    const db = demoBase();
    const there = routerCalls(db, { runTask: workerTaskRunner(WORKER) });
    const here = routerCalls(db);
    for (const [channel, q] of [['retention.callList', {}], ['clients.options', { search: 'a', limit: 20 }], ['clients.duplicates', {}], ['retention.gridValues', { asOf: AS_OF }]] as const) {
      expect(await there.call(channel, q)).toEqual(await here.call(channel, q));
    }
    await here.call('clients.create', { name: 'Zebulon Newcomer' });
    const found = await there.call('clients.options', { search: 'zebulon', limit: 20 });
    expect(found.map((o: { name: string }) => o.name)).toEqual(['Zebulon Newcomer']);
    // An error in the host comes back as the same keyed error.
    expect((await there.fail('clients.story', { id: 999_999 })).key).toBe('common:errors.notFound');
  }, 90_000);
});

describe('the Excel report in the host', () => {
  it('is written where the store is warm, with progress, and a cancel stops it and leaves the host answering', async () => {
    const ExcelJS = (await import('exceljs')).default;
    const db = demoBase();
    const ctx = { runTask: workerTaskRunner(WORKER) };
    await warmUp(db, ctx);
    const dir = tempDir();
    const phases: string[] = [];
    const done = await analyticsCall(db, ctx, 'workbook', { input, whatIfClientIds: [], path: join(dir, 'r.xlsx') }, { onProgress: (p) => phases.push(p.phase) });
    const report = unpackReport(await HOST_OPS.report(db, input));
    expect(done.rows).toBeGreaterThan(3 * report.rows.length);
    expect(phases).toContain('writing');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(join(dir, 'r.xlsx'));
    // Title row, header row, then one row per ranked client on the Pareto sheet.
    expect(wb.worksheets[1].actualRowCount).toBe(report.rows.length + 2);
    expect(wb.worksheets[1].getCell(3, 2).value).toBe(report.rows[0].name);

    // Cancelled while the host works on it (the host sees the cancel at its next sheet), then one cancelled while it waits its turn.
    let cancel = () => {};
    const cancelled = new Promise<void>((r) => (cancel = r));
    const running = analyticsCall(db, ctx, 'workbook', { input, whatIfClientIds: [], path: join(dir, 'c.xlsx') }, { cancelled });
    let cancelWaiting = () => {};
    const waiting = analyticsCall(db, ctx, 'workbook', { input, whatIfClientIds: [], path: join(dir, 'w.xlsx') }, { cancelled: new Promise<void>((r) => (cancelWaiting = r)) });
    const outcomes = Promise.allSettled([running, waiting]);
    cancel();
    cancelWaiting();
    const [a, b] = await outcomes;
    expect(a).toMatchObject({ status: 'rejected', reason: { name: 'Cancelled' } });
    expect(b).toMatchObject({ status: 'rejected', reason: { name: 'Cancelled' } });
    expect(existsSync(join(dir, 'c.xlsx'))).toBe(false);
    expect(existsSync(join(dir, 'w.xlsx'))).toBe(false);
    const after = await analyticsCall(db, ctx, 'report', input);
    expect(after.rows.id.length).toBe(report.rows.length);
  }, 60_000);
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
