import { describe, expect, it } from 'vitest';
import type { ClientOption, ClientStanding, ClientStory } from '../../../shared/features/accounts/types';
import { emptyDatabase } from '../../helpers/db';
import { routerCalls } from '../../helpers/router';

const AS_OF = '2026-06-30';

async function base() {
  const db = emptyDatabase();
  const r = routerCalls(db);
  const big = (await r.call<{ id: number }>('clients.create', { name: 'Orion Supply Kft.', reputation: true })).id;
  const small = (await r.call<{ id: number }>('clients.create', { name: 'Kristály Üveg Bt.' })).id;
  const quiet = (await r.call<{ id: number }>('clients.create', { name: 'Quiet Ltd' })).id;
  const line = (clientId: number, date: string, product: string | null, amount: number) => r.call('purchases.create', { clientId, date, product, quantity: 1, amount });
  await line(big, '2025-11-03', 'Drill', 700);
  await line(big, '2025-11-03', 'Saw', 100);
  await line(big, '2026-01-15', 'Drill', 300);
  await line(big, '2026-03-02', 'Drill', -50);
  await line(big, '2026-06-29', null, 150);
  await line(small, '2026-05-01', 'Glue', 100);
  const archived = (await r.call<{ id: number }>('purchases.create', { clientId: big, date: '2026-02-01', quantity: 1, amount: 99999 })).id;
  await r.call('purchases.archive', { id: archived });
  const anna = (await r.call<{ id: number }>('contacts.create', { clientId: big, name: 'Anna', level: 'owner' })).id;
  await r.call('interactions.create', { clientId: big, contactId: anna, kind: 'visit', date: '2026-06-01', summary: 'Showed the catalogue' });
  await r.call('interactions.create', { clientId: big, kind: 'call', date: '2026-04-01', summary: 'Older call' });
  await r.call('tasks.create', { clientId: big, title: 'Send offer', dueDate: '2026-06-15' });
  await r.call('tasks.create', { clientId: big, title: 'Visit', dueDate: '2026-07-20' });
  return { db, ...r, big, small, quiet };
}

describe('the client page story', () => {
  it('tells lifetime revenue, lines and purchase days, months with gaps, the product mix, class, band, last contact and next task', async () => {
    const { call, big } = await base();
    const s = await call<ClientStory>('clients.story', { id: big, asOf: AS_OF });
    expect(s.lifetimeRevenue).toBe(1200);
    expect(s.lines).toBe(5);
    expect(s.purchaseDays).toBe(4);
    expect([s.firstPurchase, s.lastPurchase, s.daysSinceLastPurchase]).toEqual(['2025-11-03', '2026-06-29', 1]);
    expect(s.months.map((m) => m.month)).toEqual(['2025-11', '2025-12', '2026-01', '2026-02', '2026-03', '2026-04', '2026-05', '2026-06']);
    expect(s.months.map((m) => m.revenue)).toEqual([800, 0, 300, 0, -50, 0, 0, 150]);
    expect(s.years).toEqual([{ year: '2025', revenue: 800 }, { year: '2026', revenue: 400 }]);
    expect(s.products).toEqual([
      { product: 'Drill', revenue: 950, share: 950 / 1200, lines: 3 },
      { product: null, revenue: 150, share: 150 / 1200, lines: 1 },
      { product: 'Saw', revenue: 100, share: 100 / 1200, lines: 1 },
    ]);
    expect(s.standing.abc).toBe('A');
    expect(s.standing.band).toBe('critical');
    expect(s.standing.share).toBeCloseTo(1200 / 1300, 6);
    expect(s.standing.keyReasons.map((r) => r.kind)).toEqual(['company', 'reputation']);
    expect(s.lastContact).toEqual({ date: '2026-06-01', kind: 'visit', summary: 'Showed the catalogue', contact: 'Anna' });
    expect(s.nextTask).toMatchObject({ title: 'Send offer', dueDate: '2026-06-15', overdue: true });
    expect(s.openTasks).toBe(2);
  });

  it('a client with no purchases says so instead of "— days"', async () => {
    const { call, quiet } = await base();
    const s = await call<ClientStory>('clients.story', { id: quiet, asOf: AS_OF });
    expect(s).toMatchObject({ lifetimeRevenue: 0, lines: 0, purchaseDays: 0, lastPurchase: null, daysSinceLastPurchase: null, months: [], products: [], lastContact: null, nextTask: null });
    expect(s.standing).toEqual({ abc: null, band: null, share: 0, keyReasons: [] });
  });

  it('refuses an unknown client with its number', async () => {
    const { fail } = await base();
    expect((await fail('clients.story', { id: 404 })).message).toBe('Client #404 does not exist');
    expect((await fail('clients.story', { id: 'x' })).code).toBe('invalid_input');
  });

  it('gives the grid each client\'s class, band, reasons and next task; a ticked task moves the next one up', async () => {
    const { call, big, small, db } = await base();
    let list = await call<ClientStanding[]>('clients.standing', { asOf: AS_OF });
    const of = (id: number) => list.find((x) => x.id === id);
    expect(of(big)).toMatchObject({ abc: 'A', band: 'critical', nextTask: { title: 'Send offer' } });
    expect(of(small)).toMatchObject({ abc: 'B', band: 'normal', keyReasons: [], nextTask: null });
    const first = of(big)!.nextTask!.id;
    await call('tasks.setDone', { id: first, done: true });
    expect((db.sqlite.prepare(`SELECT done_at AS d FROM tasks WHERE id = ?`).get(first) as { d: string }).d).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    list = await call<ClientStanding[]>('clients.standing', { asOf: AS_OF });
    expect(of(big)!.nextTask).toMatchObject({ title: 'Visit' });
    await call('tasks.setDone', { id: first, done: false });
    list = await call<ClientStanding[]>('clients.standing', { asOf: AS_OF });
    expect(of(big)!.nextTask).toMatchObject({ title: 'Send offer' });
  });

  it('follows a change of the thresholds and of the purchases at once', async () => {
    const { call, big, small } = await base();
    const before = await call<ClientStory>('clients.story', { id: small, asOf: AS_OF });
    expect(before.standing.band).toBe('normal');
    await call('purchases.create', { clientId: small, date: '2026-06-01', quantity: 1, amount: 1500 });
    const after = await call<ClientStory>('clients.story', { id: small, asOf: AS_OF });
    expect(after.standing).toMatchObject({ abc: 'A', band: 'critical' });
    const settings = await call('analytics.settings', {});
    await call('analytics.saveSettings', { ...settings, keyShare: 0.9 });
    const bigAfter = await call<ClientStory>('clients.story', { id: big, asOf: AS_OF });
    expect(bigAfter.standing.keyReasons.map((r) => r.kind)).toEqual(['reputation']);
  });

  it('refuses a task tick for a task that does not exist, and a tick that is not yes or no', async () => {
    const { fail } = await base();
    expect((await fail('tasks.setDone', { id: 999, done: true })).message).toBe('Task #999 does not exist');
    const e = await fail('tasks.setDone', { id: 1, done: 'yes' });
    expect(e.issues?.[0]).toMatchObject({ path: ['done'], message: 'Say whether the task is done' });
  });
});

describe('the client picker\'s matches', () => {
  it('matches without case or accents, starts first, at most the limit, the excluded and archived left out', async () => {
    const { call, db } = await base();
    const insert = db.sqlite.prepare(`INSERT INTO clients (code, name, city) VALUES (?, ?, ?)`);
    db.sqlite.transaction(() => {
      for (let i = 0; i < 300; i++) insert.run(`K${i}`, `Kristály Partner ${i}`, 'Győr');
    })();
    const names = async (input: object) => (await call<ClientOption[]>('clients.options', input)).map((o) => o.name);
    expect((await names({ search: 'kristaly' })).length).toBe(50);
    expect((await names({ search: 'KRISTALY UVEG' }))).toEqual(['Kristály Üveg Bt.']);
    expect(await names({ search: 'uveg' })).toEqual(['Kristály Üveg Bt.']);
    // A word start ranks before a match inside a word.
    expect((await names({ search: 'supply' }))).toEqual(['Orion Supply Kft.']);
    expect((await names({ search: 'ion' }))).toEqual(['Orion Supply Kft.']);
    // An exact code comes first, then codes that start with it.
    expect(await names({ search: 'K29', limit: 5 })).toEqual(['Kristály Partner 29', 'Kristály Partner 290', 'Kristály Partner 291', 'Kristály Partner 292', 'Kristály Partner 293']);
    const orion = (await call<ClientOption[]>('clients.options', { search: 'orion' }))[0];
    expect(orion).toEqual({ id: orion.id, name: 'Orion Supply Kft.', code: null, city: null, archived: false });
    expect(await names({ search: 'orion', exclude: orion.id })).toEqual([]);
    await call('clients.archive', { id: orion.id });
    expect(await names({ search: 'orion' })).toEqual([]);
    expect(await names({ search: 'orion', includeArchived: true })).toEqual(['Orion Supply Kft.']);
    // A form's current value is named by id, archived or not.
    expect(await names({ ids: [orion.id] })).toEqual(['Orion Supply Kft.']);
    // A rename shows at once.
    await call('clients.restore', { id: orion.id });
    await call('clients.update', { id: orion.id, name: 'Orion Trading' });
    expect(await names({ search: 'orion t' })).toEqual(['Orion Trading']);
    // Changes made behind the services (an import's own SQL) and hard deletes show too.
    db.sqlite.prepare(`UPDATE clients SET name = 'Kristály Renamed' WHERE code = 'K7'`).run();
    expect(await names({ search: 'renamed' })).toEqual(['Kristály Renamed']);
    db.sqlite.prepare(`DELETE FROM clients WHERE code = 'K7'`).run();
    expect(await names({ search: 'renamed' })).toEqual([]);
  });

  it('answers on a 50,000-client base well within the picker\'s typing pause once warm', async () => {
    const { call, db } = await base();
    const insert = db.sqlite.prepare(`INSERT INTO clients (code, name) VALUES (?, ?)`);
    db.sqlite.transaction(() => {
      for (let i = 0; i < 50_000; i++) insert.run(`B${i}`, `Bulk Client ${i} Kft.`);
    })();
    await call('clients.options', { search: 'x' });
    const started = performance.now();
    for (const q of ['b', 'bu', 'bul', 'bulk c', 'bulk client 4999', 'kft', 'zzz']) await call('clients.options', { search: q });
    // Rebuilding the folded names per keystroke took several hundred ms here; the index answers in tens.
    expect((performance.now() - started) / 7).toBeLessThan(250);
    expect((await call<ClientOption[]>('clients.options', { search: 'bulk client 49999' })).map((o) => o.name)).toEqual(['Bulk Client 49999 Kft.']);
  });

  it('refuses a search it cannot use, naming the field', async () => {
    const { fail } = await base();
    expect((await fail('clients.options', { search: 'x'.repeat(201) })).issues?.[0].path).toEqual(['search']);
    expect((await fail('clients.options', { limit: 0 })).issues?.[0].path).toEqual(['limit']);
  });
});
