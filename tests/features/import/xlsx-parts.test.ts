import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { cellValue, Unreadable, UNRESOLVED } from '../../../electron/features/import/source';
import { checkZipBomb, zipEntries } from '../../../electron/features/import/zip-guard';
import { inReadingOrder } from '../../../electron/features/import/zip-order';
import { MAX_COLUMNS } from '../../../shared/features/import/table';
import { emptyDatabase, tempDir } from '../../helpers/db';
import { partContents, partOrder, reorderParts, writeCsv, writeXlsx } from '../../helpers/fixtures';
import { commit, counts, preview, reasonInEnglish, storedLines } from '../../helpers/importing';

const SHEET = 'xl/worksheets/sheet1.xml';
const STRINGS = 'xl/sharedStrings.xml';

/** Three clients (one twice) whose names only the shared-string table holds. */
function salesBook(wb: ExcelJS.Workbook): void {
  const ws = wb.addWorksheet('Sales');
  ws.addRow(['Client', 'Date', 'Invoice', 'Product', 'Quantity', 'Amount']);
  ws.addRow(['Őrség Kft', new Date(Date.UTC(2024, 2, 15)), 'A-1', 'Tea', 2, 10.5]);
  ws.addRow(['Société Générale', new Date(Date.UTC(2024, 2, 16)), 'A-2', 'Café', 1, 7.25]);
  ws.addRow(['บริษัท สยาม', new Date(Date.UTC(2024, 2, 17)), 'A-3', 'ชา', 3, 12]);
  ws.addRow(['Őrség Kft', new Date(Date.UTC(2024, 2, 18)), 'A-4', 'Tea', 1, 5.25]);
  ws.getColumn(2).numFmt = 'yyyy-mm-dd';
}

const line = (client: string, date: string, invoice: string, product: string, quantity: number, amount: number) => ({ client, code: null, date, invoice, product, quantity, unitPrice: null, amount, currency: null });
const SALES = [
  line('Őrség Kft', '2024-03-15', 'A-1', 'Tea', 2, 10.5),
  line('Société Générale', '2024-03-16', 'A-2', 'Café', 1, 7.25),
  line('บริษัท สยาม', '2024-03-17', 'A-3', 'ชา', 3, 12),
  line('Őrség Kft', '2024-03-18', 'A-4', 'Tea', 1, 5.25),
];

/** Column A as exceljs' streaming reader hands it over, read the way the importer reads (the whole file as one chunk). */
async function columnAAsExceljsStreamsIt(path: string): Promise<unknown[]> {
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from([readFileSync(path)]), { sharedStrings: 'cache', styles: 'cache', worksheets: 'emit' } as ExcelJS.stream.xlsx.WorkbookStreamReaderOptions);
  const out: unknown[] = [];
  for await (const sheet of reader) for await (const row of sheet as AsyncIterable<ExcelJS.Row>) out.push((row.values as unknown[])[1]);
  return out;
}

/** Everything else first, then the worksheet, then the shared strings last: the layout exceljs loses the strings of. */
const sheetBeforeStrings = (names: string[]) => [...names.filter((n) => n !== SHEET && n !== STRINGS), SHEET, STRINGS];

describe('.xlsx parts in any order (exceljs #683)', () => {
  it('a worksheet stored before sharedStrings.xml imports exactly the lines of the same workbook laid out normally', async () => {
    const dir = tempDir();
    const normal = await writeXlsx(dir, 'sales.xlsx', salesBook);
    const reordered = await reorderParts(normal, join(dir, 'sales-reordered.xlsx'), sheetBeforeStrings);

    // The fixture is the bad case: the sheet precedes the strings, and exceljs alone gives objects, not names.
    const order = partOrder(readFileSync(reordered));
    expect(order.indexOf(SHEET)).toBeLessThan(order.indexOf(STRINGS));
    const names = ['Client', 'Őrség Kft', 'Société Générale', 'บริษัท สยาม', 'Őrség Kft'];
    expect(await columnAAsExceljsStreamsIt(normal)).toEqual(names);
    const broken = await columnAAsExceljsStreamsIt(reordered);
    expect(broken).toEqual([{ sharedString: 0 }, { sharedString: 6 }, { sharedString: 9 }, { sharedString: 12 }, { sharedString: 6 }]);
    expect(broken.map(String)).toEqual(Array(5).fill('[object Object]')); // what the importer used to store as the client

    for (const path of [normal, reordered]) {
      const db = emptyDatabase();
      const p = await preview(db, { path, kind: 'purchases' });
      expect(p.mapping).toEqual(['client', 'date', 'invoice', 'product', 'quantity', 'amount']);
      expect(p.head[1]).toEqual(['Őrség Kft', '2024-03-15', 'A-1', 'Tea', 2, 10.5]);
      const r = await commit(db, { path, kind: 'purchases' });
      expect(r).toMatchObject({ rows: 4, added: 4, rejected: 0, clientsCreated: 3 });
      expect(storedLines(db)).toEqual(SALES);
      expect(counts(db)).toEqual({ clients: 3, purchases: 4, imports: 1 });
    }
  });

  it('the reordered archive puts what exceljs needs first, copies every part intact, and leaves a well-ordered file alone', async () => {
    const dir = tempDir();
    const bad = readFileSync(await reorderParts(await writeXlsx(dir, 'a.xlsx', salesBook), join(dir, 'b.xlsx'), sheetBeforeStrings));
    const fixed = inReadingOrder(bad, checkZipBomb(bad), 'b.xlsx');
    expect(partOrder(fixed)).toEqual(['xl/workbook.xml', 'xl/_rels/workbook.xml.rels', STRINGS, 'xl/styles.xml', ...partOrder(bad).filter((n) => !n.startsWith('xl/') || n.startsWith('xl/theme/')), SHEET]);
    // jszip checks every CRC: the data descriptors and the new central directory are right.
    expect(await partContents(fixed)).toEqual(await partContents(bad));
    expect(inReadingOrder(fixed, checkZipBomb(fixed), 'b.xlsx')).toBe(fixed);
  });

  it('an archive whose parts are not where its directory says is refused, naming the file, before anything is imported', async () => {
    const dir = tempDir();
    const bytes = readFileSync(await reorderParts(await writeXlsx(dir, 'a.xlsx', salesBook), join(dir, 'b.xlsx'), sheetBeforeStrings));
    const sheet = zipEntries(bytes).find((e) => e.name === SHEET)!;
    bytes[sheet.localOffset] = 0; // the worksheet's local header no longer starts with its signature
    const path = join(dir, 'broken.xlsx');
    writeFileSync(path, bytes);
    const db = emptyDatabase();
    await expect(preview(db, { path, kind: 'purchases' })).rejects.toThrow(/^"broken\.xlsx" is damaged inside \(the part "xl\/worksheets\/sheet1\.xml" is not where the zip directory says\).*save it again as \.xlsx/);
    expect(counts(db)).toEqual({ clients: 0, purchases: 0, imports: 0 });
  });

  it('a worksheet referring to shared text in a workbook without sharedStrings.xml is refused, naming the sheet and the cell', async () => {
    const dir = tempDir();
    const path = await reorderParts(await writeXlsx(dir, 'a.xlsx', salesBook), join(dir, 'no-strings.xlsx'), (names) => names.filter((n) => n !== STRINGS));
    expect((await columnAAsExceljsStreamsIt(path))[1]).toEqual({ sharedString: 6 });
    const db = emptyDatabase();
    await expect(preview(db, { path, kind: 'purchases' })).rejects.toThrow('Cell A1 on the sheet "Sales" in "no-strings.xlsx" refers to the workbook\'s table of texts, which could not be read. Open the file in Excel, save it again as .xlsx (Excel Workbook) and import that.');
  });
});

describe('cell values the importer cannot read', () => {
  it('an object of a kind it does not know is Unreadable, never text', () => {
    for (const v of [{ someday: 'a new exceljs value' }, { richText: [{ text: { nested: true } }] }, Symbol('x'), 10n, NaN, Infinity]) {
      expect(cellValue(v)).toBeInstanceOf(Unreadable);
    }
    expect(cellValue({ sharedString: 3 })).toBe(UNRESOLVED);
    expect(cellValue({ richText: [{ text: 'Acme ' }, { text: 'Ltd' }] })).toBe('Acme Ltd');
    expect(cellValue({ formula: 'A1', result: 'Beta' })).toBe('Beta');
  });

  it('an error value (#N/A, #REF!) rejects its row with the column named instead of being stored as text', async () => {
    const db = emptyDatabase();
    const path = await writeXlsx(tempDir(), 'errors.xlsx', (wb) => {
      const ws = wb.addWorksheet('Sales');
      ws.addRow(['Client', 'Date', 'Product', 'Amount']);
      ws.addRow(['Alpha', '2024-03-15', 'Tea', 10]);
      ws.addRow([{ error: '#N/A' }, '2024-03-16', 'Tea', 20]);
      ws.addRow(['Beta', '2024-03-17', { error: '#REF!' }, 30]);
    });
    const r = await commit(db, { path, kind: 'purchases' });
    expect(r).toMatchObject({ rows: 3, added: 1, rejected: 2 });
    expect(r.reasons.map(reasonInEnglish)).toEqual([
      { reason: 'Client: holds the error #N/A (column A)', count: 1, lines: [3] },
      { reason: 'Product: holds the error #REF! (column C)', count: 1, lines: [4] },
    ]);
    expect(storedLines(db).map((l) => [l.client, l.product])).toEqual([['Alpha', 'Tea']]);
  });

  it('U+0000 in a CSV cell rejects the row with the column named; nothing with it is stored', async () => {
    const db = emptyDatabase();
    const path = writeCsv(tempDir(), 'nul.csv', 'Client,Date,Invoice,Amount\nAcme\u0000 Ltd,2024-03-15,I-1,10\nBeta,2024-03-16,I\u00002,20\nGamma,2024-03-17,I-3,30\n');
    const r = await commit(db, { path, kind: 'purchases' });
    expect(r).toMatchObject({ rows: 3, added: 1, rejected: 2 });
    expect(r.reasons.map(reasonInEnglish)).toEqual([
      { reason: 'Client: contains the invisible character U+0000 (NUL), which Rapport does not store', count: 1, lines: [2] },
      { reason: 'Invoice: contains the invisible character U+0000 (NUL), which Rapport does not store', count: 1, lines: [3] },
    ]);
    expect(storedLines(db)).toEqual([{ client: 'Gamma', code: null, date: '2024-03-17', invoice: 'I-3', product: null, quantity: 1, unitPrice: null, amount: 30, currency: null }]);
  });

  it('U+0000 in an .xlsx cell (Excel writes it as _x0000_) rejects the row with the column named; other escapes are read', async () => {
    const db = emptyDatabase();
    const path = await writeXlsx(tempDir(), 'nul.xlsx', (wb) => {
      const ws = wb.addWorksheet('Sales');
      ws.addRow(['Client', 'Date', 'Amount']);
      ws.addRow(['Acme_x0000_Ltd', '2024-03-15', 10]);
      ws.addRow(['Zoë_x0020_Café', '2024-03-16', 20]);
    });
    const r = await commit(db, { path, kind: 'purchases' });
    expect(r).toMatchObject({ rows: 2, added: 1, rejected: 1 });
    expect(r.reasons.map(reasonInEnglish)).toEqual([{ reason: 'Client: contains the invisible character U+0000 (NUL), which Rapport does not store', count: 1, lines: [2] }]);
    expect(storedLines(db).map((l) => l.client)).toEqual(['Zoë Café']);
  });
});

describe('width cap', () => {
  it('a sheet with values in column XFD is refused with the sheet and the column named', async () => {
    const db = emptyDatabase();
    const path = await writeXlsx(tempDir(), 'wide.xlsx', (wb) => {
      const ws = wb.addWorksheet('Wide');
      ws.addRow(['Client', 'Date', 'Amount']);
      for (let i = 0; i < 200; i++) {
        const row = ws.addRow([`C${i}`, '2024-03-15', i]);
        row.getCell(16_384).value = 'stray';
      }
    });
    await expect(preview(db, { path, kind: 'purchases' })).rejects.toThrow(`The sheet "Wide" in "wide.xlsx" has a value in column XFD (cell XFD2); Rapport reads at most ${MAX_COLUMNS} columns (A to ALL).`);
  });

  it('a value in the last column allowed is read; styled empty cells out to XFD are not a width', async () => {
    const db = emptyDatabase();
    const path = await writeXlsx(tempDir(), 'edge.xlsx', (wb) => {
      const ws = wb.addWorksheet('Edge');
      ws.addRow(['Client', 'Date', 'Amount']);
      for (let i = 0; i < 200; i++) {
        const row = ws.addRow([`C${i}`, '2024-03-15', i]);
        row.getCell(16_384).style = { font: { bold: true } }; // formatting, no value
      }
      ws.getRow(2).getCell(MAX_COLUMNS).value = 'note';
    });
    const p = await preview(db, { path, kind: 'purchases' });
    expect(p.head[1].length).toBe(MAX_COLUMNS);
    expect(p.head[1][MAX_COLUMNS - 1]).toBe('note');
    expect(p.head[2]).toEqual(['C1', '2024-03-15', 1]);
  });

  it(`a CSV record of more than ${MAX_COLUMNS} fields is rejected by line; the rest is imported`, async () => {
    const db = emptyDatabase();
    const wide = ['Wide', ...Array<string>(MAX_COLUMNS).fill('1')].join(',');
    const path = writeCsv(tempDir(), 'wide.csv', `Client,Date,Amount\n${wide}\n"Quoted, wide",${wide}\nGood,2024-03-15,5\n`);
    const r = await commit(db, { path, kind: 'purchases' });
    expect(r).toMatchObject({ rows: 3, added: 1, rejected: 2 });
    expect(r.reasons.map(reasonInEnglish)).toEqual([{ reason: `has more than ${MAX_COLUMNS} fields; Rapport reads at most ${MAX_COLUMNS} columns`, count: 2, lines: [2, 3] }]);
    expect(storedLines(db).map((l) => [l.client, l.amount])).toEqual([['Good', 5]]);
  });
});
