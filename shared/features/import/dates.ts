import { isIsoDate, toIsoDate } from '../../kernel/dates';

/**
 * How a date column is written. Day/month order is decided for the whole
 * column ("03/04/2025" alone cannot say), serial numbers follow the file's
 * date system (Excel for Mac wrote 1904 serials for years).
 */
export const DATE_ORDERS = ['ymd', 'dmy', 'mdy'] as const;
export type DateOrder = (typeof DATE_ORDERS)[number];
export type DateSystem = 1900 | 1904;

export interface DateColumnFormat {
  order: DateOrder;
  system: DateSystem;
}

export interface DateGuess extends DateColumnFormat {
  /** Every value fits both dd/mm and mm/dd: the order came from the locale; the wizard says so. */
  ambiguous: boolean;
}

const YMD = /^(\d{4})[-./\s]\s*(\d{1,2})[-./\s]\s*(\d{1,2})\.?(?:[ T]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/;
const COMPACT = /^(\d{4})(\d{2})(\d{2})$/;
const DAY_FIRST = /^(\d{1,2})[-./](\d{1,2})[-./](\d{4}|\d{2})\.?(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?$/;
const SERIAL = /^\d{1,6}(?:\.\d+)?$/;
const DAY_MS = 86_400_000;
/** Serial 0 is 1899-12-30 in the 1900 system (Excel's 1900 leap-year bug shifts every date after February 1900 by one). */
const EPOCH_1900 = Date.UTC(1899, 11, 30);
const EPOCH_1904 = Date.UTC(1904, 0, 1);

/** Thai Buddhist-era years run 543 ahead; nobody books a sale after 2400 AD. */
function fixYear(y: number): number {
  if (y < 100) return y < 70 ? 2000 + y : 1900 + y;
  return y > 2400 ? y - 543 : y;
}

function iso(y: number, m: number, d: number): string | null {
  const s = `${String(fixYear(y)).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
  return isIsoDate(s) ? s : null;
}

export function serialToIso(serial: number, system: DateSystem): string | null {
  if (!Number.isFinite(serial) || serial < 1 || serial > 2_958_465) return null;
  const base = system === 1904 ? EPOCH_1904 : serial < 61 ? EPOCH_1900 + DAY_MS : EPOCH_1900;
  return toIsoDate(new Date(base + Math.floor(serial) * DAY_MS));
}

/** An Excel date cell arrives as a Date at UTC midnight of the shown day; BE years are fixed like typed ones. */
export function dateCellToIso(d: Date): string | null {
  if (Number.isNaN(d.getTime())) return null;
  return iso(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate());
}

/** Reads one date value; null for empty, undefined for unreadable. */
export function readDate(value: string | number, fmt: DateColumnFormat): string | null | undefined {
  if (typeof value === 'number') return serialToIso(value, fmt.system) ?? undefined;
  const s = value.trim();
  if (s === '') return null;
  let m = YMD.exec(s) ?? COMPACT.exec(s);
  if (m) return iso(+m[1], +m[2], +m[3]) ?? undefined;
  m = DAY_FIRST.exec(s);
  if (m) {
    const [a, b] = [+m[1], +m[2]];
    return (fmt.order === 'mdy' ? iso(+m[3], a, b) : iso(+m[3], b, a)) ?? undefined;
  }
  if (SERIAL.test(s)) return serialToIso(Number(s), fmt.system) ?? undefined;
  return undefined;
}

/**
 * Decides day/month order from every value of the column: a first part
 * above 12 proves dd/mm, a second part above 12 proves mm/dd; if nothing
 * proves either, the locale's order is used and flagged as ambiguous.
 */
/** Counts evidence for day/month order value by value, so a million-line column needs no copy of its values. */
export function dateOrderTally() {
  let dayFirst = 0;
  let monthFirst = 0;
  let slashLike = 0;
  let ymd = 0;
  return {
    add(v: string | number | null | undefined): void {
      if (typeof v !== 'string') return;
      const t = v.trim();
      const m = DAY_FIRST.exec(t);
      if (m) {
        slashLike++;
        if (+m[1] > 12) dayFirst++;
        if (+m[2] > 12) monthFirst++;
      } else if (YMD.test(t) || COMPACT.test(t)) ymd++;
    },
    result(localeOrder: 'dmy' | 'mdy', system: DateSystem): DateGuess {
      if (slashLike === 0) return { order: ymd > 0 ? 'ymd' : localeOrder, system, ambiguous: false };
      if (dayFirst > 0 && monthFirst === 0) return { order: 'dmy', system, ambiguous: false };
      if (monthFirst > 0 && dayFirst === 0) return { order: 'mdy', system, ambiguous: false };
      // Both proven (a mixed column) or neither: the locale decides and the user is told.
      return { order: localeOrder, system, ambiguous: true };
    },
  };
}

export function localeDateOrder(locale: string): 'dmy' | 'mdy' {
  const parts = new Intl.DateTimeFormat(locale, { timeZone: 'UTC' }).formatToParts(new Date(Date.UTC(2025, 10, 22)));
  // Year-first locales (hu-HU "2025. 11. 22.") write day-before-month when they do write d/m.
  const first = parts.find((p) => p.type === 'day' || p.type === 'month' || p.type === 'year');
  return first?.type === 'month' ? 'mdy' : 'dmy';
}
