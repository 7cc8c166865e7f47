import { describe, expect, it } from 'vitest';
import { callListRows } from '../../../shared/features/retention/call-list';
import { addDays } from '../../../shared/kernel/dates';
import { dayOfIso } from '../../../shared/features/retention/days';
import { fitBgnbd } from '../../../shared/features/retention/bgnbd';
import { emptyDatabase } from '../../helpers/db';
import { english, routerCalls } from '../../helpers/router';
import { buy, buyEvery, client, count, finished } from './fixtures';
import { simulate } from './simulate';
import { isDormant, slotFacts } from '../../../electron/features/retention/dormancy';
import { dormancyState } from '../../../electron/features/retention/views';

const AS_OF = '2026-06-30';

describe('dormancy from the purchase history', () => {
  it('rhythm, recency, overdue and the rule on hand-made histories; one occasion per day; credit notes and archived lines are not occasions', async () => {
    const db = emptyDatabase();
    const { call } = routerCalls(db);
    // Gaps 10, 20, 20: usual gap 20; last bought 50 days ago: dormant (50 > 2 × 20).
    const quiet = client(db, 'Quiet', { code: 'Q1' });
    for (const d of [-100, -90, -70, -50]) buy(db, quiet, addDays(AS_OF, d), 100);
    // Two lines the same day count once; a credit note alone, an archived line and a future line count not at all.
    const busy = client(db, 'Busy', { code: 'B1' });
    for (const d of [-40, -30, -20, -10]) buy(db, busy, addDays(AS_OF, d), 50);
    buy(db, busy, addDays(AS_OF, -10), 25, 'Screws');
    buy(db, busy, addDays(AS_OF, -5), -20, 'Return');
    buy(db, busy, addDays(AS_OF, -2), 500, 'Ladder', true);
    buy(db, busy, addDays(AS_OF, 3), 500, 'Ladder');
    const once = client(db, 'Once');
    buy(db, once, addDays(AS_OF, -400), 1000);
    client(db, 'Never');

    const list = callListRows(await call('retention.callList', { asOf: AS_OF }));
    expect(list.map((r: any) => r.name)).toEqual(['Quiet']);
    const q = list[0];
    expect(q).toMatchObject({ code: 'Q1', occasions: 4, firstPurchase: addDays(AS_OF, -100), lastPurchase: addDays(AS_OF, -50), rhythmDays: 20, daysSince: 50, overdueDays: 30, dormant: true, reasons: ['gap'], pAlive: null });
    // No model: the share at risk is 1 − gap ÷ days since (20 / 50), of 400 a year over a history shorter than a year.
    expect(q.annualRevenue).toBeCloseTo(400, 9);
    expect(q.valueAtRisk).toBeCloseTo(400 * (1 - 20 / 50), 9);

    const b = await call('retention.client', { clientId: busy, asOf: AS_OF });
    expect(b).toMatchObject({ occasions: 4, rhythmDays: 10, lastPurchase: addDays(AS_OF, -10), daysSince: 10, dormant: false });
    const o = await call('retention.client', { clientId: once, asOf: AS_OF });
    expect(o).toMatchObject({ occasions: 1, rhythmDays: null, daysSince: 400, dormant: false });

    const grid = await call('retention.gridValues', { asOf: AS_OF });
    expect(grid.ids).toHaveLength(3);
    expect(grid.dormant[grid.ids.indexOf(quiet)]).toBe(1);
    expect(grid.overdueDays[grid.ids.indexOf(busy)]).toBe(0);

    const ov = await call('retention.overview', { asOf: AS_OF });
    expect(ov).toMatchObject({ clients: 3, withRhythm: 2, dormant: 1, modelUsed: false, fit: { status: 'none', current: false } });

    // The store follows a new purchase: bought yesterday, no longer dormant.
    buy(db, quiet, addDays(AS_OF, -1), 80);
    expect(callListRows(await call('retention.callList', { asOf: AS_OF }))).toEqual([]);
  });

  it('the rule is the user\'s: a stricter factor, and a refused setting that changes nothing', async () => {
    const db = emptyDatabase();
    const { call, fail } = routerCalls(db);
    const c = client(db, 'Slow');
    buyEvery(db, c, addDays(AS_OF, -120), 30, 4); // last bought 30 days ago, gap 30
    expect((await call('retention.client', { clientId: c, asOf: AS_OF })).dormant).toBe(false);
    const s = await call('retention.settings', {});
    const bad = await fail('retention.saveSettings', { ...s, gapFactor: 0.5, cadence: { ...s.cadence, A: { ideal: 40, max: 30 } } });
    expect(bad.issues!.map((i) => `${i.path.join('.')}: ${i.message}`)).toEqual([
      'gapFactor: Enter a factor from 1 to 20',
      'cadence.A.max: The maximum must be at least the ideal period',
    ]);
    expect(await call('retention.settings', {})).toEqual(s);
    await call('retention.saveSettings', { ...s, gapFactor: 1, horizonDays: 30 });
    // The store did not change, the rule did: 30 days since is not more than 1 × 30, 31 is.
    expect((await call('retention.client', { clientId: c, asOf: AS_OF })).dormant).toBe(false);
    expect((await call('retention.client', { clientId: c, asOf: addDays(AS_OF, 1) })).dormant).toBe(true);
  });

  it('fits BG/NBD in a job, records it for this data and date, and uses P(alive) from then on', async () => {
    const db = emptyDatabase();
    const events: string[] = [];
    const { call } = routerCalls(db, { platform: { emit: (name, payload) => events.push(`${name}:${JSON.stringify((payload as { tags?: unknown }).tags ?? '')}`) } });
    // 400 clients drawn from the model itself, in days.
    const h = simulate({ r: 0.8, alpha: 3, a: 0.6, b: 3 }, 400, 11, 100);
    const asOfDay = dayOfIso(AS_OF);
    const iso = (day: number) => new Date(day * 86_400_000).toISOString().slice(0, 10);
    const ids: number[] = [];
    db.sqlite.transaction(() => {
      h.x.forEach((x, i) => {
        const id = client(db, `Sim ${i}`, { code: `S${i}` });
        ids.push(id);
        const first = asOfDay - Math.round(h.T[i] * 7);
        const last = first + Math.round(h.tx[i] * 7);
        const days = new Set([first, last]);
        // Repeats between the first and the last (their order does not change the likelihood).
        for (let k = 1; k < x; k++) days.add(first + Math.round(((last - first) * k) / x));
        for (const d of days) buy(db, id, iso(d), 20);
      });
    })();
    const first = await call('retention.fit', { asOf: AS_OF });
    expect(first.fit).toMatchObject({ status: 'none', current: false });
    expect(first.jobId).toEqual(expect.any(String));
    // The same request again joins the running job, or (work in this thread is done at once) finds the fit recorded.
    expect([first.jobId, null]).toContain((await call('retention.fit', { asOf: AS_OF })).jobId);
    const done = await finished(call, first.jobId);
    expect(done.state).toBe('done');
    expect(events).toContain('data.changed:["retentionFit"]');
    expect(count(db, 'retention_fits')).toBe(1);

    const again = await call('retention.fit', { asOf: AS_OF });
    expect(again.jobId).toBeNull();
    expect(again.fit).toMatchObject({ status: 'ok', current: true });
    // The same fit as the pure function on the histories as stored (whole days).
    const rows = db.sqlite.prepare(`SELECT client_id AS c, date FROM purchases ORDER BY client_id, date`).all() as { c: number; date: string }[];
    const by = new Map<number, number[]>();
    for (const r of rows) by.set(r.c, [...(by.get(r.c) ?? []), dayOfIso(r.date)]);
    const stored = [...by.values()].map((d) => ({ x: d.length - 1, tx: (d[d.length - 1] - d[0]) / 7, T: (asOfDay - d[0]) / 7 }));
    const direct = fitBgnbd({ x: stored.map((s) => s.x), tx: stored.map((s) => s.tx), T: stored.map((s) => s.T) });
    expect(again.fit.params.r).toBeCloseTo(direct.params!.r, 5);
    expect(again.fit.logLik).toBeCloseTo(direct.logLik!, 4);

    const ov = await call('retention.overview', { asOf: AS_OF });
    expect(ov.modelUsed).toBe(true);
    // The fast rule of the grid and the call list says what the full row says, client by client.
    const st = dormancyState(db, AS_OF);
    const grid = await call('retention.gridValues', { asOf: AS_OF });
    let flagged = 0;
    for (let c = 0; c < st.s.clientCount; c++) {
      const full = slotFacts(st.base, st.model, c, st.settings);
      expect(isDormant(st.base, st.model, c, st.settings)).toBe(full.dormant);
      expect(grid.dormant[grid.ids.indexOf(st.s.cId[c])]).toBe(full.dormant ? 1 : 0);
      expect(grid.pAlive[grid.ids.indexOf(st.s.cId[c])]).toBe(full.pAlive);
      flagged += full.dormant ? 1 : 0;
    }
    expect(flagged).toBe(ov.dormant);
    expect(flagged).toBeGreaterThan(10);
    const withModel = await call('retention.client', { clientId: ids.find((_, i) => h.x[i] >= 2)!, asOf: AS_OF });
    expect(withModel.pAlive).toBeGreaterThan(0);
    expect(withModel.pAlive).toBeLessThanOrEqual(1);
    expect(withModel.expected).toBeGreaterThanOrEqual(0);

    // New data: the recorded fit is no longer current, and is still used until the next one is done.
    buy(db, ids[0], AS_OF, 5);
    const stale = await call('retention.fit', { asOf: AS_OF });
    expect(stale.fit).toMatchObject({ status: 'ok', current: false });
    expect(stale.fit.dataMark).not.toBe(again.fit.dataMark);
    await finished(call, stale.jobId);
  });

  it('too small a base: the fit says so and the rule keeps to the rhythm', async () => {
    const db = emptyDatabase();
    const { call } = routerCalls(db);
    const c = client(db, 'Alone');
    buyEvery(db, c, addDays(AS_OF, -300), 20, 10);
    const { jobId } = await call('retention.fit', { asOf: AS_OF });
    await finished(call, jobId);
    const ov = await call('retention.overview', { asOf: AS_OF });
    expect(ov.fit).toMatchObject({ status: 'too_small', current: true, params: null, clients: 1, repeatOccasions: 9 });
    expect(ov.modelUsed).toBe(false);
    expect((await call('retention.client', { clientId: c, asOf: AS_OF })).dormant).toBe(true);
  });

  it('refuses bad inputs with the field named, and an unknown client', async () => {
    const db = emptyDatabase();
    const { fail } = routerCalls(db);
    expect((await fail('retention.client', { clientId: 99, asOf: AS_OF })).message).toBe('Client #99 does not exist');
    const bad = await fail('retention.callList', { asOf: '2026-02-30' });
    expect(bad.issues!.map((i) => [i.path.join('.'), i.message])).toEqual([['asOf', 'Enter a real date as YYYY-MM-DD']]);
    expect(english((await fail('retention.markSeen', { clientId: 5 })) as never).message).toBe('Client #5 does not exist');
  });
});
