import { describe, expect, it } from 'vitest';
import { addDays } from '../../../shared/kernel/dates';
import { emptyDatabase } from '../../helpers/db';
import { routerCalls } from '../../helpers/router';
import { buy, buyEvery, client, contact, count, note } from './fixtures';

const AS_OF = '2026-06-30';
const keysOf = (t: any, g: string) => t.groups[g].items.map((i: any) => i.key);

describe('reminders and Today', () => {
  it('birthdays 7 days ahead: today\'s, those known by day and month only, 29 February; none past the window', async () => {
    const db = emptyDatabase();
    const { call } = routerCalls(db);
    const c = client(db, 'People Ltd', { createdAt: AS_OF });
    const today = contact(db, c, 'Today', { birthday: '1980-06-30' });
    const noYear = contact(db, c, 'No year', { birthday: '--07-07' });
    contact(db, c, 'Too late', { birthday: '1990-07-08' });
    contact(db, c, 'Yesterday', { birthday: '1990-06-29' });
    const t = await call('retention.today', { asOf: AS_OF });
    expect(keysOf(t, 'birthdays')).toEqual([`birthday:${today}:2026-06-30`, `birthday:${noYear}:2026-07-07`]);
    expect(t.groups.birthdays.items[0]).toMatchObject({ contactName: 'Today', age: 46, clientName: 'People Ltd' });
    expect(t.groups.birthdays.items[1].age).toBeNull();
    const leap = contact(db, c, 'Leap', { birthday: '1988-02-29' });
    const feb = await call('retention.today', { asOf: '2027-02-25' });
    expect(keysOf(feb, 'birthdays')).toContain(`birthday:${leap}:2027-02-28`);
    // The window is the user's: 0 days ahead leaves only today's.
    const s = await call('retention.settings', {});
    await call('retention.saveSettings', { ...s, birthdayDaysAhead: 0 });
    expect(keysOf(await call('retention.today', { asOf: AS_OF }), 'birthdays')).toEqual([`birthday:${today}:2026-06-30`]);
  });

  it('repurchase anniversaries: a line bought again and again, or a seasonal one, reminded 14 days before; not once rebought', async () => {
    const db = emptyDatabase();
    const { call } = routerCalls(db);
    const flowers = client(db, 'Flowers', { createdAt: AS_OF });
    buy(db, flowers, addDays(addDays(AS_OF, 10), -365), 80, 'Roses bouquet'); // a year ago + 10 days: seasonal
    const repeat = client(db, 'Repeat', { createdAt: AS_OF });
    buy(db, repeat, '2024-07-05', 50, 'Printer toner');
    buy(db, repeat, '2025-07-05', 55, 'Printer toner');
    const once = client(db, 'Once', { createdAt: AS_OF });
    buy(db, once, '2025-07-06', 500, 'Workbench'); // bought once, not seasonal: no reminder
    const again = client(db, 'Again', { createdAt: AS_OF });
    buy(db, again, '2024-07-01', 30, 'Glue');
    buy(db, again, '2025-07-01', 30, 'Glue');
    buy(db, again, '2026-06-01', 30, 'Glue'); // already bought again this year
    const late = client(db, 'Late', { createdAt: AS_OF });
    buy(db, late, '2024-07-20', 30, 'Tape');
    buy(db, late, '2025-07-20', 30, 'Tape'); // 20 days ahead: outside 14
    const s = await call('retention.settings', {});
    expect(keysOf(await call('retention.today', { asOf: AS_OF }), 'anniversaries')).toEqual([`anniversary:${repeat}:2026-07-05:Printer toner`]);
    await call('retention.saveSettings', { ...s, seasonalWords: ['roses'] });
    const t = await call('retention.today', { asOf: AS_OF });
    expect(keysOf(t, 'anniversaries')).toEqual([`anniversary:${repeat}:2026-07-05:Printer toner`, `anniversary:${flowers}:2026-07-10:Roses bouquet`]);
    expect(t.groups.anniversaries.items[1]).toMatchObject({ product: 'Roses bouquet', purchaseDate: '2025-07-10', amount: 80, context: { lastPurchase: { product: 'Roses bouquet', amount: 80, date: '2025-07-10' } } });
  });

  it('visits by class cadence or the client\'s own; yellow past the ideal, red past the maximum; any interaction resets the clock; planned visits with a purpose', async () => {
    const db = emptyDatabase();
    const { call, fail } = routerCalls(db);
    // No revenue in twelve months: no class, so the yearly cadence of C (365 / 450).
    const old = client(db, 'Old friend', { createdAt: '2024-01-01' });
    note(db, old, addDays(AS_OF, -400), 'Lunch');
    const own = client(db, 'Own cadence', { createdAt: '2024-01-01' });
    note(db, own, addDays(AS_OF, -20), 'Call');
    await call('retention.setCadence', { clientId: own, ideal: 14, max: 30 });
    const fresh = client(db, 'Fresh', { createdAt: '2024-01-01' });
    note(db, fresh, addDays(AS_OF, -460), 'Visit');
    let t = await call('retention.today', { asOf: AS_OF });
    const byClient = Object.fromEntries(t.groups.visits.items.map((i: any) => [i.clientName, i.cadence]));
    expect(byClient).toEqual({
      'Fresh': { state: 'red', daysSince: 460, ideal: 365, max: 450 },
      'Old friend': { state: 'yellow', daysSince: 400, ideal: 365, max: 450 },
      'Own cadence': { state: 'yellow', daysSince: 20, ideal: 14, max: 30 },
    });
    // Done on a visit logs it: the clock starts again.
    const visitKey = t.groups.visits.items.find((i: any) => i.clientName === 'Fresh').key;
    await call('retention.act', { key: visitKey, action: 'done', asOf: AS_OF, note: 'Visited the new site' });
    expect(db.sqlite.prepare(`SELECT kind, date, summary FROM interactions WHERE client_id = ? ORDER BY id DESC LIMIT 1`).get(fresh)).toEqual({ kind: 'visit', date: AS_OF, summary: 'Visited the new site' });
    // Any interaction resets it, whatever its kind.
    note(db, old, AS_OF, 'E-mail about prices', 'email');
    t = await call('retention.today', { asOf: AS_OF });
    expect(t.groups.visits.items.map((i: any) => i.clientName)).toEqual(['Own cadence']);
    // A planned visit needs a purpose, shows on its day, and replaces the cadence reminder.
    expect((await fail('retention.planVisit', { clientId: own, date: AS_OF, purpose: ' ' })).issues!.map((i) => [i.path.join('.'), i.message])).toEqual([['purpose', 'Say what the visit is for']]);
    await call('retention.planVisit', { clientId: own, date: addDays(AS_OF, 2), purpose: 'Show the new catalogue' });
    expect((await call('retention.today', { asOf: AS_OF })).groups.visits.items).toEqual([]);
    const due = (await call('retention.today', { asOf: addDays(AS_OF, 2) })).groups.visits.items;
    expect(due).toMatchObject([{ kind: 'plannedVisit', purpose: 'Show the new catalogue', clientName: 'Own cadence' }]);
  });

  it('done, snooze and reschedule; a task is done or moved in the diary itself', async () => {
    const db = emptyDatabase();
    const { call, fail } = routerCalls(db);
    const c = client(db, 'Diary', { createdAt: AS_OF });
    buyEvery(db, c, addDays(AS_OF, -50), 10, 5, 70, 'Paint');
    contact(db, c, 'Eva', { birthday: '--07-01', family: 'twins', hobbies: 'chess' });
    note(db, c, addDays(AS_OF, -3), 'Asked about paint');
    const task = Number(db.sqlite.prepare(`INSERT INTO tasks (client_id, title, due_date) VALUES (?, 'Send the offer', ?)`).run(c, addDays(AS_OF, -2)).lastInsertRowid);
    let t = await call('retention.today', { asOf: AS_OF });
    expect(t.count).toBe(2);
    expect(await call('retention.todayCount', { asOf: AS_OF })).toBe(2);
    const birthday = t.groups.birthdays.items[0];
    expect(birthday.context).toEqual({
      lastPurchase: { date: addDays(AS_OF, -10), product: 'Paint', amount: 70 }, notes: [{ date: addDays(AS_OF, -3), kind: 'visit', summary: 'Asked about paint', outcome: null }],
      contactName: 'Eva', family: 'twins', hobbies: 'chess',
    });
    expect(t.groups.tasks.items[0]).toMatchObject({ key: `task:${task}`, overdue: true, title: 'Send the offer' });

    await call('retention.act', { key: birthday.key, action: 'snooze', asOf: AS_OF });
    expect(keysOf(await call('retention.today', { asOf: AS_OF }), 'birthdays')).toEqual([]);
    // The lists gathered before the snooze are kept across it, but any other write gathers them again.
    const ivo = (await call('contacts.create', { clientId: c, name: 'Ivo', level: 'staff', birthday: '--07-02' })).id;
    expect(keysOf(await call('retention.today', { asOf: AS_OF }), 'birthdays')).toEqual([`birthday:${ivo}:2026-07-02`]);
    await call('contacts.archive', { id: ivo });
    expect(keysOf(await call('retention.today', { asOf: AS_OF }), 'birthdays')).toEqual([]);
    expect(keysOf(await call('retention.today', { asOf: addDays(AS_OF, 1) }), 'birthdays')).toEqual([birthday.key]);
    await call('retention.act', { key: birthday.key, action: 'done', asOf: addDays(AS_OF, 1) });
    expect(keysOf(await call('retention.today', { asOf: addDays(AS_OF, 1) }), 'birthdays')).toEqual([]);

    const bad = await fail('retention.act', { key: `task:${task}`, action: 'reschedule', asOf: AS_OF });
    expect(bad.issues!.map((i) => i.path.join('.'))).toEqual(['date']);
    expect((await fail('retention.act', { key: `task:${task}`, action: 'snooze', date: AS_OF, asOf: AS_OF })).message).toMatch(/date after today/);
    await call('retention.act', { key: `task:${task}`, action: 'reschedule', date: addDays(AS_OF, 5), asOf: AS_OF });
    expect(db.sqlite.prepare(`SELECT due_date AS d, done_at AS done FROM tasks WHERE id = ?`).get(task)).toEqual({ d: addDays(AS_OF, 5), done: null });
    expect(keysOf(await call('retention.today', { asOf: AS_OF }), 'tasks')).toEqual([]);
    await call('retention.act', { key: `task:${task}`, action: 'done', asOf: addDays(AS_OF, 5) });
    expect(db.sqlite.prepare(`SELECT done_at AS done FROM tasks WHERE id = ?`).get(task)).toEqual({ done: addDays(AS_OF, 5) });
    expect((await fail('retention.act', { key: 'task:999', action: 'done' })).message).toBe('This reminder no longer exists (its client or task is gone)');
    expect((await fail('retention.act', { key: 'nonsense', action: 'done' })).code).toBe('invalid_input');
  });

  it('clients imported in bulk stay quiet until their page is opened once', async () => {
    const db = emptyDatabase();
    const { call } = routerCalls(db);
    const imported = client(db, 'Imported', { importId: 1, createdAt: AS_OF });
    contact(db, imported, 'Ivan', { birthday: '--07-02' });
    const typed = client(db, 'Typed in', { createdAt: AS_OF });
    contact(db, typed, 'Tina', { birthday: '--07-02' });
    expect((await call('retention.today', { asOf: AS_OF })).groups.birthdays.items.map((i: any) => i.contactName)).toEqual(['Tina']);
    expect((await call('retention.client', { clientId: imported, asOf: AS_OF })).quiet).toBe(true);
    expect(await call('retention.markSeen', { clientId: imported })).toEqual({ changed: true });
    expect(await call('retention.markSeen', { clientId: imported })).toEqual({ changed: false });
    expect((await call('retention.today', { asOf: AS_OF })).groups.birthdays.items.map((i: any) => i.contactName)).toEqual(['Ivan', 'Tina']);
    expect(count(db, 'retention_seen')).toBe(1);
  });
});
