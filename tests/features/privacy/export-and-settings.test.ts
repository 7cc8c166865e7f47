import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import type { Db } from '../../../electron/db/connection';
import { monthsBefore } from '../../../electron/features/privacy/settings';
import { DEFAULT_PRIVACY_SETTINGS, type PersonExport, type PrivacySettings } from '../../../shared/features/privacy/types';
import { emptyDatabase, tempDir } from '../../helpers/db';
import { routerCalls } from '../../helpers/router';

const ALICE = {
  name: 'Alida Hrabalová', level: 'purchasing', role: 'Head buyer CANARY-A-ROLE', birthday: '1980-02-29', family: 'two sons, CANARY-A-FAMILY', hobbies: 'sailing CANARY-A-HOBBY',
  foodPreferences: 'vegetarian CANARY-A-FOOD', preferredChannel: 'phone', language: 'cs', email: 'alida@hrabal.example', phone: '+420 601 222 333', notes: 'CANARY-A-NOTES',
};
const BOB = { name: 'Bohuslav Drnec', level: 'finance', family: 'CANARY-B-FAMILY', foodPreferences: 'CANARY-B-FOOD', email: 'bohus@drnec.example', notes: 'CANARY-B-NOTES' };

async function people(db: Db) {
  const { call, fail } = routerCalls(db, { platform: { chooseSavePath: async (name: string) => join(tempDir(), name) } });
  const client = (await call('clients.create', { name: 'Praha Trade s.r.o.' })).id;
  const alice = (await call('contacts.create', { clientId: client, ...ALICE })).id;
  const bob = (await call('contacts.create', { clientId: client, ...BOB, reportsToId: alice })).id;
  await call('interactions.create', { clientId: client, contactId: alice, kind: 'meeting', date: '2026-02-01', summary: 'Price talk with Alida Hrabalová and Bohuslav Drnec', outcome: 'CANARY-A-OUTCOME' });
  await call('interactions.create', { clientId: client, contactId: bob, kind: 'call', date: '2026-02-02', summary: 'Bohuslav Drnec: invoice CANARY-B-CALL' });
  await call('interactions.create', { clientId: client, contactId: bob, kind: 'call', date: '2026-02-03', summary: 'Bohuslav Drnec says Alida Hrabalová is away' });
  await call('tasks.create', { clientId: client, contactId: alice, title: 'Birthday card for Alida', dueDate: '2026-02-22' });
  return { call, fail, client, alice, bob };
}

describe('exporting one person', () => {
  it('the JSON and the .xlsx hold every field of that person and nothing of anyone else', async () => {
    const db = emptyDatabase();
    const p = await people(db);
    const files = await p.call('privacy.exportPerson', { contactId: p.alice });
    expect(files.json).toMatch(/personal-data-\d+\.json$/);
    expect(statSync(files.json).mode & 0o077).toBe(0);
    const data: PersonExport = JSON.parse(readFileSync(files.json, 'utf8'));
    const stored = db.sqlite.prepare(`SELECT * FROM contacts WHERE id = ?`).get(p.alice) as Record<string, unknown>;
    expect(data.contact).toEqual(stored);
    for (const v of Object.values(ALICE)) expect(JSON.stringify(data)).toContain(JSON.stringify(v).slice(1, -1));
    expect(data.client).toEqual({ id: p.client, name: 'Praha Trade s.r.o.', code: null });
    expect(data.interactions.map((i) => i.outcome)).toEqual(['CANARY-A-OUTCOME']);
    expect(data.tasks).toHaveLength(1);
    expect(data.mentions).toEqual([expect.objectContaining({ table: 'interactions', field: 'summary', text: '[…] says Alida Hrabalová is away' })]);

    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(files.xlsx);
    const sheet = wb.worksheets[0];
    const cells: string[] = [];
    sheet.eachRow((row) => row.eachCell((c) => cells.push(String(c.value))));
    const sheetText = cells.join('\n');
    for (const [k, v] of Object.entries(stored)) {
      if (v === null) continue;
      // Text that starts like a formula (a phone's +) is written with a leading apostrophe, as in every export.
      expect(cells.some((c) => c === String(v) || c === `'${v}`), `${k} in the sheet`).toBe(true);
    }
    expect(sheetText).toContain('[…] says Alida Hrabalová is away');
    for (const text of [JSON.stringify(data), sheetText]) {
      for (const theirs of [BOB.name, BOB.family, BOB.foodPreferences, BOB.email, BOB.notes, 'CANARY-B-CALL']) expect(text).not.toContain(theirs);
    }
  });

  it('the save dialog closed writes nothing; an unknown contact is refused', async () => {
    const db = emptyDatabase();
    const { call, fail } = routerCalls(db);
    expect(await call('privacy.exportPerson', { contactId: 1 })).toBeNull();
    const r = routerCalls(db, { platform: { chooseSavePath: async () => join(tempDir(), 'x.xlsx') } });
    expect((await r.fail('privacy.exportPerson', { contactId: 42 })).message).toMatch(/Contact #42 does not exist/);
    void fail;
  });
});

describe('privacy settings', () => {
  it('a contact field turned off is cleared on every contact now and stays empty whoever writes it', async () => {
    const db = emptyDatabase();
    const p = await people(db);
    const status = await p.call('privacy.status', {});
    expect(status.settings).toEqual(DEFAULT_PRIVACY_SETTINGS);
    expect(status.fieldCounts).toMatchObject({ family: 2, foodPreferences: 2, hobbies: 1 });
    const next: PrivacySettings = { ...DEFAULT_PRIVACY_SETTINGS, contactFields: { ...DEFAULT_PRIVACY_SETTINGS.contactFields, family: false, foodPreferences: false } };
    expect(await p.call('privacy.saveSettings', next)).toEqual({ settings: next, cleared: 4, purged: 0 });
    const rows = () => db.sqlite.prepare(`SELECT family, food_preferences AS food, hobbies FROM contacts ORDER BY id`).all();
    expect(rows()).toEqual([{ family: null, food: null, hobbies: ALICE.hobbies }, { family: null, food: null, hobbies: null }]);
    // A form, an update and a raw insert (as an import writes) all come out without them.
    const carol = (await p.call('contacts.create', { clientId: p.client, name: 'Carol', level: 'staff', family: 'three cats', foodPreferences: 'no fish', hobbies: 'chess' })).id;
    await p.call('contacts.update', { id: p.alice, clientId: p.client, ...ALICE });
    db.sqlite.prepare(`INSERT INTO contacts (client_id, name, level, family) VALUES (?, 'Imported', 'staff', 'from a file')`).run(p.client);
    expect(db.sqlite.prepare(`SELECT count(*) FROM contacts WHERE family IS NOT NULL OR food_preferences IS NOT NULL`).pluck().get()).toBe(0);
    expect(db.sqlite.prepare(`SELECT hobbies FROM contacts WHERE id = ?`).pluck().get(carol)).toBe('chess');
    expect((await p.call('privacy.status', {})).fieldCounts).toMatchObject({ family: 0, foodPreferences: 0 });
    // Turned back on, the field is kept again (what was cleared is gone for good).
    await p.call('privacy.saveSettings', DEFAULT_PRIVACY_SETTINGS);
    await p.call('contacts.update', { id: p.alice, clientId: p.client, ...ALICE });
    expect(db.sqlite.prepare(`SELECT family FROM contacts WHERE id = ?`).pluck().get(p.alice)).toBe(ALICE.family);
  });

  it('lost clients\' interactions older than the retention period go; other clients\' and newer ones stay', async () => {
    const db = emptyDatabase();
    const { call, fail } = routerCalls(db);
    const lost = (await call('clients.create', { name: 'Gone', status: 'lost' })).id;
    const active = (await call('clients.create', { name: 'Here', status: 'active' })).id;
    const today = new Date().toISOString().slice(0, 10);
    const old = monthsBefore(today, 30);
    const recent = monthsBefore(today, 2);
    for (const [clientId, date] of [[lost, old], [lost, recent], [active, old]] as const) await call('interactions.create', { clientId, kind: 'call', date, summary: `call ${date}` });
    const next = { ...DEFAULT_PRIVACY_SETTINGS, lostInteractionsMonths: 24 };
    expect((await fail('privacy.saveSettings', { ...next, lostInteractionsMonths: 0 })).issues?.[0]).toMatchObject({ path: ['lostInteractionsMonths'], key: 'privacy:errors.months' });
    await call('privacy.saveSettings', { ...DEFAULT_PRIVACY_SETTINGS, lostInteractionsMonths: null });
    expect((await call('privacy.status', {})).interactionsDue).toBe(0);
    await call('privacy.saveSettings', next);
    expect(db.sqlite.prepare(`SELECT client_id AS c, date FROM interactions ORDER BY id`).all()).toEqual([{ c: lost, date: recent }, { c: active, date: old }]);
    expect(monthsBefore('2026-03-31', 1)).toBe('2026-02-28');
    expect(monthsBefore('2024-03-31', 25)).toBe('2022-02-28');
  });
});
