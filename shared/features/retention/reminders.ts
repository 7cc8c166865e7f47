import { addDays, daysBetween, isBirthday } from '../../kernel/dates';
import { addYearsIso } from './days';
import type { Class, RetentionSettings } from './settings';

/**
 * The next time a birthday falls on or after `from`, as an ISO date, or
 * null when that is more than `daysAhead` days away. Birthdays known only by
 * day and month (`--MM-DD`) count; 29 February is kept on 28 February in a
 * common year, so it is never skipped.
 */
export function nextBirthday(birthday: string, from: string, daysAhead: number): string | null {
  if (!isBirthday(birthday)) return null;
  const md = birthday.startsWith('--') ? birthday.slice(2) : birthday.slice(5);
  const year = Number(from.slice(0, 4));
  for (const y of [year, year + 1]) {
    const date = addYearsIso(`2000-${md}`, y - 2000);
    const ahead = daysBetween(from, date);
    if (ahead >= 0) return ahead <= daysAhead ? date : null;
  }
  return null;
}

/** The age a birthday with a year reaches on `date`; null without the year. */
export function ageOn(birthday: string, date: string): number | null {
  if (birthday.startsWith('--')) return null;
  return Number(date.slice(0, 4)) - Number(birthday.slice(0, 4));
}

/** True when a product's name contains one of the user's gift-like / seasonal words (case and accents as typed are ignored). */
export function isSeasonal(product: string, words: readonly string[]): boolean {
  if (!product || words.length === 0) return false;
  const p = fold(product);
  return words.some((w) => w.trim() !== '' && p.includes(fold(w)));
}

const fold = (s: string) => s.normalize('NFD').replace(/\p{M}/gu, '').toLocaleLowerCase();

export type CadenceState = 'ok' | 'yellow' | 'red';

export interface Cadence {
  ideal: number;
  max: number;
}

/** A client's visit cadence: its own when set, else its class's. */
export function cadenceFor(cls: Class | null, own: Cadence | null, s: Pick<RetentionSettings, 'cadence'>): Cadence {
  return own ?? s.cadence[cls ?? 'C'];
}

/** Yellow past the ideal period, red past the maximum. */
export function cadenceState(daysSinceContact: number, c: Cadence): CadenceState {
  if (daysSinceContact > c.max) return 'red';
  if (daysSinceContact > c.ideal) return 'yellow';
  return 'ok';
}

/** The day a visit falls due: the ideal period after the last contact. */
export const visitDueDate = (lastContact: string, c: Cadence): string => addDays(lastContact, c.ideal);
