import { describe, expect, it } from 'vitest';
import { undoImport, undoPlan } from '../../../electron/features/import/service';
import { emptyDatabase, tempDir } from '../../helpers/db';
import { writeCsv } from '../../helpers/fixtures';
import { commit } from '../../helpers/importing';
import { routerCalls } from '../../helpers/router';
import { recordDurability } from '../../helpers/durability';

const tick = () => new Promise((r) => setTimeout(r, 3));

describe('undo of an import after people kept working', () => {
  it('keeps every edit made since, and the plan says so before it runs', async () => {
    const db = emptyDatabase();
    const { call } = routerCalls(db);
    // X existed before the import; the import fills in its e-mail and city.
    const x = (await call('clients.create', { name: 'Xenon Kft', code: 'X-1', phone: '+36 1 111', city: 'Pécs' })).id;
    const clients = await commit(db, {
      path: writeCsv(tempDir(), 'clients.csv', 'Kód;Név;E-mail;Város\nX-1;Xenon Kft;info@xenon.hu;Győr\nA-1;Alpha;;\nB-1;Beta;;\nC-1;Gamma;;\nD-1;Delta;;\n'),
      kind: 'clients',
    });
    expect(clients).toMatchObject({ added: 4, updated: 1 });
    const id = (code: string) => (db.sqlite.prepare(`SELECT id FROM clients WHERE code = ?`).get(code) as { id: number }).id;
    const contacts = await commit(db, {
      path: writeCsv(tempDir(), 'people.csv', 'Client;Name;Level\nC-1;Petra;owner\nC-1;Quentin;finance\nC-1;Rita;staff\n'),
      kind: 'contacts',
    });
    expect(contacts.added).toBe(3);
    const person = (name: string) => (db.sqlite.prepare(`SELECT id FROM contacts WHERE name = ?`).get(name) as { id: number }).id;
    await tick();

    // What people did after the imports:
    // The form sends the record back without its bookkeeping stamps.
    const strip = ({ createdAt: _c, updatedAt: _u, archivedAt: _a, ...rest }: Record<string, unknown>) => rest;
    const get = async (cid: number) => strip(await call('clients.get', { id: cid }));
    await call('clients.update', { ...(await get(x)), phone: '+36 1 999' }); // a field the import never touched
    await call('clients.update', { ...(await get(x)), phone: '+36 1 999', email: 'sales@xenon.hu' }); // a field the import wrote
    await call('clients.update', { ...(await get(id('A-1'))), name: 'Alpha Renamed', notes: 'Met at the fair' }); // an imported client renamed
    await call('clients.update', { ...(await get(x)), phone: '+36 1 999', email: 'sales@xenon.hu', referredById: id('B-1') }); // an imported client made a referrer
    const petra = (await call('contacts.list', { clientId: id('C-1') })).find((c: { name: string }) => c.name === 'Petra');
    await call('contacts.update', { ...strip(petra), birthday: '1975-04-02', family: 'Two sons', hobbies: 'Sailing' }); // an imported contact enriched
    await call('interactions.create', { clientId: id('C-1'), contactId: person('Quentin'), kind: 'meeting', date: '2026-06-01', summary: 'Lunch about the new range' }); // a meeting with an imported contact

    const peoplePlan = undoPlan(db, contacts.importId!);
    expect(peoplePlan.remove).toEqual({ purchases: 0, contacts: 1, clients: 0 });
    expect(peoplePlan.kept.map((k) => [k.label, k.reason, k.by ?? null]).sort()).toEqual([['Petra', 'edited', null], ['Quentin', 'referenced', 'interaction']]);
    const peopleDone = undoImport(db, contacts.importId!, { withPlan: true });
    expect(peopleDone).toMatchObject({ contacts: 1, clients: 0 });
    expect(peopleDone.plan).toEqual(peoplePlan);
    const left = db.sqlite.prepare(`SELECT name, birthday, family, hobbies FROM contacts ORDER BY name`).all();
    expect(left).toEqual([
      { name: 'Petra', birthday: '1975-04-02', family: 'Two sons', hobbies: 'Sailing' },
      { name: 'Quentin', birthday: null, family: null, hobbies: null },
    ]);
    expect(db.sqlite.prepare(`SELECT count(*) AS n FROM interactions WHERE contact_id = ?`).get(person('Quentin'))).toEqual({ n: 1 });

    const plan = undoPlan(db, clients.importId!);
    // Gamma stays too: Petra and Quentin, kept above, belong to it. Delta alone goes.
    expect(plan.remove).toEqual({ purchases: 0, contacts: 0, clients: 1 });
    expect(plan.kept.map((k) => [k.label, k.reason, k.by ?? null]).sort()).toEqual([
      ['Alpha Renamed', 'edited', null],
      ['Beta', 'referenced', 'client'],
      ['Gamma', 'referenced', 'contact'],
    ]);
    // Xenon: the city goes back to Pécs (the import wrote it, nobody changed it since); the e-mail stays as typed after.
    expect(plan.restoreFields).toBe(1);
    expect(plan.keptFields).toEqual([{ table: 'clients', id: x, label: 'Xenon Kft', field: 'email', reason: 'changed_since' }]);
    const done = undoImport(db, clients.importId!);
    expect(done).toEqual({ purchases: 0, contacts: 0, clients: 1, restored: 1, keptClients: 3 });
    expect(await get(x)).toMatchObject({ phone: '+36 1 999', email: 'sales@xenon.hu', city: 'Pécs', referredById: id('B-1') });
    expect(await get(id('A-1'))).toMatchObject({ name: 'Alpha Renamed', notes: 'Met at the fair' });
    expect(db.sqlite.prepare(`SELECT code FROM clients ORDER BY code`).all()).toEqual([{ code: 'A-1' }, { code: 'B-1' }, { code: 'C-1' }, { code: 'X-1' }]);
    // What stays is no longer the import's: a second look finds nothing of it.
    expect(db.sqlite.prepare(`SELECT count(*) AS n FROM clients WHERE import_id IS NOT NULL`).get()).toEqual({ n: 0 });
    recordDurability({ suite: 'undo after edits keeps every edit', trials: 2, faults: 0, acked: 8, lost: 0 });
  });

  it('keeps purchase lines edited since the import, and their client', async () => {
    const db = emptyDatabase();
    const { call } = routerCalls(db);
    const r = await commit(db, { path: writeCsv(tempDir(), 'p.csv', 'Client,Date,Amount\nNEW1,2024-01-02,20\nNEW1,2024-01-03,30\nNEW2,2024-01-04,40\n'), kind: 'purchases' });
    await tick();
    const line = (db.sqlite.prepare(`SELECT * FROM purchases WHERE amount = 30`).get() as { id: number; client_id: number });
    await call('purchases.update', { id: line.id, clientId: line.client_id, date: '2024-01-03', quantity: 1, amount: 33 });
    const plan = undoPlan(db, r.importId!);
    expect(plan.remove).toEqual({ purchases: 2, contacts: 0, clients: 1 });
    expect(plan.kept.map((k) => [k.table, k.reason])).toEqual([['purchases', 'edited'], ['clients', 'referenced']]);
    expect(undoImport(db, r.importId!)).toMatchObject({ purchases: 2, clients: 1, keptClients: 1 });
    expect(db.sqlite.prepare(`SELECT amount FROM purchases`).all()).toEqual([{ amount: 33 }]);
  });
});
