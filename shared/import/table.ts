/** A cell as the readers hand it over: CSV gives text; .xlsx gives numbers, text and ISO dates (date cells). */
export type RawCell = string | number | null;

export interface RawRow {
  /** 1-based line (CSV) or row number (sheet), for messages. */
  line: number;
  cells: RawCell[];
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
