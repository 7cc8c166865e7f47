import { describe, expect, it } from 'vitest';
import { listClientRows } from '../../../electron/features/accounts/clients';
import { AS_OF, emptyDatabase } from '../../helpers/db';
import { routerCalls } from '../../helpers/router';

function setup() {
  const db = emptyDatabase();
  return { db, ...routerCalls(db) };
}

describe('clients', () => {
  it('creates, edits, archives and restores a client with a typed portrait', async () => {
    const { call } = setup();
    const types = await call('clientTypes.list', {});
    const retailer = types.find((t: any) => t.key === 'retailer');
    const { id } = await call('clients.create', {
      name: '  Duna Tools Kft. ', code: 'DT-1', typeId: retailer.id, country: 'HU', potentialAnnual: 120000,
      profile: { sales_floor_m2: 450, price_segment: 'Premium', brands_stocked: ['Makita', 'Bosch'] },
    });
    const client = await call('clients.get', { id });
    expect(client.name).toBe('Duna Tools Kft.');
    expect(client.profile).toEqual({ sales_floor_m2: 450, price_segment: 'Premium', brands_stocked: ['Makita', 'Bosch'] });
    expect(client.email).toBeNull();
    const { createdAt: _c, updatedAt: _u, archivedAt: _a, ...editable } = client;
    await call('clients.update', { ...editable, city: 'Szeged', innovator: true });
    expect((await call('clients.get', { id })).innovator).toBe(true);
    await call('clients.archive', { id });
    expect(await call('clients.list', { asOf: AS_OF })).toHaveLength(0);
    expect(await call('clients.list', { asOf: AS_OF, includeArchived: true })).toHaveLength(1);
    await call('clients.restore', { id });
    expect(await call('clients.list', { asOf: AS_OF })).toHaveLength(1);
  });

  it('refuses a portrait field of another type, a wrong option, a duplicate code and a missing manager', async () => {
    const { call, fail } = setup();
    const types = await call('clientTypes.list', {});
    const retailer = types.find((t: any) => t.key === 'retailer');
    expect((await fail('clients.create', { name: 'A', typeId: retailer.id, profile: { output_volume_units_year: 5 } })).issues?.[0].path).toEqual(['profile.output_volume_units_year']);
    expect((await fail('clients.create', { name: 'A', typeId: retailer.id, profile: { price_segment: 'Luxury' } })).message).toMatch(/Price segment must be one of: Economy, Middle, Premium/);
    await call('clients.create', { name: 'A', code: 'X1' });
    const dup = await fail('clients.create', { name: 'B', code: 'X1' });
    expect(dup.code).toBe('conflict');
    expect(dup.message).toContain('X1');
    expect((await fail('clients.create', { name: 'B', managerId: 99 })).message).toBe('Choose an existing manager');
  });

  it('names the field to fix on bad input', async () => {
    const { fail } = setup();
    const err = await fail('clients.create', { name: '', email: 'not-an-email', website: 'javascript:alert(1)', potentialAnnual: -5 });
    expect(err.code).toBe('invalid_input');
    const paths = err.issues!.map((i) => i.path.join('.'));
    expect(paths).toEqual(expect.arrayContaining(['name', 'email', 'website', 'potentialAnnual']));
    expect(err.message).toContain('name: This field is required');
  });

  it('names every active client for pickers, without the grid\'s figures', async () => {
    const { call } = setup();
    const b = await call('clients.create', { name: 'beta' });
    await call('clients.create', { name: 'Alpha' });
    const gone = await call('clients.create', { name: 'Gone' });
    await call('clients.archive', { id: gone.id });
    const names = await call('clients.names', {});
    expect(names.map((n: any) => n.name)).toEqual(['Alpha', 'beta']);
    expect(names[1]).toEqual({ id: b.id, name: 'beta' });
  });

  it('a client without a department takes its manager\'s', async () => {
    const { call } = setup();
    const dep = await call('departments.create', { name: 'Retail' });
    const mgr = await call('managers.create', { name: 'Anna', departmentId: dep.id });
    const { id } = await call('clients.create', { name: 'C', managerId: mgr.id });
    expect((await call('clients.get', { id })).departmentId).toBe(dep.id);
    const [row] = await call('clients.list', { asOf: AS_OF });
    expect(row).toMatchObject({ manager: 'Anna', department: 'Retail' });
  });
});

describe('contacts, purchases, interactions, tasks', () => {
  it('keeps each record with its client and checks cross-client links', async () => {
    const { call, fail } = setup();
    const a = await call('clients.create', { name: 'A' });
    const b = await call('clients.create', { name: 'B' });
    const boss = await call('contacts.create', { clientId: a.id, name: 'Boss', level: 'owner', birthday: '1970-05-17', foodPreferences: 'vegetarian' });
    await call('contacts.create', { clientId: a.id, name: 'Buyer', level: 'purchasing', reportsToId: boss.id, birthday: '--12-24' });
    expect((await fail('contacts.create', { clientId: b.id, name: 'X', level: 'staff', reportsToId: boss.id })).message).toBe('Choose a contact of this client');
    expect((await fail('contacts.create', { clientId: a.id, name: 'X', level: 'staff', birthday: '1970-02-30' })).issues?.[0].path).toEqual(['birthday']);
    expect((await fail('contacts.create', { clientId: a.id, name: 'X', level: 'boss' })).issues?.[0].path).toEqual(['level']);

    const p = await call('purchases.create', { clientId: a.id, date: '2026-03-01', quantity: 3, unitPrice: 19.99 });
    expect((await call('purchases.list', { clientId: a.id }))[0].amount).toBe(59.97);
    expect((await fail('purchases.create', { clientId: a.id, date: '2026-03-01', quantity: 3 })).issues?.[0].path).toEqual(['amount']);
    expect((await fail('purchases.create', { clientId: 999, date: '2026-03-01', quantity: 1, amount: 5 })).message).toBe('Client #999 does not exist');
    await call('purchases.update', { id: p.id, clientId: a.id, date: '2026-03-02', quantity: -1, amount: -19.99 });
    expect((await call('purchases.list', { clientId: a.id }))[0]).toMatchObject({ date: '2026-03-02', amount: -19.99 });

    await call('interactions.create', { clientId: a.id, contactId: boss.id, kind: 'lunch', date: '2026-03-05', summary: 'Lunch at the river', outcome: 'Will order more' });
    expect((await fail('interactions.create', { clientId: b.id, contactId: boss.id, kind: 'call', date: '2026-03-05', summary: 'x' })).issues?.[0].path).toEqual(['contactId']);
    const t = await call('tasks.create', { clientId: a.id, title: 'Send offer', dueDate: '2026-03-10' });
    await call('tasks.update', { id: t.id, clientId: a.id, title: 'Send offer', dueDate: '2026-03-10', doneAt: '2026-03-09' });
    expect((await call('tasks.list', { clientId: a.id }))[0].doneAt).toBe('2026-03-09');
    await call('tasks.archive', { id: t.id });
    expect(await call('tasks.list', { clientId: a.id })).toHaveLength(0);
    expect(await call('tasks.list', { clientId: a.id, includeArchived: true })).toHaveLength(1);
    expect((await fail('tasks.archive', { id: 12345 })).code).toBe('not_found');
  });
});

describe('clients grid rows', () => {
  it('computes revenue, share, purchase count and recency by hand-checked figures', async () => {
    const { db, call } = setup();
    const a = await call('clients.create', { name: 'Alpha' });
    const b = await call('clients.create', { name: 'Beta' });
    const c = await call('clients.create', { name: 'Gamma' });
    const buy = (clientId: number, date: string, amount: number) => call('purchases.create', { clientId, date, quantity: 1, amount });
    await buy(a.id, '2025-06-30', 1000); // exactly 12 months before AS_OF: outside the window
    await buy(a.id, '2025-07-01', 300);
    await buy(a.id, '2026-06-30', 300);
    await buy(a.id, '2026-06-30', 100); // same day: one purchase occasion
    await buy(b.id, '2026-01-15', 400);
    await buy(b.id, '2026-02-15', -100); // credit note nets out
    await buy(c.id, '2026-07-01', 999); // after AS_OF: ignored
    const rows = listClientRows(db, { asOf: AS_OF });
    const byName = Object.fromEntries(rows.map((r) => [r.name, r]));
    expect(byName.Alpha).toMatchObject({ revenue12m: 700, purchaseCount: 3, firstPurchase: '2025-06-30', lastPurchase: '2026-06-30', daysSinceLastPurchase: 0 });
    expect(byName.Beta).toMatchObject({ revenue12m: 300, purchaseCount: 2, daysSinceLastPurchase: 135 });
    expect(byName.Gamma).toMatchObject({ revenue12m: 0, purchaseCount: 0, lastPurchase: null, daysSinceLastPurchase: null });
    expect(byName.Alpha.share12m).toBeCloseTo(0.7, 12);
    expect(byName.Beta.share12m).toBeCloseTo(0.3, 12);
  });

  it('one client\'s summary is exactly its grid row, archived clients included', async () => {
    const { db, call } = setup();
    const ids: number[] = [];
    for (const [name, amounts] of [['A', [100, 250]], ['B', [300]], ['C', [50, -20]], ['D', []]] as const) {
      const { id } = await call('clients.create', { name });
      ids.push(id);
      for (const [i, amount] of amounts.entries()) await call('purchases.create', { clientId: id, date: `2026-0${i + 1}-10`, quantity: 1, amount });
    }
    await call('clients.archive', { id: ids[1] });
    const grid = listClientRows(db, { asOf: AS_OF, includeArchived: true });
    for (const id of ids) expect(await call('clients.summary', { id, asOf: AS_OF })).toEqual(grid.find((r) => r.id === id));
    expect(grid.find((r) => r.id === ids[0])!.share12m).toBeCloseTo(350 / 380, 12);
    expect((await call('clients.summary', { id: 999 }).catch((e: Error) => e.message))).toMatch(/not_found/);
  });

  it('archived purchases drop out of the figures', async () => {
    const { db, call } = setup();
    const a = await call('clients.create', { name: 'Alpha' });
    const p = await call('purchases.create', { clientId: a.id, date: '2026-05-01', quantity: 1, amount: 50 });
    expect(listClientRows(db, { asOf: AS_OF })[0].revenue12m).toBe(50);
    await call('purchases.archive', { id: p.id });
    expect(listClientRows(db, { asOf: AS_OF })[0]).toMatchObject({ revenue12m: 0, purchaseCount: 0 });
  });
});

describe('settings and client types', () => {
  it('stores locale, currency and grid layouts', async () => {
    const { call, fail } = setup();
    expect(await call('settings.get', {})).toEqual({ language: null, locale: 'en-GB', currency: 'EUR', calendar: 'gregory', onboarded: false });
    expect(await call('settings.update', { locale: 'hu-HU', currency: 'HUF' })).toMatchObject({ locale: 'hu-HU', currency: 'HUF' });
    expect((await fail('settings.update', { locale: 'xx-YY' })).issues?.[0].path).toEqual(['locale']);
    await call('layouts.save', { key: 'clients', state: [{ colId: 'name', width: 300 }] });
    expect(await call('layouts.get', { key: 'clients' })).toEqual([{ colId: 'name', width: 300 }]);
    expect(await call('layouts.get', { key: 'other' })).toBeNull();
  });

  it('lets the user add a client type with fields', async () => {
    const { call, fail } = setup();
    const { id } = await call('clientTypes.create', { name: 'Hotel' });
    const f = await call('clientTypes.addField', { typeId: id, label: 'Rooms', kind: 'number' });
    expect(f).toMatchObject({ key: 'rooms', position: 0 });
    const g = await call('clientTypes.addField', { typeId: id, label: 'Rooms', kind: 'number' });
    expect(g.key).toBe('rooms_2');
    expect((await fail('clientTypes.addField', { typeId: id, label: 'Stars', kind: 'select', options: [] })).issues?.[0].path).toEqual(['options']);
    const types = await call('clientTypes.list', {});
    expect(types.find((t: any) => t.key === 'hotel').fields.map((x: any) => x.label)).toEqual(['Rooms', 'Rooms']);
    await call('clientTypes.update', { id, name: 'Hotel & spa' });
    await call('clientTypes.archiveField', { id: g.id });
    await call('clientTypes.archive', { id });
    expect((await call('clientTypes.list', {})).some((t: any) => t.id === id)).toBe(false);
    await call('clientTypes.restore', { id });
    const hotel = (await call('clientTypes.list', {})).find((t: any) => t.id === id);
    expect(hotel).toMatchObject({ key: 'hotel', name: 'Hotel & spa' });
    expect(hotel.fields.map((x: any) => x.key)).toEqual(['rooms']);
    expect((await fail('clientTypes.update', { id: 999, name: 'X' })).code).toBe('not_found');
  });
});
