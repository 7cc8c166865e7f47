import { addDays, addMonths, daysBetween } from '../../kernel/dates';

/** A period of whole days, both ends inclusive. */
export interface Period {
  from: string;
  to: string;
}

/** The twelve months ending on `asOf`, inclusive: 2026-06-30 gives 2025-07-01 … 2026-06-30. */
export const lastTwelveMonths = (asOf: string): Period => ({ from: addDays(addMonths(asOf, -12), 1), to: asOf });

/** The period of the same length that ends the day before `p` starts. */
export function previousPeriod(p: Period): Period {
  const days = daysBetween(p.from, p.to);
  const to = addDays(p.from, -1);
  return { from: addDays(to, -days), to };
}

/** The same calendar days `years` earlier (growth compares like with like). */
export const shiftYears = (p: Period, years: number): Period => ({ from: addMonths(p.from, -12 * years), to: addMonths(p.to, -12 * years) });

/** YYYY-MM-DD as the integer YYYYMMDD: order-preserving, so ranges compare as numbers. */
export function dayKey(iso: string): number {
  return (
    (iso.charCodeAt(0) - 48) * 10_000_000 + (iso.charCodeAt(1) - 48) * 1_000_000 + (iso.charCodeAt(2) - 48) * 100_000 + (iso.charCodeAt(3) - 48) * 10_000 +
    (iso.charCodeAt(5) - 48) * 1000 + (iso.charCodeAt(6) - 48) * 100 + (iso.charCodeAt(8) - 48) * 10 + (iso.charCodeAt(9) - 48)
  );
}

/** Calendar months touched by the period, as YYYY-MM, oldest first. */
export function monthsOf(p: Period): string[] {
  const out: string[] = [];
  let m = `${p.from.slice(0, 7)}-01`;
  while (m.slice(0, 7) <= p.to.slice(0, 7)) {
    out.push(m.slice(0, 7));
    m = addMonths(m, 1);
  }
  return out;
}
