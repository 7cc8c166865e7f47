import { neutraliseFormula } from '../../kernel/format';
import type { ExportColumn } from './types';

/**
 * CSV the way a spreadsheet in the user's locale opens it with a double
 * click: the locale's list separator (";" wherever the decimal mark is a
 * comma, as Excel does), numbers with the locale's decimal mark and no
 * grouping, dates as yyyy-mm-dd (read as real dates everywhere), a
 * birthday without its year as day and month, and a BOM so the letters
 * survive. No title row: the file can be imported again as it is.
 */

export type CsvValue = string | number | boolean | null;

/** The decimal mark of a locale, from Intl. */
export function decimalMark(locale: string): string {
  return new Intl.NumberFormat(locale).formatToParts(1.5).find((p) => p.type === 'decimal')?.value ?? '.';
}

/** ";" where the decimal mark is a comma (hu, fr, lt, ru…), "," where it is a point (en, th). */
export const csvSeparator = (locale: string): ';' | ',' => (decimalMark(locale) === ',' ? ';' : ',');

const YEARLESS = /^--(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}/;

export interface CsvOptions {
  locale: string;
  /** Words for true and false in the user's language. */
  yes: string;
  no: string;
}

/** Builds the cell writer once per file: Intl formatters are not made per cell. */
function cellWriter(opts: CsvOptions, sep: string) {
  const number = new Intl.NumberFormat(opts.locale, { useGrouping: false, maximumFractionDigits: 10 });
  const dayMonth = new Intl.DateTimeFormat(opts.locale, { day: 'numeric', month: 'long', timeZone: 'UTC' });
  const needsQuotes = new RegExp(`["\\r\\n${sep === ';' ? ';' : ','}]`);
  const quote = (s: string) => (needsQuotes.test(s) || s !== s.trim() ? `"${s.replace(/"/g, '""')}"` : s);
  return (kind: ExportColumn['kind'], v: CsvValue): string => {
    if (v === null || v === '') return '';
    switch (kind) {
      case 'integer':
      case 'number':
      case 'money':
        return typeof v === 'number' && Number.isFinite(v) ? quote(number.format(v)) : '';
      case 'percent':
        // Excel reads "12,5%" as the number 0.125 in a locale with a decimal comma.
        return typeof v === 'number' && Number.isFinite(v) ? quote(`${number.format(Math.round(v * 1e8) / 1e6)}%`) : '';
      case 'date':
        if (typeof v !== 'string') return '';
        if (YEARLESS.test(v)) return quote(dayMonth.format(Date.UTC(2000, Number(v.slice(2, 4)) - 1, Number(v.slice(5, 7)))));
        return ISO_DATE.test(v) ? v.slice(0, 10) : quote(neutraliseFormula(v));
      case 'boolean':
        return typeof v === 'boolean' ? quote(v ? opts.yes : opts.no) : '';
      default:
        return quote(neutraliseFormula(String(v)));
    }
  };
}

/** Lines of one CSV file, for writing a row at a time: `start` is the BOM and the header row; every line ends with CRLF. */
export function csvWriter(columns: readonly ExportColumn[], opts: CsvOptions): { start: string; line(row: readonly CsvValue[]): string } {
  const sep = csvSeparator(opts.locale);
  const cell = cellWriter(opts, sep);
  return {
    start: `\uFEFF${columns.map((c) => cell('text', c.header)).join(sep)}\r\n`,
    line: (r) => `${columns.map((c, i) => cell(c.kind, r[i] ?? null)).join(sep)}\r\n`,
  };
}

/** A whole grid as CSV text: the header row, then one line per row. */
export function gridCsv(columns: readonly ExportColumn[], rows: readonly (readonly CsvValue[])[], opts: CsvOptions): string {
  const w = csvWriter(columns, opts);
  let out = w.start;
  for (const r of rows) out += w.line(r);
  return out;
}
