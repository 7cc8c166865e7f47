import { dateLocale } from './calendar';
import { formatDateEntry } from './date-entry';

export { dateLocale };

export interface Formatters {
  money(n: number | null | undefined): string;
  number(n: number | null | undefined, digits?: number): string;
  percent(fraction: number | null | undefined): string;
  date(iso: string | null | undefined): string;
  /** A moment (an ISO timestamp) in the user's local time. */
  dateTime(iso: string | null | undefined): string;
  /** A date as the user types it (31/12/2026, 2026. 12. 31.): for hints and examples. */
  entry(iso: string): string;
}

/** All numbers, money and dates go through Intl with the user's locale; nothing is formatted by hand. */
export function makeFormatters(locale: string, currency: string, calendar: 'gregory' | 'buddhist' = 'gregory'): Formatters {
  const money = new Intl.NumberFormat(locale, { style: 'currency', currency });
  const pct = new Intl.NumberFormat(locale, { style: 'percent', minimumFractionDigits: 1, maximumFractionDigits: 1 });
  const dl = dateLocale(locale, calendar);
  const date = new Intl.DateTimeFormat(dl, { year: 'numeric', month: 'short', day: 'numeric', timeZone: 'UTC' });
  const dateTime = new Intl.DateTimeFormat(dl, { year: 'numeric', month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit' });
  const numbers = new Map<number, Intl.NumberFormat>();
  const num = (digits: number) => {
    if (!numbers.has(digits)) numbers.set(digits, new Intl.NumberFormat(locale, { maximumFractionDigits: digits }));
    return numbers.get(digits)!;
  };
  return {
    money: (n) => (n === null || n === undefined ? '' : money.format(n)),
    number: (n, digits = 2) => (n === null || n === undefined ? '' : num(digits).format(n)),
    percent: (f) => (f === null || f === undefined ? '' : pct.format(f)),
    date: (iso) => {
      if (!iso) return '';
      if (iso.startsWith('--')) {
        return new Intl.DateTimeFormat(dl, { month: 'long', day: 'numeric', timeZone: 'UTC' }).format(new Date(`2000-${iso.slice(2)}T00:00:00Z`));
      }
      return date.format(new Date(`${iso.slice(0, 10)}T00:00:00Z`));
    },
    dateTime: (iso) => (iso ? dateTime.format(new Date(iso)) : ''),
    entry: (iso) => formatDateEntry(iso, locale, calendar),
  };
}

/** Spreadsheet programs run a cell that starts like a formula; prefix it so exported text stays text. */
export function neutraliseFormula(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}
