import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Db } from '../../../electron/db/connection';
import { describeError, inEnglish } from '../../../electron/i18n';
import { importTasks } from '../../../electron/features/import/tasks';
import { namePattern } from '../../../electron/features/import/remembered';
import { cellsReason } from '../../../shared/features/import/messages';
import { message } from '../../../shared/i18n/messages';
import { importSpec, type ImportSpecInput } from '../../../shared/features/import/types';
import { emptyDatabase, tempDir } from '../../helpers/db';
import { writeCsv } from '../../helpers/fixtures';
import { problemInEnglish, reasonInEnglish, useLocale } from '../../helpers/importing';

const ctl = { onProgress: () => {}, isCancelled: () => false, cancelled: new Promise<void>(() => {}) };
const previewTask = (db: Db, spec: ImportSpecInput) => importTasks['import.preview'](db, { spec: importSpec.parse(spec) }, ctl);
const commitTask = async (db: Db, spec: ImportSpecInput) => (await importTasks['import.commit'](db, { spec: importSpec.parse(spec), backup: null }, ctl)).result;
const clients = (db: Db) => db.sqlite.prepare(`SELECT name, code, tax_id AS taxId, email, manager_id AS managerId, type_id AS typeId, status FROM clients ORDER BY id`).all();

describe('the same file again', () => {
  it('next month\'s file is mapped as this month\'s was (same name pattern and sheet), and no client is created twice', async () => {
    const db = emptyDatabase();
    const dir = tempDir();
    // Headers no guess knows: the user maps them by hand.
    const march = writeCsv(dir, 'Partnerek 2024-03.csv', 'Első;Második;Harmadik\nAlfa Kft;11111111-2-41;Budapest\nBéta Bt;22222222-1-13;Győr\n');
    const guessed = await previewTask(db, { path: march, kind: 'clients' });
    expect(guessed.remembered).toBe(false);
    expect(guessed.mapping).not.toEqual(['name', 'taxId', 'city']);
    await commitTask(db, { path: march, kind: 'clients', mapping: ['name', 'taxId', 'city'], headerRow: 0 });
    expect(namePattern('Partnerek 2024-04.csv')).toBe(namePattern('Partnerek 2024-03.csv'));
    const april = writeCsv(dir, 'Partnerek 2024-04.csv', 'Első;Második;Harmadik\nAlfa Kereskedelmi Kft;11111111-2-41;Budapest\nBéta Bt;22222222-1-13;Győr\nGamma Zrt;33333333-2-42;Pécs\n');
    const p = await previewTask(db, { path: april, kind: 'clients' });
    expect(p.remembered).toBe(true);
    expect(p.mapping).toEqual(['name', 'taxId', 'city']);
    // Alfa is found by its tax id although its name changed; Gamma is the only new client.
    expect([p.summary.added, p.summary.updated, p.summary.unchanged]).toEqual([1, 1, 1]);
    await commitTask(db, { path: april, kind: 'clients' });
    expect(clients(db).map((c: any) => [c.name, c.taxId])).toEqual([['Alfa Kereskedelmi Kft', '11111111-2-41'], ['Béta Bt', '22222222-1-13'], ['Gamma Zrt', '33333333-2-42']]);
    // Another file name, or other columns, is guessed afresh.
    const other = writeCsv(dir, 'Vevők 2024-04.csv', 'Első;Második;Harmadik\nAlfa Kft;11111111-2-41;Budapest\n');
    expect((await previewTask(db, { path: other, kind: 'clients' })).remembered).toBe(false);
    const wider = writeCsv(dir, 'Partnerek 2024-05.csv', 'Első;Második;Harmadik;Negyedik\nAlfa Kft;11111111-2-41;Budapest;x\n');
    expect((await previewTask(db, { path: wider, kind: 'clients' })).remembered).toBe(false);
  });

  it('a clients file matches by tax id before the code, then by name, before it creates a client', async () => {
    const db = emptyDatabase();
    db.sqlite.prepare(`INSERT INTO clients (code, name, tax_id) VALUES ('A-1', 'Alpha', '111'), ('B-2', 'Beta', '222'), (NULL, 'Gamma', NULL)`).run();
    const path = writeCsv(tempDir(), 'c.csv', 'Code;Name;Tax id;City\nA-1;Beta renamed;222;Pécs\n;Gamma;;Győr\n');
    const r = await commitTask(db, { path, kind: 'clients' });
    // The first row's tax id is Beta's but its code is Alpha's: which client it means cannot be told, so it is refused.
    expect([r.added, r.updated, r.rejected]).toEqual([0, 1, 1]);
    expect(r.reasons.map(reasonInEnglish)).toEqual([{ reason: 'the tax id and the code belong to two different clients', count: 1, lines: [2] }]);
    const taxFirst = writeCsv(tempDir(), 'd.csv', 'Code;Name;Tax id\n;Beta Kft;222\nB-9;Alpha Kft;111\n');
    const s = await commitTask(db, { path: taxFirst, kind: 'clients' });
    expect([s.added, s.updated]).toEqual([0, 2]);
    expect(db.sqlite.prepare(`SELECT code, name, city FROM clients ORDER BY id`).all()).toEqual([
      { code: 'B-9', name: 'Alpha Kft', city: null },
      { code: 'B-2', name: 'Beta Kft', city: null },
      { code: null, name: 'Gamma', city: 'Győr' },
    ]);
  });
});

describe('rows that are not data, and values that cannot be used', () => {
  it('blank rows and total rows ("Összesen", "Total", "Итого") are skipped, not rejected', async () => {
    const db = emptyDatabase();
    useLocale(db, 'hu-HU');
    const path = writeCsv(tempDir(), 'p.csv', 'Ügyfél;Dátum;Összeg\nK1;2024.03.01.;100\n;;\nK2;2024.03.02.;200\nÖsszesen:;;300\nTotal;;300\nИтого;;300\nTotal Kft;2024.03.03.;5\n');
    const p = await previewTask(db, { path, kind: 'purchases' });
    expect([p.summary.rows, p.summary.skipped, p.summary.added, p.summary.rejected]).toEqual([3, 4, 3, 0]);
  });

  it('one bad optional value leaves that field out, not the client, and says so', async () => {
    const db = emptyDatabase();
    const path = writeCsv(tempDir(), 'c.csv', 'Name;E-mail;Annual potential\nAlpha;not-an-address;1000\nBeta;beta@example.com;lots\n;x@example.com;5\n');
    const p = await previewTask(db, { path, kind: 'clients' });
    expect([p.summary.added, p.summary.leftOut, p.summary.rejected]).toEqual([2, 2, 1]);
    expect(p.rows[0].action).toBe('add');
    expect(p.rows[0].problems.map(problemInEnglish)).toEqual([
      { column: 1, message: '"not-an-address" is not an e-mail address' },
      { column: -1, message: 'kept without E-mail: the value could not be read' },
    ]);
    // The client without a name is still refused: its name is not optional.
    expect(p.summary.reasons.map(reasonInEnglish)).toEqual([{ reason: 'Name: name is empty', count: 1, lines: [4] }]);
    await commitTask(db, { path, kind: 'clients' });
    expect(db.sqlite.prepare(`SELECT name, email, potential_annual AS p FROM clients ORDER BY id`).all()).toEqual([
      { name: 'Alpha', email: null, p: 1000 },
      { name: 'Beta', email: 'beta@example.com', p: null },
    ]);
  });

  it('manager, type and status are read from words; one that names nothing known is left out with a problem on its cell', async () => {
    const db = emptyDatabase();
    const manager = Number(db.sqlite.prepare(`INSERT INTO managers (name) VALUES ('Kiss Anna')`).run().lastInsertRowid);
    const type = Number(db.sqlite.prepare(`INSERT INTO client_types (key, name) VALUES ('wholesale-x', 'Nagykereskedő')`).run().lastInsertRowid);
    const path = writeCsv(tempDir(), 'c.csv', 'Név;Felelős;Ügyféltípus;Állapot\nAlfa;kiss anna;Nagykereskedő;alvó\nBéta;Nobody;wholesale-x;potenciális\nGamma;;;whatever\n');
    const p = await previewTask(db, { path, kind: 'clients' });
    expect(p.mapping).toEqual(['name', 'manager', 'type', 'status']);
    expect(p.rows[1].problems.map(problemInEnglish)[0]).toEqual({ column: 1, message: 'no manager named "Nobody"' });
    expect(p.rows[2].problems.map(problemInEnglish)[0]).toEqual({ column: 3, message: '"whatever" is not a status (prospect, active, dormant or lost)' });
    await commitTask(db, { path, kind: 'clients' });
    expect(clients(db).map((c: any) => [c.name, c.managerId, c.typeId, c.status])).toEqual([
      ['Alfa', manager, type, 'dormant'],
      ['Béta', null, type, 'prospect'],
      ['Gamma', null, null, 'active'],
    ]);
  });
});

describe('the rejected rows, to fix and import again', () => {
  it('are written with their cells as they were and what is wrong; the corrected file imports', async () => {
    const db = emptyDatabase();
    useLocale(db, 'hu-HU');
    const dir = tempDir();
    const path = writeCsv(dir, 'p.csv', 'Ügyfél;Dátum;Összeg\nK1;2024.03.01.;100\nK2;2024.02.31.;200\nK3;2024.03.03.;sok\n');
    const out = join(dir, 'p-rejected.csv');
    const saved = await importTasks['import.rejected'](db, { spec: importSpec.parse({ path, kind: 'purchases' }), out }, ctl);
    expect(saved).toEqual({ path: out, rows: 2 });
    const lines = readFileSync(out, 'utf8').replace(/^\uFEFF/, '').split('\r\n');
    // hu-HU has a decimal comma, so the list separator is ";".
    expect(lines).toEqual(['Ügyfél;Dátum;Összeg;Problem', 'K2;2024.02.31.;200;Dátum: value is not a date', 'K3;2024.03.03.;sok;Összeg: value is not a number', '']);
    const fixed = writeCsv(dir, 'p-fixed.csv', lines.join('\r\n').replace('2024.02.31.', '2024.02.28.').replace('sok', '300'));
    const r = await commitTask(db, { path: fixed, kind: 'purchases' });
    expect([r.added, r.rejected]).toEqual([2, 0]);
  });
});

describe('messages name fields, kinds and levels in words, never by their keys', () => {
  it('mapFirst, notAField and the level reason', async () => {
    const db = emptyDatabase();
    const path = writeCsv(tempDir(), 'p.csv', 'Foo;Bar\nx;y\n');
    await expect(commitTask(db, { path, kind: 'purchases' })).rejects.toSatisfy((e: any) => describeError(e) === 'Map a column to date and amount before importing.');
    await expect(previewTask(db, { path, kind: 'purchases', mapping: ['unitPrice', 'nonsense'] })).rejects.toSatisfy((e: any) =>
      describeError(e) === '"nonsense" is not a purchase field. Fields: client, client name, date, invoice, product, description, quantity, unit price, amount, currency, status.');
    expect(inEnglish('import:reasons.level', { levels: [{ key: 'import:levels.owner' }, { key: 'import:levels.staff' }] })).toBe('level must be one of owner, staff');
    expect(inEnglish('import:problems.empty', { field: { key: 'import:fieldNames.clientName' } })).toBe('client name is empty');
    // A column without a header is named by its letter once, not "Column B: … (column B)".
    const unreadable = (column: number) => ({ column, ...message('import:problems.unreadable', { why: message('import:problems.errorValue', { error: '#N/A' }), column: 'AB'[column] }) });
    const said = (m: ReturnType<typeof cellsReason>) => inEnglish(m.key, m.params);
    expect(said(cellsReason(['Client', ''], [unreadable(1)]))).toBe('Column B: holds the error #N/A');
    expect(said(cellsReason(['Client', ''], [unreadable(0)]))).toBe('Client: holds the error #N/A (column A)');
  });
});
