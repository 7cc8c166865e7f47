import { dateLocale } from '../../../../shared/kernel/format';
import type { AppSettings } from '../../../../shared/kernel/app-settings';

/**
 * The figures this screen shows beyond what `fmt` offers: a fixed number of
 * decimals (HHI 0.120, not 0.12), whole percentages for chart axes, and month
 * names. All through Intl in the user's locale, never by hand.
 */
export interface ScreenNumbers {
  fixed(n: number, digits: number): string;
  /** A share 0–1 as a whole percentage, for axes and labels (80%, 80 %). */
  wholePercent(fraction: number): string;
  /** 'YYYY-MM' as the locale names the month (Dec 2026, 2026. dec.). */
  month(yyyyMm: string): string;
  /** The same, with the month's full name: for sentences. */
  monthLong(yyyyMm: string): string;
}

export function screenNumbers(settings: Pick<AppSettings, 'locale' | 'calendar'>): ScreenNumbers {
  const fixed = new Map<number, Intl.NumberFormat>();
  const whole = new Intl.NumberFormat(settings.locale, { style: 'percent', maximumFractionDigits: 0 });
  const dl = dateLocale(settings.locale, settings.calendar);
  const short = new Intl.DateTimeFormat(dl, { year: 'numeric', month: 'short', timeZone: 'UTC' });
  const long = new Intl.DateTimeFormat(dl, { year: 'numeric', month: 'long', timeZone: 'UTC' });
  const at = (m: string) => new Date(`${m.slice(0, 7)}-01T00:00:00Z`);
  return {
    fixed(n, digits) {
      let f = fixed.get(digits);
      if (!f) fixed.set(digits, (f = new Intl.NumberFormat(settings.locale, { minimumFractionDigits: digits, maximumFractionDigits: digits })));
      return f.format(n);
    },
    wholePercent: (x) => whole.format(x),
    month: (m) => short.format(at(m)),
    monthLong: (m) => long.format(at(m)),
  };
}
