/**
 * Day numbers (days since 1970-01-01, UTC) from the analytics store's
 * YYYYMMDD integers, by integer arithmetic: a million conversions cost a few
 * milliseconds, where building Date objects costs a hundred.
 */
export function dayOfYmd(ymd: number): number {
  let y = Math.floor(ymd / 10000);
  const m = Math.floor(ymd / 100) % 100;
  const d = ymd % 100;
  // Howard Hinnant's days_from_civil.
  y -= m <= 2 ? 1 : 0;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

export const dayOfIso = (iso: string): number => dayOfYmd(Number(iso.slice(0, 4)) * 10000 + Number(iso.slice(5, 7)) * 100 + Number(iso.slice(8, 10)));

const isoMemo = new Map<number, string>();

/** The ISO date of a day number; the few thousand days a base spans are converted once each. */
export function isoOfDay(day: number): string {
  let iso = isoMemo.get(day);
  if (iso === undefined) {
    iso = new Date(day * 86_400_000).toISOString().slice(0, 10);
    if (isoMemo.size < 100_000) isoMemo.set(day, iso);
  }
  return iso;
}

export const ymdOfIso = (iso: string): number => Number(iso.slice(0, 4)) * 10000 + Number(iso.slice(5, 7)) * 100 + Number(iso.slice(8, 10));

/** The same calendar day `years` later; 29 February becomes 28 February in a common year. */
export function addYearsIso(iso: string, years: number): string {
  const y = Number(iso.slice(0, 4)) + years;
  const md = iso.slice(5);
  const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
  return `${String(y).padStart(4, '0')}-${md === '02-29' && !leap ? '02-28' : md}`;
}
