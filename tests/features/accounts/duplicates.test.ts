import { describe, expect, it } from 'vitest';
import { companyKey, findDuplicatePairs, searchKey, similarNames, taxKey } from '../../../shared/features/accounts/matching';
import type { DuplicatesReport } from '../../../shared/features/accounts/types';
import { emptyDatabase } from '../../helpers/db';
import { routerCalls } from '../../helpers/router';

describe('telling one business entered twice', () => {
  it.each([
    ['Orion Supply Kft.', 'ORION SUPPLY'],
    ['Kristály Üveg Zrt', 'Kristaly Uveg'],
    ['Atelier Lumière SARL', 'atelier lumiere'],
    ['Baltic Wood UAB', 'UAB „Baltic Wood“'],
    ['ООО «Ромашка»', 'Ромашка'],
    ['бакалея-плюс ооо', 'Бакалея Плюс'],
    ['บริษัท ไทยเทรด จำกัด', 'ไทยเทรด'],
    ['บริษัท สยามพาร์ท จำกัด (มหาชน)', 'สยามพาร์ท'],
    ['Smith & Sons Ltd', 'smith and sons limited'],
    ['Müller GmbH', 'Muller'],
  ])('%s and %s give one key', (a, b) => {
    expect(companyKey(a)).toBe(companyKey(b));
  });

  it.each([
    ['Orion Supply', 'Orion Logistics'],
    ['ไทยเทรด', 'ไทยทรัพย์'],
    ['Kft.', 'Bt.'],
  ])('%s and %s stay apart', (a, b) => {
    expect(companyKey(a)).not.toBe(companyKey(b));
  });

  it('keeps a name that is only a legal form, and Thai marks as letters', () => {
    expect(companyKey('Kft.')).toBe('kft');
    expect(searchKey('Kristály')).toBe('kristaly');
    // Thai vowel marks are not accents: taking them off would make different names equal.
    expect(searchKey('ไทยทรัพย์')).not.toBe(searchKey('ไทยทรพย'));
  });

  it('reads tax numbers without their punctuation, and ignores stubs', () => {
    expect(taxKey('12345678-2-42')).toBe(taxKey('12345678 2 42'));
    expect(taxKey('HU 12345678')).toBe('HU12345678');
    expect(taxKey('-')).toBeNull();
  });

  it('allows one slip in a short name, two in a long one, none in a very short one', () => {
    expect(similarNames('orion supply', 'orion suply')).toBe(true);
    expect(similarNames('kristaly uveg', 'kristali uvek')).toBe(true);
    expect(similarNames('orion', 'orian')).toBe(true);
    expect(similarNames('orion', 'oxiax')).toBe(false);
    expect(similarNames('abc', 'abd')).toBe(false);
  });

  it('finds pairs by tax id, e-mail, name and near name, without comparing everyone with everyone', () => {
    const pairs = findDuplicatePairs([
      { id: 1, name: 'Orion Supply Kft.', taxId: '12345678-2-42', email: null },
      { id: 2, name: 'Northwind', taxId: '12345678242', email: null },
      { id: 3, name: 'Lumière SARL', taxId: null, email: 'Contact@Lumiere.example' },
      { id: 4, name: 'Atelier', taxId: null, email: 'contact@lumiere.example ' },
      { id: 5, name: 'Baltic Wood UAB', taxId: null, email: null },
      { id: 6, name: 'Baltic Wod', taxId: null, email: null },
      { id: 7, name: 'Zeta', taxId: null, email: null },
      { id: 8, name: 'Xeta', taxId: null, email: null },
      { id: 9, name: 'Baltic Wood', taxId: null, email: null },
    ]);
    const by = Object.fromEntries(pairs.map((p) => [`${p.a}-${p.b}`, [...p.reasons].sort()]));
    expect(by).toEqual({ '1-2': ['taxId'], '3-4': ['email'], '5-6': ['similarName'], '5-9': ['name'], '6-9': ['similarName'] });
  });

  it('does not pair a whole crowd sharing a placeholder e-mail', () => {
    const crowd = Array.from({ length: 20 }, (_, i) => ({ id: i + 1, name: `Client ${String.fromCharCode(65 + i)}${i}`, taxId: null, email: 'info@example.com' }));
    expect(findDuplicatePairs(crowd).filter((p) => p.reasons.includes('email'))).toEqual([]);
  });
});

describe('the duplicates list', () => {
  it('lists active pairs, strongest evidence first, keeping the client with more history', async () => {
    const db = emptyDatabase();
    const { call } = routerCalls(db);
    const a = (await call<{ id: number }>('clients.create', { name: 'Orion Supply Kft.', taxId: '12345678-2-42' })).id;
    const b = (await call<{ id: number }>('clients.create', { name: 'Orion Supply', taxId: '12345678242' })).id;
    await call('purchases.create', { clientId: b, date: '2026-01-01', quantity: 1, amount: 10 });
    const c = (await call<{ id: number }>('clients.create', { name: 'Lumière SARL' })).id;
    const d = (await call<{ id: number }>('clients.create', { name: 'Lumiere' })).id;
    const e = (await call<{ id: number }>('clients.create', { name: 'Lumiere' })).id;
    await call('clients.archive', { id: e });
    const report = await call<DuplicatesReport>('clients.duplicates', {});
    expect(report.pairs.map((p) => [p.keep.id, p.merge.id, p.reasons])).toEqual([
      [b, a, ['taxId', 'name']],
      [c, d, ['name']],
    ]);
    expect(report.pairs[0].keep).toMatchObject({ purchases: 1, contacts: 0, interactions: 0, tasks: 0 });
    expect(report.clients).toBe(4);
    const limited = await call<DuplicatesReport>('clients.duplicates', { limit: 1 });
    expect(limited.pairs).toHaveLength(1);
    expect(limited.more).toBe(1);
  });

  it('follows edits, archives and new clients, and a purchase elsewhere only changes the counts', async () => {
    const db = emptyDatabase();
    const { call } = routerCalls(db);
    const a = (await call<{ id: number }>('clients.create', { name: 'Kristály Üveg Bt.' })).id;
    const b = (await call<{ id: number }>('clients.create', { name: 'Nord Metal' })).id;
    const pairs = async () => (await call<DuplicatesReport>('clients.duplicates', {})).pairs;
    expect(await pairs()).toEqual([]);
    await call('clients.update', { id: b, name: 'KRISTALY UVEG' });
    expect((await pairs()).map((p) => [p.keep.id, p.merge.id])).toEqual([[a, b]]);
    await call('purchases.create', { clientId: b, date: '2026-01-01', quantity: 1, amount: 10 });
    expect((await pairs()).map((p) => [p.keep.id, p.merge.purchases, p.keep.purchases])).toEqual([[b, 0, 1]]);
    await call('clients.archive', { id: a });
    expect(await pairs()).toEqual([]);
    const c = (await call<{ id: number }>('clients.create', { name: 'Kristály-Üveg' })).id;
    expect((await pairs()).map((p) => [p.keep.id, p.merge.id])).toEqual([[b, c]]);
    db.sqlite.prepare(`DELETE FROM clients WHERE id = ?`).run(c);
    expect(await pairs()).toEqual([]);
  });

  it('finds the pairs of a 20,000-client base without comparing every pair (seconds, not minutes)', async () => {
    const db = emptyDatabase();
    const insert = db.sqlite.prepare(`INSERT INTO clients (code, name, tax_id, email) VALUES (?, ?, ?, ?)`);
    const words = ['Alfa', 'Nord', 'Sun', 'Delta', 'Kristály', 'Baltic', 'Lumière', 'Volga', 'Lotus', 'Pannon', 'Atlas', 'Orion'];
    const trades = ['Trade', 'Build', 'Market', 'Tools', 'Home', 'Garden', 'Steel', 'Food', 'Print', 'Wood', 'Tech'];
    const suffixes = ['Kft.', 'SARL', 'UAB', 'Ltd', 'OOO'];
    db.sqlite.transaction(() => {
      for (let i = 0; i < 20_000; i++) insert.run(`C${i}`, `${words[i % 12]} ${trades[(i * 7) % 11]} ${i + 1} ${suffixes[i % 5]}`, `TX${100000 + i}`, `c${i}@example.com`);
      // The same business again, typed differently: no legal form, an accent lost, a slip.
      insert.run('D1', 'ALFA TRADE 1', null, null);
      insert.run('D2', 'Kristaly Steel 5', null, null);
      insert.run('D3', 'Lumiere Woood 7 SARL', null, null);
    })();
    const started = performance.now();
    const report = await routerCalls(db).call<DuplicatesReport>('clients.duplicates', {});
    // About a second here; comparing all 200 million pairs would take minutes. The bound leaves room for a busy machine.
    expect(performance.now() - started).toBeLessThan(5000);
    const pairs = report.pairs.map((p) => [p.keep.name, p.merge.name].sort().join(' | ')).sort();
    expect(pairs).toEqual(['ALFA TRADE 1 | Alfa Trade 1 Kft.', 'Kristaly Steel 5 | Kristály Steel 5 OOO', 'Lumiere Woood 7 SARL | Lumière Wood 7 SARL']);
  });
});
