import { dateLocale } from './calendar';
import { formatDateEntry } from './date-entry';
import { parseLocaleNumber } from './numbers';

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

const ANY_SPACE = /[ \u00a0\u202f\u2009]/g;

/**
 * A number typed into a form. As `parseLocaleNumber`, and a space of any kind
 * may also group thousands whatever the locale: people write "45 000" in
 * en-GB too, and it can only mean forty-five thousand. Anything else that the
 * locale would not write is still refused (NaN), never guessed.
 */
export function parseNumberEntry(text: string, locale: string): number | null {
  const direct = parseLocaleNumber(text, locale);
  if (direct === null || !Number.isNaN(direct)) return direct;
  const m = /^([-+\u2212]?)(\d{1,3}(?:[ \u00a0\u202f\u2009]\d{3})+)((?:\D.*)?)$/.exec(text.trim());
  if (!m) return Number.NaN;
  return parseLocaleNumber(`${m[1]}${m[2].replace(ANY_SPACE, '')}${m[3]}`, locale);
}

/**
 * A website as people type it ("orion.example", "www.orion.example/shop"):
 * `https://` is put in front when no scheme is given. Text with a scheme of
 * its own (javascript:, mailto:, ftp:) is left as it is for the address check
 * to refuse, and so is anything that would not become a plain host with a dot
 * (an e-mail address, a word): the user sees the message instead of a guess.
 */
export function completeWebsite(text: string): string {
  const s = text.trim();
  if (s === '') return s;
  const hostPort = /^[^/:@\s]+:\d+(\/|$)/.test(s);
  if (/^[a-z][a-z0-9+.-]*:/i.test(s) && !hostPort) return s;
  const candidate = s.startsWith('//') ? `https:${s}` : `https://${s}`;
  try {
    const url = new URL(candidate);
    if (url.username || url.password || !url.hostname.includes('.')) return s;
  } catch {
    return s;
  }
  return candidate;
}
