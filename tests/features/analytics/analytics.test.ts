import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { abcClasses, paretoCount, portfolio, rank, riskBand } from '../../../shared/features/analytics/concentration';
import { discountEffect } from '../../../shared/features/analytics/discounts';
import { DEFAULT_ANALYTICS_SETTINGS } from '../../../shared/features/analytics/settings';
import { lastTwelveMonths, previousPeriod } from '../../../shared/features/analytics/period';
import { emptyDatabase } from '../../helpers/db';
import { routerCalls } from '../../helpers/router';

const PERIOD = { from: '2025-07-01', to: '2026-06-30' };

function setup() {
  const db = emptyDatabase();
  return { db, ...routerCalls(db) };
}

/**
 * Five clients over two departments, hand-computed: net revenue in the period
 * A 500 (600 less a 100 credit note), B 250, C 150, D 60, E 40 — total 1,000.
 */
async function fixture() {
  const t = setup();
  const { call } = t;
  const d1 = (await call('departments.create', { name: 'North' })).id;
  const d2 = (await call('departments.create', { name: 'South' })).id;
  const m1 = (await call('managers.create', { name: 'Anna', departmentId: d1 })).id;
  const m2 = (await call('managers.create', { name: 'Béla', departmentId: d2 })).id;
  const client = async (name: string, managerId: number) => (await call('clients.create', { name, managerId })).id;
  const ids = { A: await client('A', m1), B: await client('B', m1), C: await client('C', m2), D: await client('D', m2), E: await client('E', m2) };
  const buy = (clientId: number, date: string, amount: number, product = 'Widget', quantity = 1) => call('purchases.create', { clientId, date, amount, product, quantity });
  await buy(ids.A, '2025-07-01', 600, 'Widget', 150); // first day of the period counts
  await buy(ids.A, '2026-01-10', -100, 'Widget', -0.0001); // credit note nets out
  await buy(ids.B, '2026-06-30', 250, 'Gadget', 5); // last day counts
  await buy(ids.C, '2026-02-01', 150, 'Widget', 50);
  await buy(ids.D, '2026-03-01', 60, 'Widget', 30);
  await buy(ids.E, '2026-04-01', 40, 'Gadget', 2);
  await buy(ids.E, '2025-06-30', 9999); // the day before the period: previous period only
  return { ...t, ids, d1, d2, m1, m2, buy };
}

const report = (call: any, scope: unknown = { kind: 'company' }) => call('analytics.report', { ...PERIOD, scope });

describe('analytics figures on a hand-computed base', () => {
  it('Pareto point, ABC classes, shares, bands and HHI for the company', async () => {
    const { call, ids } = await fixture();
    const r = await report(call);
    expect(r.revenue).toBe(1000);
    expect(r.rows.map((x: any) => [x.name, x.share, x.abc, x.band])).toEqual([
      ['A', 0.5, 'A', 'critical'],
      ['B', 0.25, 'A', 'widen'],
      ['C', 0.15, 'A', 'key'],
      ['D', 0.06, 'B', 'normal'],
      ['E', 0.04, 'C', 'normal'],
    ]);
    expect(r.rows.map((x: any) => x.cumulativeShare)).toEqual([0.5, 0.75, 0.9, expect.closeTo(0.96, 12), 1]);
    expect(r.pareto.clientsFor80).toBe(3);
    expect(r.pareto.shareOfClientsFor80).toBe(0.6);
    expect(r.abc.counts).toEqual({ A: 3, B: 1, C: 1 });
    expect(r.portfolio.hhi).toBeCloseTo(0.25 + 0.0625 + 0.0225 + 0.0036 + 0.0016, 12);
    expect(r.portfolio.effectiveClients).toBeCloseTo(1 / 0.3402, 9);
    expect([r.portfolio.top1Share, r.portfolio.top3Share, r.portfolio.top5Share]).toEqual([0.5, 0.9, 1]);
    expect(r.bandCounts).toEqual({ normal: 2, key: 1, widen: 1, danger: 0, critical: 1 });
    // E bought only before the period: previous period is E alone, and E's class moved C ← A.
    expect(r.previousRevenue).toBe(9999);
    expect(r.abc.moves).toContainEqual({ id: ids.E, name: 'E', from: 'A', to: 'C' });
    expect(r.abc.moves).toContainEqual({ id: ids.A, name: 'A', from: null, to: 'A' });
    expect(r.trend.map((m: any) => m.month)).toEqual(['2025-07', '2025-08', '2025-09', '2025-10', '2025-11', '2025-12', '2026-01', '2026-02', '2026-03', '2026-04', '2026-05', '2026-06']);
    expect(r.trend[0]).toMatchObject({ clients: 1, top1Share: 1, hhi: 1 });
  });

  it('each scope level is computed against its own total', async () => {
    const { call, d2, m1 } = await fixture();
    const south = await report(call, { kind: 'department', id: d2 });
    expect(south.scope.name).toBe('South');
    expect(south.revenue).toBe(250);
    expect(south.rows.map((x: any) => [x.name, x.share, x.band])).toEqual([['C', 0.6, 'critical'], ['D', 0.24, 'widen'], ['E', 0.16, 'key']]);
    const anna = await report(call, { kind: 'manager', id: m1 });
    expect(anna.rows.map((x: any) => [x.name, x.share])).toEqual([['A', 2 / 3], ['B', 1 / 3]]);
  });

  it('key accounts say why; KAM workload counts them per manager', async () => {
    const { call, ids } = await fixture();
    const { createdAt: _c, updatedAt: _u, archivedAt: _a, ...d } = await call('clients.get', { id: ids.D });
    await call('clients.update', { ...d, reputation: true });
    const a = await call('analytics.accounts', { ...PERIOD, scope: { kind: 'company' } });
    const why = Object.fromEntries(a.keyAccounts.map((k: any) => [k.name, k.reasons.map((r: any) => `${r.kind}${r.share === undefined ? '' : ` ${r.share.toFixed(2)}`}`)]));
    expect(why).toEqual({
      A: ['company 0.50', 'department 0.67', 'manager 0.67'],
      B: ['company 0.25', 'department 0.33', 'manager 0.33'],
      C: ['company 0.15', 'department 0.60', 'manager 0.60'],
      D: ['department 0.24', 'manager 0.24', 'reputation'],
      E: ['department 0.16', 'manager 0.16'],
    });
    expect(a.kam.map((k: any) => [k.manager, k.keyAccounts, k.overLimit])).toEqual([['Béla', 3, false], ['Anna', 2, false]]);
    expect(a.breadth.find((b: any) => b.name === 'A')).toMatchObject({ contacts: 0, singleThreaded: true, missingLevels: ['owner', 'executive', 'finance', 'purchasing', 'staff'] });
  });

  it('what if the biggest client leaves: revenue, shares, HHI and the supplier discounts it carried', async () => {
    const { call, ids } = await fixture();
    await call('discounts.create', { supplier: 'Acme', productGroup: 'widg', thresholdQuantity: 100, discountPct: 5, listUnitCost: 10 });
    await call('discounts.create', { supplier: 'Acme', productGroup: 'widg', thresholdQuantity: 200, discountPct: 8, listUnitCost: 10 });
    const w = await call('analytics.whatIf', { ...PERIOD, clientIds: [ids.A] });
    expect(w.revenueLost).toBe(500);
    expect(w.after.hhi).toBeCloseTo(0.25 + 0.09 + 0.0144 + 0.0064, 12);
    expect(w.after.top1Share).toBe(0.5);
    expect(w.bandChanges.map((b: any) => [b.name, b.bandBefore, b.bandAfter])).toEqual([['B', 'widen', 'critical'], ['C', 'key', 'widen'], ['D', 'normal', 'key']]);
    // Widgets: 150 (A) + 50 + 30 - 0.0001 (credit) = 229.9999 units earn 8%; without A 80 units earn nothing.
    expect(w.discounts).toHaveLength(1);
    expect(w.discounts[0]).toMatchObject({ supplier: 'Acme', discountBeforePct: 8, discountAfterPct: 0, thresholdsLost: [100, 200] });
    expect(w.discounts[0].volumeAfter).toBe(80);
    expect(w.extraCost).toBeCloseTo(80 * 10 * 0.08, 9);
    expect(w.priceRiseNeeded).toBeCloseTo(64 / 500, 12);
  });

  it('refuses a client outside the scope and an unknown department by name of the field', async () => {
    const { fail, ids, d1 } = await fixture();
    expect((await fail('analytics.whatIf', { ...PERIOD, scope: { kind: 'department', id: d1 }, clientIds: [ids.E] })).issues![0]).toMatchObject({ path: ['clientIds', 0] });
    expect((await fail('analytics.report', { ...PERIOD, scope: { kind: 'department', id: 999 } })).code).toBe('not_found');
    expect((await fail('analytics.report', { from: '2026-07-01', to: '2026-01-01' })).issues![0].path).toEqual(['to']);
  });

  it('the growth variant promotes a C client that grew 10% a year two years running', async () => {
    const { call, ids, buy } = await fixture();
    // E: 30 two years back, 9,999 a year back, 40 now — it grew, then fell: it stays C.
    await buy(ids.E, '2024-03-01', 30);
    // D: 41.32 two years back, 45.45 a year back, 60 now — +10% then +32%.
    await buy(ids.D, '2024-03-01', 50 / 1.1 / 1.1);
    await buy(ids.D, '2025-03-01', 50 / 1.1);
    const settings = await call('analytics.settings');
    await call('analytics.saveSettings', { ...settings, growthVariant: true });
    const r = await report(call);
    expect(r.rows.find((x: any) => x.name === 'E').abc).toBe('C');
    // With B ending at 90%, D (cumulative 96%) would be C; its growth makes it B.
    await call('analytics.saveSettings', { ...settings, growthVariant: true, classB: 0.9 });
    const r2 = await report(call);
    expect(r2.rows.find((x: any) => x.name === 'D')).toMatchObject({ abc: 'B', grew: true });
  });

  it('settings are validated with messages that say what to fix', async () => {
    const { fail } = setup();
    const bad = await fail('analytics.saveSettings', { ...DEFAULT_ANALYTICS_SETTINGS, classA: 0.96 });
    expect(bad.issues![0]).toMatchObject({ path: ['classB'], message: 'Class A limit must be below the class B limit' });
  });
});

describe('the in-memory store stays exactly in step with the database', () => {
  it('after creates, edits, archives, restores, client moves and hard deletes', async () => {
    const { call, db, ids, d1, buy } = await fixture();
    const sqlRevenue = () =>
      Object.fromEntries(
        (db.sqlite.prepare(`SELECT c.name, SUM(p.amount) AS r FROM purchases p JOIN clients c ON c.id = p.client_id
            WHERE p.archived_at IS NULL AND c.archived_at IS NULL AND p.date BETWEEN ? AND ? GROUP BY c.id`).all(PERIOD.from, PERIOD.to) as any[]).map((x) => [x.name, x.r]),
      );
    const cached = async () => Object.fromEntries((await report(call)).rows.map((x: any) => [x.name, x.revenue]));
    expect(await cached()).toEqual(sqlRevenue());
    const p = await buy(ids.B, '2026-05-05', 70);
    expect((await cached()).B).toBe(320);
    await call('purchases.update', { id: p.id, clientId: ids.C, date: '2026-05-05', amount: 75, quantity: 1 });
    expect(await cached()).toEqual(sqlRevenue());
    await call('purchases.archive', { id: p.id });
    expect((await cached()).C).toBe(150);
    await call('purchases.restore', { id: p.id });
    await call('clients.archive', { id: ids.A });
    expect(await cached()).toEqual(sqlRevenue());
    expect((await cached()).A).toBeUndefined();
    const { createdAt: _c, updatedAt: _u, archivedAt: _a, ...c } = await call('clients.get', { id: ids.C });
    await call('clients.update', { ...c, departmentId: d1 });
    expect((await report(call, { kind: 'department', id: d1 })).rows.map((x: any) => x.name)).toEqual(['B', 'C']);
    db.sqlite.prepare('DELETE FROM purchases WHERE client_id = ?').run(ids.C);
    expect(await cached()).toEqual(sqlRevenue());
    expect((await cached()).C).toBeUndefined();
  });

  it('property: any sequence of writes leaves cached revenue equal to SQL', async () => {
    const { call, db, ids } = await fixture();
    const clientIds = Object.values(ids);
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.record({ op: fc.constantFrom('add', 'edit', 'archive', 'restore'), client: fc.constantFrom(...clientIds), amount: fc.integer({ min: -500, max: 5000 }), day: fc.integer({ min: 1, max: 28 }) }), { minLength: 1, maxLength: 12 }),
        async (ops) => {
          for (const o of ops) {
            const last = db.sqlite.prepare('SELECT id FROM purchases ORDER BY id DESC LIMIT 1').get() as { id: number };
            const date = `2026-0${1 + (o.day % 6)}-${String(o.day).padStart(2, '0')}`;
            if (o.op === 'add') await call('purchases.create', { clientId: o.client, date, amount: o.amount, quantity: 1 });
            if (o.op === 'edit') await call('purchases.update', { id: last.id, clientId: o.client, date, amount: o.amount, quantity: 1 });
            if (o.op === 'archive') await call('purchases.archive', { id: last.id });
            if (o.op === 'restore') await call('purchases.restore', { id: last.id });
          }
          const rows = (await report(call)).rows;
          const sql = db.sqlite.prepare(`SELECT client_id AS id, SUM(amount) AS r FROM purchases WHERE archived_at IS NULL AND date BETWEEN ? AND ? GROUP BY client_id`).all(PERIOD.from, PERIOD.to) as { id: number; r: number }[];
          expect(Object.fromEntries(rows.map((x: any) => [x.id, x.revenue]))).toEqual(Object.fromEntries(sql.map((x) => [x.id, x.r])));
        },
      ),
      { numRuns: 15 },
    );
  });
});

describe('concentration properties', () => {
  const revenues = fc.array(fc.double({ min: 0.01, max: 1e7, noNaN: true }), { minLength: 1, maxLength: 300 });
  const ranked = (xs: number[]) => rank(Int32Array.from(xs, (_, i) => i), Float64Array.from(xs), Int32Array.from(xs, (_, i) => i + 1));

  it('shares sum to 1, the order is descending, HHI lies between 1/n and 1', () => {
    fc.assert(
      fc.property(revenues, (xs) => {
        const r = ranked(xs);
        for (let i = 1; i < r.revenue.length; i++) expect(r.revenue[i]).toBeLessThanOrEqual(r.revenue[i - 1]);
        expect(Array.from(r.revenue, (v) => v / r.total).reduce((a, b) => a + b, 0)).toBeCloseTo(1, 9);
        const p = portfolio(r.revenue, r.total);
        expect(p.hhi).toBeGreaterThanOrEqual(1 / xs.length - 1e-12);
        expect(p.hhi).toBeLessThanOrEqual(1 + 1e-12);
        expect(p.top1Share).toBeLessThanOrEqual(p.top3Share);
        expect(p.top3Share).toBeLessThanOrEqual(p.top5Share + 1e-12);
      }),
    );
  });

  it('ranking matches a plain comparator sort, ties by id', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: -50, max: 50 }), { minLength: 1, maxLength: 500 }), (xs) => {
        const expected = xs.map((v, i) => ({ v, i })).sort((a, b) => b.v - a.v || a.i - b.i).map((x) => x.i);
        expect(Array.from(ranked(xs).order)).toEqual(expected);
      }),
    );
  });

  it('the A count is the Pareto point and classes never go back up the ranking', () => {
    fc.assert(
      fc.property(revenues, (xs) => {
        const r = ranked(xs);
        const classes = abcClasses(r.revenue, r.total, DEFAULT_ANALYTICS_SETTINGS);
        expect(classes.filter((c) => c === 'A').length).toBe(paretoCount(r.revenue, r.total, 0.8));
        expect([...classes].sort().join('')).toBe(classes.join(''));
      }),
    );
  });

  it('boundaries: a share equal to a threshold belongs to the band that starts there; the client reaching 80% is A', () => {
    const bands = DEFAULT_ANALYTICS_SETTINGS.bands;
    expect([0.0999, 0.1, 0.2, 0.4, 0.5].map((s) => riskBand(s, bands))).toEqual(['normal', 'key', 'widen', 'danger', 'critical']);
    const sorted = Float64Array.from([50, 30, 20]);
    expect(paretoCount(sorted, 100, 0.8)).toBe(2);
    expect(abcClasses(sorted, 100, DEFAULT_ANALYTICS_SETTINGS)).toEqual(['A', 'A', 'B']);
    expect(paretoCount(Float64Array.from([-5, -5]), -10, 0.8)).toBeNull();
  });

  it('discount tiers: thresholds are inclusive and the highest list cost is used', () => {
    const tiers = [
      { id: 1, supplier: 'S', productGroup: '', thresholdQuantity: 100, discountPct: 3, listUnitCost: 2 },
      { id: 2, supplier: 'S', productGroup: '', thresholdQuantity: 500, discountPct: 6, listUnitCost: 2.5 },
    ];
    expect(discountEffect(tiers, 500, 100)).toMatchObject({ discountBeforePct: 6, discountAfterPct: 3, thresholdsLost: [500], extraCost: 100 * 2.5 * 0.03 });
    expect(discountEffect(tiers, 499, 99).thresholdsLost).toEqual([100]);
  });

  it('periods: the default is the twelve months to the day, the previous one the same length before it', () => {
    expect(lastTwelveMonths('2026-06-30')).toEqual(PERIOD);
    expect(previousPeriod(PERIOD)).toEqual({ from: '2024-07-01', to: '2025-06-30' });
  });
});
