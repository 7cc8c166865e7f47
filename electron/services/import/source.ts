import { createHash } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import { basename, extname } from 'node:path';
import { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import { decodeBytes, detectDelimiter, forEachCsvRecord, type CsvProblem, type Delimiter, type Encoding } from '../../../shared/import/csv';
import { dateCellToIso } from '../../../shared/import/dates';
import type { RawCell, RawRow } from '../../../shared/import/table';
import { AppError } from '../errors';
import { checkZipBomb } from './zip-guard';

export const MAX_FILE_BYTES = { csv: 300 * 1024 * 1024, xlsx: 60 * 1024 * 1024 };

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
}

export interface ReadOptions {
  sheet?: string;
  encoding?: Encoding;
  locale: string;
}

const oldExcel = (name: string) =>
  new AppError('invalid_input', `"${name}" is an old Excel 97–2003 (.xls) file. Open it in Excel or LibreOffice, save it as .xlsx (Excel Workbook), and import that.`);

/** The format a file name promises; .xls and anything else are refused before a byte is read. */
function formatOf(name: string): 'csv' | 'xlsx' {
  const ext = extname(name).toLowerCase();
  if (ext === '.xls') throw oldExcel(name);
  if (ext === '.xlsx' || ext === '.xlsm') return 'xlsx';
  if (ext === '.csv' || ext === '.txt' || ext === '.tsv') return 'csv';
  throw new AppError('invalid_input', `"${name}" is not a file Rapport can import. Use an Excel workbook (.xlsx) or a CSV/text file (.csv, .txt).`);
}

export function fileInfo(path: string, bytes: Uint8Array, format: 'csv' | 'xlsx'): FileInfo {
  return { name: basename(path), size: bytes.length, hash: createHash('sha256').update(bytes).digest('hex'), format };
}

/** Reads a file from disk, refusing what is too big or of the wrong kind before parsing. */
export async function openTable(path: string, opts: ReadOptions): Promise<TableSource> {
  let size: number;
  try {
    size = statSync(path).size;
  } catch {
    throw new AppError('not_found', `The file ${path} cannot be read: it does not exist or is not accessible.`);
  }
  const format = formatOf(basename(path));
  const cap = MAX_FILE_BYTES[format];
  if (size > cap) throw new AppError('invalid_input', `"${basename(path)}" is ${Math.round(size / 1048576)} MB; Rapport imports files up to ${Math.round(cap / 1048576)} MB. Split it into smaller files.`);
  const bytes = readFileSync(path);
  // An .xls renamed to .csv or .xlsx still starts with the OLE signature.
  if (bytes[0] === 0xd0 && bytes[1] === 0xcf && bytes[2] === 0x11 && bytes[3] === 0xe0) throw oldExcel(basename(path));
  const info = fileInfo(path, bytes, format);
  return format === 'xlsx' ? readXlsx(bytes, info, opts) : readCsv(bytes, info, opts);
}

export function readCsv(bytes: Uint8Array, file: FileInfo, opts: ReadOptions): TableSource {
  const decoded = decodeBytes(bytes, opts.locale, opts.encoding);
  const delimiter = detectDelimiter(decoded.text);
  const problems: CsvProblem[] = [];
  const forEach = (fn: (row: RawRow, index: number) => boolean | void) => {
    problems.length = 0;
    let i = 0;
    forEachCsvRecord(decoded.text, delimiter, (r) => fn(r as RawRow, i++), (p) => problems.push(p));
  };
  const head: RawRow[] = [];
  forEachCsvRecord(decoded.text, delimiter, (r) => (head.push(r), head.length < 30), () => {});
  let approxRows = 0;
  for (let i = decoded.text.indexOf('\n'); i >= 0; i = decoded.text.indexOf('\n', i + 1)) approxRows++;
  return { file, sheets: [], sheet: null, encoding: decoded.encoding, guessedLegacy: decoded.guessedLegacy, delimiter, head, approxRows: approxRows + 1, problems, forEach };
}

/** An exceljs cell value as the importer sees it: formulas give their cached result, rich text and links their text. */
export function cellValue(v: unknown): RawCell {
  if (v === null || v === undefined) return null;
  if (typeof v === 'number' || typeof v === 'string') return v;
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  if (v instanceof Date) return dateCellToIso(v);
  if (typeof v === 'object') {
    const o = v as Record<string, unknown>;
    if (Array.isArray(o.richText)) return (o.richText as { text: string }[]).map((t) => t.text).join('');
    if ('result' in o) return cellValue(o.result);
    if ('formula' in o || 'sharedFormula' in o) return null; // a formula never calculated: no cached value to take
    if (typeof o.text === 'string' || 'hyperlink' in o) return cellValue(o.text);
    if ('error' in o) return String(o.error);
  }
  return String(v);
}

export async function readXlsx(bytes: Uint8Array, file: FileInfo, opts: ReadOptions): Promise<TableSource> {
  checkZipBomb(bytes);
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from([Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)]), {
    sharedStrings: 'cache', styles: 'cache', hyperlinks: 'ignore', worksheets: 'emit', entries: 'ignore',
  } as ExcelJS.stream.xlsx.WorkbookStreamReaderOptions);
  const rows: RawRow[] = [];
  let chosen: string | null = null;
  try {
    for await (const sheet of reader) {
      const name = (sheet as unknown as { name: string }).name;
      const take = chosen === null && (opts.sheet === undefined || opts.sheet === name);
      if (take) chosen = name;
      for await (const row of sheet as AsyncIterable<ExcelJS.Row>) {
        if (!take) continue;
        const values = row.values as unknown[];
        const cells: RawCell[] = [];
        for (let c = 1; c < values.length; c++) cells.push(cellValue(values[c]));
        rows.push({ line: row.number, cells });
      }
    }
  } catch (err) {
    if (err instanceof AppError) throw err;
    throw new AppError('invalid_input', `"${file.name}" could not be read as an Excel workbook: ${err instanceof Error ? err.message : String(err)}. Open it in Excel and save it again as .xlsx.`);
  }
  const model = (reader as unknown as { model?: { sheets?: { name: string }[] }; properties?: { model?: { date1904?: boolean } } });
  const sheets = model.model?.sheets?.map((s) => s.name) ?? (chosen ? [chosen] : []);
  if (opts.sheet !== undefined && chosen === null) throw new AppError('invalid_input', `The workbook has no sheet named "${opts.sheet}". Its sheets are: ${sheets.join(', ')}.`);
  return {
    file, sheets, sheet: chosen, date1904: !!model.properties?.model?.date1904,
    head: rows.slice(0, 30), approxRows: rows.length, problems: [],
    forEach: (fn) => {
      for (let i = 0; i < rows.length; i++) if (fn(rows[i], i) === false) return;
    },
  };
}
