import type { Message } from '../../i18n/messages';

/** A cell as the readers hand it over: CSV gives text; .xlsx gives numbers, text and ISO dates (date cells). */
export type RawCell = string | number | null;

/**
 * The widest row the readers accept. A stray value in column XFD (16,384)
 * would otherwise make every row that wide in memory; real tables end long
 * before this.
 */
export const MAX_COLUMNS = 1000;

export interface RawRow {
  /** 1-based line (CSV) or row number (sheet), for messages. */
  line: number;
  cells: RawCell[];
  /**
   * Cells the reader could not turn into text, a number or a date (left null
   * in `cells`), with why. A row using one is refused rather than imported
   * with a guess.
   */
  unreadable?: (Message & { column: number })[];
}

export function cellText(c: RawCell): string {
  if (c === null) return '';
  return typeof c === 'number' ? String(c) : c;
}

/** A, B, …, Z, AA: how spreadsheets name columns, for headerless files and messages. */
export function columnLetter(index: number): string {
  let s = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}
