import { isBirthday, isIsoDate } from './dates';
import { dateLocale } from './calendar';

type Part = 'day' | 'month' | 'year';

export interface DateEntryPattern {
  /** The order the locale writes day, month and year in. */
  order: Part[];
  /** What stands between them ('/', '.', '. '…). */
  separator: string;
  /** What follows the last part (Hungarian writes "2026. 03. 31."). */
  trailer: string;
}

const BE_OFFSET = 543;
const SAMPLE = new Date(Date.UTC(2026, 11, 31));

/** How a locale writes a short numeric date, read off Intl rather than assumed. */
export function dateEntryPattern(locale: string): DateEntryPattern {
  const parts = new Intl.DateTimeFormat(locale, { year: 'numeric', month: '2-digit', day: '2-digit', timeZone: 'UTC' }).formatToParts(SAMPLE);
  const order = parts.filter((p) => p.type === 'day' || p.type === 'month' || p.type === 'year').map((p) => p.type as Part);
  const literals = parts.filter((p) => p.type === 'literal').map((p) => p.value);
  const last = parts[parts.length - 1];
  return { order, separator: literals[0] ?? '/', trailer: last.type === 'literal' ? last.value : '' };
}

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

/** An ISO date (or a `--MM-DD` birthday) as the user types it in their locale: 31/12/2026, 2026. 12. 31., 31.12.2569 in Thai BE. */
export function formatDateEntry(iso: string | null | undefined, locale: string, calendar: 'gregory' | 'buddhist' = 'gregory'): string {
  if (!iso) return '';
  const p = dateEntryPattern(locale);
  const noYear = iso.startsWith('--');
  const [y, m, d] = noYear ? [0, Number(iso.slice(2, 4)), Number(iso.slice(5, 7))] : iso.split('-').map(Number);
  const values: Record<Part, string> = { day: pad(d), month: pad(m), year: String(calendar === 'buddhist' ? y + BE_OFFSET : y) };
  const order = noYear ? p.order.filter((x) => x !== 'year') : p.order;
  return order.map((x) => values[x]).join(p.separator) + (noYear ? '' : p.trailer);
}

/** A placeholder that shows the expected order with the locale's own digits layout (31/12/2026). */
export function dateEntryExample(locale: string, calendar: 'gregory' | 'buddhist' = 'gregory'): string {
  return formatDateEntry('2026-12-31', locale, calendar);
}

function toYear(raw: string, calendar: 'gregory' | 'buddhist'): number {
  let y = Number(raw);
  if (raw.length <= 2) y += y < 70 ? 2000 : 1900;
  // A Buddhist-era year (2569) is read as such whatever the calendar shown; a Thai user may also type one in Gregorian mode.
  if (calendar === 'buddhist' || y > 2400) y -= BE_OFFSET;
  return y;
}

/**
 * What the user typed, in their locale's order, as an ISO date; ISO itself
 * is always accepted. Null when it is not a real date. With `allowNoYear`,
 * day and month alone give a `--MM-DD` birthday.
 */
export function parseDateEntry(text: string, locale: string, calendar: 'gregory' | 'buddhist' = 'gregory', allowNoYear = false): string | null {
  const s = text.trim();
  if (!s) return null;
  if (isIsoDate(s) && Number(s.slice(0, 4)) <= 2400) return s;
  if (allowNoYear && /^--\d{2}-\d{2}$/.test(s)) return isBirthday(s) ? s : null;
  const groups = s.match(/\d+/g);
  if (!groups || groups.some((g) => g.length > 4)) return null;
  const p = dateEntryPattern(locale);
  if (groups.length === 2 && allowNoYear) {
    const order = p.order.filter((x) => x !== 'year');
    const v = Object.fromEntries(order.map((x, i) => [x, Number(groups[i])])) as Record<Part, number>;
    const out = `--${pad(v.month)}-${pad(v.day)}`;
    return isBirthday(out) ? out : null;
  }
  if (groups.length !== 3) return null;
  // A four-digit first group is a year whatever the locale says (people paste ISO-like 2026.12.31).
  const order: Part[] = groups[0].length === 4 ? ['year', 'month', 'day'] : p.order;
  const v: Record<Part, string> = { day: '', month: '', year: '' };
  order.forEach((x, i) => (v[x] = groups[i]));
  const out = `${pad(toYear(v.year, calendar), 4)}-${pad(Number(v.month))}-${pad(Number(v.day))}`;
  return isIsoDate(out) ? out : null;
}

/** The locale tag dates are entered with (so the Buddhist year is shown where it is the user's calendar). */
export const entryLocale = dateLocale;
