import { describe, expect, it } from 'vitest';
import { csvSeparator, decimalMark, gridCsv } from '../../../shared/features/export/csv';
import type { ExportColumn } from '../../../shared/features/export/types';

const COLUMNS: ExportColumn[] = [
  { header: 'Name', kind: 'text' }, { header: 'Revenue', kind: 'money' }, { header: 'Share', kind: 'percent' },
  { header: 'Last purchase', kind: 'date' }, { header: 'Birthday', kind: 'date' }, { header: 'Key', kind: 'boolean' },
];
const ROWS = [
  ['Orion Supply; Kft', 12345.5, 0.125, '2026-03-04', '--12-08', true],
  ['=HYPERLINK("x")', -3, null, null, '1961-12-08', false],
] as const;

describe('CSV in the locale the user works in', () => {
  it('uses ";" where the decimal mark is a comma and "," where it is a point', () => {
    for (const locale of ['hu-HU', 'fr-FR', 'lt-LT', 'ru-RU', 'de-DE']) expect([locale, decimalMark(locale), csvSeparator(locale)]).toEqual([locale, ',', ';']);
    for (const locale of ['en-GB', 'en-US', 'th-TH']) expect([locale, decimalMark(locale), csvSeparator(locale)]).toEqual([locale, '.', ',']);
  });

  it('hu-HU: semicolons, decimal commas without grouping, real dates, a birthday without its year, formulas neutralised', () => {
    const text = gridCsv(COLUMNS, ROWS.map((r) => [...r]), { locale: 'hu-HU', yes: 'Igen', no: 'Nem' });
    expect(text.startsWith('\uFEFF')).toBe(true);
    expect(text.slice(1).split('\r\n')).toEqual([
      'Name;Revenue;Share;Last purchase;Birthday;Key',
      '"Orion Supply; Kft";12345,5;12,5%;2026-03-04;december 8.;Igen',
      `"'=HYPERLINK(""x"")";-3;;;1961-12-08;Nem`,
      '',
    ]);
  });

  it('en-GB: commas, decimal points, and a separator inside a value is quoted', () => {
    const text = gridCsv(COLUMNS, [['Smith, Jones & Co', 1234.5, 0.5, '2026-01-31', '--02-29', false]], { locale: 'en-GB', yes: 'Yes', no: 'No' });
    expect(text.slice(1).split('\r\n')[1]).toBe('"Smith, Jones & Co",1234.5,50%,2026-01-31,29 February,No');
  });
});
