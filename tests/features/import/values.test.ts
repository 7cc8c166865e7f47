import { describe, expect, it } from 'vitest';
import { inEnglish } from '../../../electron/i18n';
import { decodeBytes, detectDelimiter, forEachCsvRecord, type CsvProblem, type CsvRecord } from '../../../shared/features/import/csv';
import { dateOrderTally, localeDateOrder, readDate, serialToIso } from '../../../shared/features/import/dates';

/** A whole column through the tally the importer uses. */
function guessDateFormat(values: string[], localeOrder: 'dmy' | 'mdy') {
  const tally = dateOrderTally();
  for (const v of values) tally.add(v);
  return tally.result(localeOrder, 1900);
}
import { fieldForHeader, guessHeaderRow, guessMapping } from '../../../shared/features/import/guess';
import { guessNumberStyle, readNumber, styleOfLocale } from '../../../shared/features/import/numbers';

describe('numbers as offices write them', () => {
  it('reads each style through its locale, with currency marks and accounting negatives', () => {
    expect(readNumber('1,234.50', 'dot')).toBe(1234.5);
    expect(readNumber('1.234,50', 'comma')).toBe(1234.5);
    expect(readNumber('1 234,50', 'space')).toBe(1234.5);
    expect(readNumber('1\u202f234,50', 'space')).toBe(1234.5); // French narrow no-break space
    expect(readNumber('1\u00a0234,50 Ft', 'space')).toBe(1234.5);
    expect(readNumber('€ 1.234,50', 'comma')).toBe(1234.5);
    expect(readNumber('$1,234.50', 'dot')).toBe(1234.5);
    expect(readNumber('(12.00)', 'dot')).toBe(-12);
    expect(readNumber('-7,5', 'comma')).toBe(-7.5);
    expect(readNumber('', 'dot')).toBeNull();
    // The hand-rolled mistake the issue warns about: parseFloat("1 234,50") is 1.
    expect(Number.isNaN(readNumber('1 234,50', 'dot'))).toBe(true);
    expect(Number.isNaN(readNumber('12.345,50', 'dot'))).toBe(true);
    expect(Number.isNaN(readNumber('abc', 'comma'))).toBe(true);
  });

  it('picks a column style from its values and flags columns that read two ways', () => {
    expect(guessNumberStyle(['1.234,50', '12,00', '3,5'], 'dot')).toEqual({ style: 'comma', ambiguous: false });
    expect(guessNumberStyle(['1\u202f234,50', '99,90'], 'dot')).toEqual({ style: 'space', ambiguous: false });
    expect(guessNumberStyle(['1,234.50', '0.99'], 'comma')).toEqual({ style: 'dot', ambiguous: false });
    // "1,234" is 1234 or 1.234: the user's locale decides and the wizard says so.
    expect(guessNumberStyle(['1,234', '5,678'], 'comma')).toEqual({ style: 'comma', ambiguous: true });
    expect(styleOfLocale('hu-HU')).toBe('space');
    expect(styleOfLocale('de-DE')).toBe('comma');
    expect(styleOfLocale('en-GB')).toBe('dot');
    expect(styleOfLocale('th-TH')).toBe('dot');
  });
});

describe('dates as offices write them', () => {
  const dmy = { order: 'dmy', system: 1900 } as const;
  it('reads every supported form', () => {
    expect(readDate('15.03.2024', dmy)).toBe('2024-03-15');
    expect(readDate('2024-03-15', dmy)).toBe('2024-03-15');
    expect(readDate('2024. 03. 15.', dmy)).toBe('2024-03-15'); // Hungarian
    expect(readDate('19970101', dmy)).toBe('1997-01-01'); // CDNOW
    expect(readDate('15/03/2567', dmy)).toBe('2024-03-15'); // Thai Buddhist era
    expect(readDate('03/04/2025', { order: 'mdy', system: 1900 })).toBe('2025-03-04');
    expect(readDate('03/04/2025', dmy)).toBe('2025-04-03');
    expect(readDate(45366, dmy)).toBe('2024-03-15');
    expect(readDate('45366', dmy)).toBe('2024-03-15');
    expect(readDate(43904, { order: 'dmy', system: 1904 })).toBe('2024-03-15');
    expect(readDate('2024-02-30', dmy)).toBeUndefined();
    expect(readDate('31/31/2024', dmy)).toBeUndefined();
    expect(readDate('next tuesday', dmy)).toBeUndefined();
    expect(readDate('', dmy)).toBeNull();
  });

  it('follows Excel on serials, including its 1900 leap-year bug', () => {
    expect(serialToIso(1, 1900)).toBe('1900-01-01');
    expect(serialToIso(59, 1900)).toBe('1900-02-28');
    expect(serialToIso(61, 1900)).toBe('1900-03-01');
    expect(serialToIso(0, 1904)).toBeNull();
    expect(serialToIso(1, 1904)).toBe('1904-01-02');
  });

  it('settles day/month order from the whole column and says when it could not', () => {
    expect(guessDateFormat(['03/04/2025', '13/04/2025'], 'mdy')).toEqual({ order: 'dmy', system: 1900, ambiguous: false });
    expect(guessDateFormat(['03/04/2025', '04/13/2025'], 'dmy')).toEqual({ order: 'mdy', system: 1900, ambiguous: false });
    expect(guessDateFormat(['03/04/2025', '05/06/2025'], 'mdy')).toEqual({ order: 'mdy', system: 1900, ambiguous: true });
    expect(guessDateFormat(['2025-03-04'], 'mdy')).toEqual({ order: 'ymd', system: 1900, ambiguous: false });
    expect(localeDateOrder('en-US')).toBe('mdy');
    expect(localeDateOrder('hu-HU')).toBe('dmy');
    expect(localeDateOrder('fr-FR')).toBe('dmy');
  });
});

describe('headers in six languages', () => {
  it.each([
    ['Név', 'clients', 'name'], ['Nom', 'clients', 'name'], ['Pavadinimas', 'clients', 'name'], ['ชื่อ', 'clients', 'name'], ['Имя', 'clients', 'name'],
    ['Összeg', 'purchases', 'amount'], ['Montant', 'purchases', 'amount'], ['Suma', 'purchases', 'amount'], ['จำนวนเงิน', 'purchases', 'amount'], ['Сумма', 'purchases', 'amount'],
    ['Dátum', 'purchases', 'date'], ['Date', 'purchases', 'date'], ['Data', 'purchases', 'date'], ['วันที่', 'purchases', 'date'], ['Дата', 'purchases', 'date'],
    ['Mennyiség', 'purchases', 'quantity'], ['Quantité', 'purchases', 'quantity'], ['Kiekis', 'purchases', 'quantity'], ['Количество', 'purchases', 'quantity'],
    ['  E-MAIL ', 'clients', 'email'], ['Adószám', 'clients', 'taxId'], ['customer_id', 'purchases', 'client'], ['Dátum (teljesítés)', 'purchases', 'date'],
  ] as const)('%s → %s.%s', (header, kind, field) => {
    expect(fieldForHeader(kind, header)).toBe(field);
  });

  it('finds the header under a title row, and no header when the file starts with data', () => {
    const titled = [
      { line: 1, cells: ['Sales 2024', null, null, null] },
      { line: 2, cells: ['Ügyfél', 'Dátum', 'Mennyiség', 'Összeg'] },
      { line: 3, cells: ['A1', '2024-01-02', 1, 10] },
    ];
    expect(guessHeaderRow('purchases', titled)).toBe(1);
    const bare = [{ line: 1, cells: ['00001', '19970101', '1', '11.77'] }, { line: 2, cells: ['00002', '19970112', '1', '12.00'] }];
    expect(guessHeaderRow('purchases', bare)).toBe(-1);
    // Without headers the values decide: a zero-padded code, a date, a whole-number count, an amount.
    expect(guessMapping('purchases', ['Column A', 'Column B', 'Column C', 'Column D'], bare, false)).toEqual(['client', 'date', 'quantity', 'amount']);
  });
});

describe('CSV text', () => {
  const parse = (text: string, d = detectDelimiter(text)) => {
    const records: CsvRecord[] = [];
    const problems: CsvProblem[] = [];
    forEachCsvRecord(text, d, (r) => void records.push(r), (p) => problems.push(p));
    return { records, problems };
  };

  it('detects the separator', () => {
    expect(detectDelimiter('a;b;c\n1;2,5;3\n')).toBe(';');
    expect(detectDelimiter('a,b,c\n1,"2,5",3\n')).toBe(',');
    expect(detectDelimiter('a\tb\n1\t2\n')).toBe('\t');
    expect(detectDelimiter(' 00001 19970101  1   11.77\n 00002 19970112  1   12.00\n')).toBe('whitespace');
  });

  it('keeps quoted separators, doubled quotes and line breaks, and counts physical lines', () => {
    const { records, problems } = parse('name,notes\r\n"Acme, Ltd","said ""hi""\nthen left"\r\n\r\nBeta,ok\r\n', ',');
    expect(problems).toEqual([]);
    expect(records).toEqual([
      { line: 1, cells: ['name', 'notes'] },
      { line: 2, cells: ['Acme, Ltd', 'said "hi"\nthen left'] },
      { line: 5, cells: ['Beta', 'ok'] },
    ]);
  });

  it('reports an unclosed quote at its line and reads on from the next line', () => {
    const { records, problems } = parse('a,b\n1,2\n"3,4\n5,6\n', ',');
    // The line travels beside the problem's key; "Line 3: …" is how the two read together.
    expect(problems.map((p) => ({ line: p.line, message: `Line ${p.line}: ${inEnglish(p.key, p.params)}` }))).toEqual([{ line: 3, message: 'Line 3: a quote opened on this line is never closed' }]);
    expect(records.map((r) => r.line)).toEqual([1, 2, 4]);
  });

  it('decodes UTF-8 with and without BOM, and falls back to the locale code page', () => {
    const text = 'Név;Összeg\nŐrség Kft;1 234,50\n';
    const utf8 = new TextEncoder().encode(text);
    expect(decodeBytes(utf8, 'hu-HU')).toMatchObject({ text, encoding: 'utf-8', bom: false, guessedLegacy: false });
    expect(decodeBytes(new Uint8Array([0xef, 0xbb, 0xbf, ...utf8]), 'hu-HU')).toMatchObject({ text, bom: true });
    // Excel's "Unicode text" export: UTF-16 little-endian with a BOM.
    expect(decodeBytes(new Uint8Array([0xff, 0xfe, ...Buffer.from(text, 'utf16le')]), 'hu-HU')).toMatchObject({ text, encoding: 'utf-16le', bom: true });
    // "Ő" is 0xD5 in windows-1250: not valid UTF-8, so the Hungarian code page is offered.
    const cp1250 = new Uint8Array([0xd5, 0x72, 0x73, 0xe9, 0x67]);
    expect(decodeBytes(cp1250, 'hu-HU')).toMatchObject({ text: 'Őrség', encoding: 'windows-1250', guessedLegacy: true });
    expect(decodeBytes(cp1250, 'fr-FR', 'windows-1252').text).toBe('Õrség');
  });
});
