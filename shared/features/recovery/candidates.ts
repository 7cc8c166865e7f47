import { addDays, addMonths, parseIsoDate } from '../../kernel/dates';
import { rhythmDays } from '../retention';
import type { CandidateReason } from './enums';
import type { RecoverySettings } from './settings';

const DAY_MS = 86_400_000;

/** Days since 1970-01-01: what the retention rhythm takes. */
export const dayNumber = (iso: string): number => Math.round(parseIsoDate(iso).getTime() / DAY_MS);

/** The same from an integer YYYYMMDD. */
export const dayNumberOfKey = (k: number): number => Math.round(Date.UTC(Math.floor(k / 10000), (Math.floor(k / 100) % 100) - 1, k % 100) / DAY_MS);

/** The two windows compared: the last N days up to `asOf`, and the same calendar days a year before (both ends inclusive). */
export function candidateWindows(asOf: string, s: Pick<RecoverySettings, 'fallWindowDays'>) {
  const recentFrom = addDays(asOf, 1 - s.fallWindowDays);
  return { recentFrom, recentTo: asOf, beforeFrom: addMonths(recentFrom, -12), beforeTo: addMonths(asOf, -12) };
}

export interface HistoryFacts {
  /** Distinct purchase days up to `asOf` as day numbers, ascending. */
  days: readonly number[];
  asOfDay: number;
  revenueRecent: number;
  revenueYearBefore: number;
}

export interface Judgement {
  reasons: CandidateReason[];
  rhythmDays: number | null;
  overdueAfterDays: number | null;
  daysSinceLastPurchase: number;
  change: number | null;
}

/**
 * Whether one client's history says it may be lost. Overdue: no purchase for
 * longer than `overdueFactor` times its own median gap. Fell: the recent
 * window's revenue is down by more than `fallShare` on the same days a year
 * before — judged only for clients that normally buy within such a window, so
 * a client that buys once a season and has not come yet is never "fell".
 */
export function judgeHistory(h: HistoryFacts, s: Pick<RecoverySettings, 'overdueFactor' | 'fallShare' | 'fallWindowDays'>): Judgement {
  const rhythm = rhythmDays(h.days);
  const last = h.days.length ? h.days[h.days.length - 1] : h.asOfDay;
  const daysSince = h.asOfDay - last;
  const overdueAfter = rhythm === null ? null : s.overdueFactor * rhythm;
  const reasons: CandidateReason[] = [];
  if (overdueAfter !== null && h.days.length > 0 && daysSince > overdueAfter) reasons.push('overdue');
  const change = h.revenueYearBefore > 0 ? h.revenueRecent / h.revenueYearBefore - 1 : null;
  const buysWithinWindow = rhythm !== null && rhythm <= s.fallWindowDays;
  if (buysWithinWindow && change !== null && -change > s.fallShare) reasons.push('fell');
  return { reasons, rhythmDays: rhythm, overdueAfterDays: overdueAfter, daysSinceLastPurchase: daysSince, change };
}
