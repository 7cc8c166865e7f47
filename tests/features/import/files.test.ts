import { truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { emptyDatabase, tempDir } from '../../helpers/db';
import { writeCsv, writeXlsx, zipFile } from '../../helpers/fixtures';
import { commit, counts, preview, reasonInEnglish, storedLines, useLocale } from '../../helpers/importing';

const HEADER = 'Ügyfél;Dátum;Számla;Termék;Mennyiség;Összeg\n';

describe('CSV encodings', () => {
  const cases = [
    { encoding: 'utf-8', bom: false, locale: 'hu-HU', name: 'Őrség Kft', header: HEADER },
    { encoding: 'utf-8', bom: true, locale: 'hu-HU', name: 'Őrség Kft', header: HEADER },
    { encoding: 'windows-1250', bom: false, locale: 'hu-HU', name: 'Őrség Kft', header: HEADER },
    { encoding: 'windows-1257', bom: false, locale: 'lt-LT', name: 'Šiaulių prekyba', header: 'Klientas;Data;Sąskaita;Prekė;Kiekis;Suma\n' },
    { encoding: 'windows-874', bom: false, locale: 'th-TH', name: 'บริษัท สยาม', header: 'ลูกค้า;วันที่;ใบแจ้งหนี้;สินค้า;จำนวน;จำนวนเงิน\n' },
    { encoding: 'windows-1251', bom: false, locale: 'ru-RU', name: 'ООО Ромашка', header: 'Клиент;Дата;Счет;Товар;Количество;Сумма\n' },
    { encoding: 'windows-1252', bom: false, locale: 'fr-FR', name: 'Société Générale', header: 'Client;Date;Facture;Produit;Quantité;Montant\n' },
  ];
  it.each(cases)('$encoding (BOM $bom) for $locale stores "$name" letter for letter', async ({ encoding, bom, locale, name, header }) => {
    const db = emptyDatabase();
    useLocale(db, locale);
    const path = writeCsv(tempDir(), 'f.csv', `${header}${name};2024-03-15;A-1;P1;2;10,50\n`, { encoding, bom });
    const p = await preview(db, { path, kind: 'purchases' });
    expect(p.file.encoding).toBe(encoding);
    expect(p.file.guessedLegacy).toBe(encoding !== 'utf-8');
    expect(p.rows[0].values.client).toBe(name);
    expect(p.mapping).toEqual(['client', 'date', 'invoice', 'product', 'quantity', 'amount']);
    const r = await commit(db, { path, kind: 'purchases' });
    expect(r.added).toBe(1);
    expect(storedLines(db)).toEqual([{ client: name, code: null, date: '2024-03-15', invoice: 'A-1', product: 'P1', quantity: 2, unitPrice: null, amount: 10.5, currency: null }]);
  });

  it('an explicit encoding overrides the guess (the user said the letters looked wrong)', async () => {
    const db = emptyDatabase();
    useLocale(db, 'fr-FR');
    const path = writeCsv(tempDir(), 'f.csv', `${HEADER}Őrség Kft;2024-03-15;A-1;P1;2;10,50\n`, { encoding: 'windows-1250' });
    expect((await preview(db, { path, kind: 'purchases' })).rows[0].values.client).toBe('Õrség Kft'); // read as 1252: wrong
    expect((await preview(db, { path, kind: 'purchases', encoding: 'windows-1250' })).rows[0].values.client).toBe('Őrség Kft');
  });
});

describe('number and date formats', () => {
  const cases: { title: string; locale: string; text: string; dates: string[]; amounts: number[]; ambiguous?: boolean }[] = [
    { title: 'French: U+202F groups, decimal comma, dd/mm/yyyy', locale: 'fr-FR', text: 'Client;Date;Montant\nA;15/03/2024;1\u202f234,50\nB;02/04/2024;12,00\n', dates: ['2024-03-15', '2024-04-02'], amounts: [1234.5, 12] },
    { title: 'Hungarian: yyyy. mm. dd., space groups', locale: 'hu-HU', text: 'Ügyfél;Dátum;Összeg\nA;2024. 03. 15.;1 234,50\nB;2024. 04. 02.;7\n', dates: ['2024-03-15', '2024-04-02'], amounts: [1234.5, 7] },
    { title: 'German style: dd.mm.yyyy and 1.234,50', locale: 'en-GB', text: 'Client;Date;Amount\nA;15.03.2024;1.234,50\nB;02.04.2024;99,90\n', dates: ['2024-03-15', '2024-04-02'], amounts: [1234.5, 99.9] },
    { title: 'US: mm/dd/yyyy proven by a day above 12, 1,234.50', locale: 'en-GB', text: 'Client,Date,Amount\nA,03/15/2024,"1,234.50"\nB,04/02/2024,12.00\n', dates: ['2024-03-15', '2024-04-02'], amounts: [1234.5, 12] },
    { title: 'ambiguous dd/mm follows the locale and is flagged', locale: 'en-US', text: 'Client,Date,Amount\nA,03/04/2024,5\nB,05/06/2024,6\n', dates: ['2024-03-04', '2024-05-06'], amounts: [5, 6], ambiguous: true },
    { title: 'Thai Buddhist-era years', locale: 'th-TH', text: 'ลูกค้า,วันที่,จำนวนเงิน\nA,15/03/2567,"1,234.50"\nB,2567-04-02,10\n', dates: ['2024-03-15', '2024-04-02'], amounts: [1234.5, 10] },
    { title: 'ISO dates and currency symbols', locale: 'en-GB', text: 'Client;Date;Amount\nA;2024-03-15;€ 1.234,50\nB;2024-04-02;"12,00 €"\n', dates: ['2024-03-15', '2024-04-02'], amounts: [1234.5, 12] },
    { title: 'Excel serial numbers in a text file (1900 system)', locale: 'en-GB', text: 'Client,Date,Amount\nA,45366,10\nB,45384,20\n', dates: ['2024-03-15', '2024-04-02'], amounts: [10, 20] },
  ];
  it.each(cases)('$title', async ({ locale, text, dates, amounts, ambiguous }) => {
    const db = emptyDatabase();
    useLocale(db, locale);
    const path = writeCsv(tempDir(), 'f.csv', text);
    const p = await preview(db, { path, kind: 'purchases' });
    expect(p.summary.rejected).toBe(0);
    expect(!!p.formats[1].dateAmbiguous).toBe(!!ambiguous);
    await commit(db, { path, kind: 'purchases' });
    const lines = storedLines(db);
    expect(lines.map((l) => l.date)).toEqual(dates);
    expect(lines.map((l) => l.amount)).toEqual(amounts);
  });
});

describe('.xlsx workbooks', () => {
  it('date cells, formulas (cached results), rich text, hyperlinks, a merged title over the header, blank rows', async () => {
    const db = emptyDatabase();
    const path = await writeXlsx(tempDir(), 'sales.xlsx', (wb) => {
      wb.addWorksheet('Notes').addRow(['not this sheet']);
      const ws = wb.addWorksheet('Sales');
      ws.addRow(['Sales March 2024']);
      ws.mergeCells('A1:E1');
      ws.addRow(['Client', 'Date', 'Quantity', 'Unit price', 'Amount']);
      ws.addRow([{ richText: [{ text: 'Acme ' }, { font: { bold: true }, text: 'Ltd' }] }, new Date(Date.UTC(2024, 2, 15)), 2, 10.25, { formula: 'C3*D3', result: 20.5 }]);
      ws.addRow([]);
      ws.addRow([{ text: 'Beta Co', hyperlink: 'https://beta.example' }, new Date(Date.UTC(2024, 3, 2)), 1, 5, { formula: 'C5*D5', result: 5 }]);
      ws.getColumn(2).numFmt = 'yyyy-mm-dd';
    });
    const p = await preview(db, { path, kind: 'purchases', sheet: 'Sales' });
    expect(p.sheets).toEqual(['Notes', 'Sales']);
    expect(p.headerRow).toBe(1);
    expect(p.mapping).toEqual(['client', 'date', 'quantity', 'unitPrice', 'amount']);
    await commit(db, { path, kind: 'purchases', sheet: 'Sales' });
    expect(storedLines(db).map((l) => [l.client, l.date, l.quantity, l.unitPrice, l.amount])).toEqual([
      ['Acme Ltd', '2024-03-15', 2, 10.25, 20.5],
      ['Beta Co', '2024-04-02', 1, 5, 5],
    ]);
  });

  it('a 1904 workbook: date cells and bare serials both land on the right day', async () => {
    const db = emptyDatabase();
    const path = await writeXlsx(tempDir(), 'mac.xlsx', (wb) => {
      wb.properties.date1904 = true;
      const ws = wb.addWorksheet('Data');
      ws.addRow(['Client', 'Date', 'Amount']);
      ws.addRow(['A', new Date(Date.UTC(2024, 2, 15)), 10]);
      ws.addRow(['B', 43904, 20]); // a serial in the 1904 system: 2024-03-15
      ws.getCell('B2').numFmt = 'dd.mm.yyyy';
    });
    const p = await preview(db, { path, kind: 'purchases' });
    expect(p.file.date1904).toBe(true);
    await commit(db, { path, kind: 'purchases' });
    expect(storedLines(db).map((l) => l.date)).toEqual(['2024-03-15', '2024-03-15']);
  });

  it('refuses .xls, a zip bomb and a non-zip .xlsx with messages that say what to do', async () => {
    const db = emptyDatabase();
    const dir = tempDir();
    const xls = writeCsv(dir, 'old.xls', 'whatever');
    await expect(preview(db, { path: xls, kind: 'purchases' })).rejects.toThrow(/save it as \.xlsx/);
    const bomb = await zipFile(join(dir, 'bomb.xlsx'), [{ name: 'xl/worksheets/sheet1.xml', zeros: 40 * 1024 * 1024 }]);
    await expect(preview(db, { path: bomb, kind: 'purchases' })).rejects.toThrow(/zip bomb/);
    const many = await zipFile(join(dir, 'many.xlsx'), Array.from({ length: 5001 }, (_, i) => ({ name: `x/${i}`, zeros: 1 })));
    await expect(preview(db, { path: many, kind: 'purchases' })).rejects.toThrow(/5001 files inside/);
    // Sparse files: the size is refused before a byte is read.
    const huge = join(dir, 'huge.csv');
    writeFileSync(huge, '');
    truncateSync(huge, 301 * 1024 * 1024);
    await expect(preview(db, { path: huge, kind: 'purchases' })).rejects.toThrow('"huge.csv" is 301 MB; Rapport imports files up to 300 MB. Split it into smaller files.');
    const fake = writeCsv(dir, 'fake.xlsx', 'Client,Amount\nA,1\n');
    await expect(preview(db, { path: fake, kind: 'purchases' })).rejects.toThrow(/not a valid \.xlsx/);
    expect(counts(db)).toEqual({ clients: 0, purchases: 0, imports: 0 });
  });
});

describe('a file with 5% bad rows', () => {
  it('adds the good rows and reports every bad one by line with its reason', async () => {
    const db = emptyDatabase();
    const rows: string[] = ['Client,Date,Invoice,Amount'];
    for (let i = 1; i <= 100; i++) rows.push(`C${i},2024-01-${String(1 + (i % 28)).padStart(2, '0')},I${i},${i}.00`);
    rows[10] = 'C10,2024-02-30,I10,10.00'; // line 11: impossible date
    rows[20] = 'C20,2024-01-21,I20,twelve'; // line 21: not a number
    rows[30] = ',2024-01-03,I30,30.00'; // line 31: no client
    rows[40] = 'C40,2024-01-13,I40,40.00,extra'; // line 41: too many fields
    rows[50] = 'C50,"2024-01-23,I50,50.00'; // line 51: unclosed quote
    const path = writeCsv(tempDir(), 'bad.csv', rows.join('\n') + '\n');
    const r = await commit(db, { path, kind: 'purchases' });
    expect(r).toMatchObject({ rows: 100, added: 95, rejected: 5 });
    const byLine = Object.fromEntries(r.reasons.map(reasonInEnglish).flatMap((x) => x.lines.map((l) => [l, x.reason])));
    expect(byLine).toEqual({
      11: 'Date: "2024-02-30" is not a date'.replace('"2024-02-30"', 'value'),
      21: 'Amount: value is not a number',
      31: 'Client: client is empty',
      41: 'has 5 fields, expected 4',
      51: 'a quote opened on this line is never closed',
    });
    expect(storedLines(db).length).toBe(95);
    expect(r.amount).toBe(5050 - 10 - 20 - 30 - 40 - 50);
  });
});
