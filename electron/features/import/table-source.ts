import type { CsvProblem, Delimiter, Encoding } from '../../../shared/features/import/csv';
import type { RawRow } from '../../../shared/features/import/table';

// The readers' common shape, apart from the readers themselves so the CSV and workbook readers need not import each other.

export interface FileInfo {
  name: string;
  size: number;
  hash: string;
  format: 'csv' | 'xlsx';
}

/** A readable table: the first rows kept for the wizard, every row on demand. */
export interface TableSource {
  file: FileInfo;
  sheets: string[];
  sheet: string | null;
  encoding?: Encoding;
  /** The bytes were not UTF-8, so the locale's code page was assumed: the wizard asks the user to confirm the letters. */
  guessedLegacy?: boolean;
  delimiter?: Delimiter;
  date1904?: boolean;
  head: RawRow[];
  /** Rows in the file as far as a cheap count can tell (lines for CSV), for progress. */
  approxRows: number;
  /** Structural problems (unclosed quotes), known after a full pass. */
  problems: CsvProblem[];
  /** Calls `fn` for every row in order with its position; `fn` returning false stops. */
  forEach(fn: (row: RawRow, index: number) => boolean | void): void;
  /** Frees what the source holds outside memory (a large sheet's rows on disk); the source is not walked after. */
  close?(): void;
}

/** Runs `fn` over the table and closes it however `fn` ends. */
export async function withTable<T>(load: Promise<TableSource>, fn: (table: TableSource) => T | Promise<T>): Promise<T> {
  const table = await load;
  try {
    return await fn(table);
  } finally {
    table.close?.();
  }
}

export interface ReadOptions {
  sheet?: string;
  encoding?: Encoding;
  locale: string;
}
