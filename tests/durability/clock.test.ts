import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Db } from '../../electron/db/connection';
import { openDatabase } from '../../electron/db/migrate';
import { findMigrationsFolder } from '../../electron/db/migrations-path';
import { pruneChangeLog } from '../../electron/db/change-log';
import { emptyDatabase } from '../helpers/db';
import { routerCalls } from '../helpers/router';
import { recordDurability } from '../helpers/durability';

const PERIOD = { from: '2026-01-01', to: '2026-12-31', asOf: '2026-12-31' };

/** The figures straight from SQL, as a fresh computation would give them. */
function sqlFigures(db: Db) {
  const rows = db.sqlite
    .prepare(`SELECT c.id, c.name, COALESCE(SUM(p.amount), 0) AS revenue
                FROM clients c LEFT JOIN purchases p ON p.client_id = c.id AND p.archived_at IS NULL AND p.date BETWEEN @from AND @to
               WHERE c.archived_at IS NULL GROUP BY c.id HAVING revenue <> 0 ORDER BY c.id`)
    .all(PERIOD) as { id: number; name: string; revenue: number }[];
  return { total: Math.round(rows.reduce((s, r) => s + r.revenue, 0) * 100) / 100, rows: rows.map((r) => ({ id: r.id, name: r.name, revenue: Math.round(r.revenue * 100) / 100 })) };
}

async function storeFigures(call: ReturnType<typeof routerCalls>['call']) {
  const r = await call('analytics.report', { from: PERIOD.from, to: PERIOD.to, asOf: PERIOD.asOf });
  const rows = (r.rows as { id: number; name: string; revenue: number }[]).filter((x) => x.revenue !== 0).map((x) => ({ id: x.id, name: x.name, revenue: Math.round(x.revenue * 100) / 100 })).sort((a, b) => a.id - b.id);
  return { total: Math.round(r.revenue * 100) / 100, rows };
}

afterEach(() => vi.useRealTimers());

describe('the analytics cache with a clock that moves', () => {
  it('follows every write with the clock an hour behind, a year ahead, and back again, and after a restart', async () => {
    const db = emptyDatabase();
    let { call } = routerCalls(db);
    let checks = 0;
    const check = async () => {
      expect(await storeFigures(call)).toEqual(sqlFigures(db));
      checks++;
    };
    const real = Date.now();
    const clocks = [real, real - 3_600_000, real + 365 * 86_400_000, real - 3_600_000, real];
    vi.useFakeTimers({ toFake: ['Date'] });
    const clients: number[] = [];
    const purchases: number[] = [];
    let writes = 0;
    for (const [i, clock] of clocks.entries()) {
      vi.setSystemTime(clock);
      clients.push((await call('clients.create', { name: `Client ${i}` })).id);
      writes++;
      await check();
      for (let k = 0; k < 3; k++) {
        purchases.push((await call('purchases.create', { clientId: clients[i], date: `2026-0${k + 3}-1${i}`, quantity: 1, amount: 100 * (i + 1) + k })).id);
        writes++;
        await check();
      }
      // An edit of an older line, a rename, an archive and a restore: each must show.
      await call('purchases.update', { id: purchases[0], clientId: clients[0], date: '2026-03-10', quantity: 2, amount: 1000 + i });
      await call('clients.update', { id: clients[0], name: `Renamed ${i}` });
      writes += 2;
      await check();
      await call('purchases.archive', { id: purchases[purchases.length - 1] });
      writes++;
      await check();
      if (i % 2 === 0) {
        await call('purchases.restore', { id: purchases[purchases.length - 1] });
        writes++;
        await check();
      }
    }
    // A restart: a new connection and a new cache over the same file, the clock still wrong.
    vi.setSystemTime(real - 3_600_000);
    const path = db.path;
    db.sqlite.close();
    const again = openDatabase(path, findMigrationsFolder());
    try {
      ({ call } = routerCalls(again));
      const check2 = async () => {
        expect(await storeFigures(call)).toEqual(sqlFigures(again));
        checks++;
      };
      await check2();
      await call('purchases.create', { clientId: clients[1], date: '2026-07-01', quantity: 1, amount: 77 });
      await call('clients.archive', { id: clients[2] });
      writes += 2;
      await check2();
    } finally {
      again.sqlite.close();
    }
    expect(checks).toBeGreaterThan(25);
    recordDurability({ suite: 'clock an hour behind and a year ahead', trials: checks, faults: clocks.length, acked: writes, lost: 0 });
  });

  it('a change log pruned past the cache makes it reload in full, not miss changes', async () => {
    const db = emptyDatabase();
    const { call } = routerCalls(db);
    const c = (await call('clients.create', { name: 'A' })).id;
    const ids = [];
    for (let i = 0; i < 5; i++) ids.push((await call('purchases.create', { clientId: c, date: '2026-05-01', quantity: 1, amount: 10 })).id);
    expect(await storeFigures(call)).toEqual(sqlFigures(db));
    for (const id of ids) await call('purchases.update', { id, clientId: c, date: '2026-05-02', quantity: 1, amount: 20 });
    // Only the newest entry survives: the cache's cursor now points before the oldest kept entry.
    expect(pruneChangeLog(db, 1)).toBe(4);
    expect(await storeFigures(call)).toEqual(sqlFigures(db));
    expect((await storeFigures(call)).total).toBe(100);
  });
});
