import { createHash } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import { basename, extname } from 'node:path';
import { Readable } from 'node:stream';
import type ExcelJS from 'exceljs';
import { dateCellToIso } from '../../../shared/features/import/dates';
import { columnLetter, MAX_COLUMNS, type RawCell, type RawRow } from '../../../shared/features/import/table';
import { message, type Message } from '../../../shared/i18n/messages';
import { AppError } from '../../errors';
import { HEAD_ROWS, readCsvFile } from './csv-source';
import type { FileInfo, ReadOptions, TableSource } from './table-source';
import { checkZipBomb } from './zip-guard';
import { RowSpool } from './row-spool';
import { inReadingOrder, WORKSHEET_PART } from './zip-order';

export const MAX_FILE_BYTES = { csv: 300 * 1024 * 1024, xlsx: 60 * 1024 * 1024 };

export type { FileInfo, ReadOptions, TableSource } from './table-source';

const oldExcel = (name: string) => new AppError('invalid_input', 'import:errors.oldExcel', { name });
const mb = (bytes: number) => Math.round(bytes / 1048576);

/** The format a file name promises; .xls and anything else are refused before a byte is read. */
export function formatOf(name: string): 'csv' | 'xlsx' {
  const ext = extname(name).toLowerCase();
  if (ext === '.xls') throw oldExcel(name);
  if (ext === '.xlsx' || ext === '.xlsm') return 'xlsx';
  if (ext === '.csv' || ext === '.txt' || ext === '.tsv') return 'csv';
  throw new AppError('invalid_input', 'import:errors.notImportable', { name });
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
    throw new AppError('not_found', 'import:errors.cannotRead', { path });
  }
  const format = formatOf(basename(path));
  const cap = MAX_FILE_BYTES[format];
  if (size > cap) throw new AppError('invalid_input', 'import:errors.tooBig', { name: basename(path), size: mb(size), max: mb(cap) });
  // CSV streams from disk (csv-source.ts); a workbook is a zip, read whole (it is capped far lower).
  if (format === 'csv') return readCsvFile(path, format, opts);
  const bytes = readFileSync(path);
  // An .xls renamed to .xlsx still starts with the OLE signature.
  if (bytes[0] === 0xd0 && bytes[1] === 0xcf && bytes[2] === 0x11 && bytes[3] === 0xe0) throw oldExcel(basename(path));
  return readXlsx(bytes, fileInfo(path, bytes, format), opts);
}

/** Why a cell cannot be read; the row holding it is refused, the value never turned into text. */
export class Unreadable {
  constructor(readonly why: Message) {}
}
/** A shared-string reference exceljs left unresolved: the workbook's text table was not read, so no text cell can be trusted. */
export const UNRESOLVED = Symbol('unresolved shared string');

// Excel writes characters XML cannot hold (NUL, most control characters) as _xHHHH_, and a literal "_x" as _x005F_x.
const XSTRING_ESCAPE = /_x([0-9A-Fa-f]{4})_/g;
const unescapeXstring = (s: string) => (s.includes('_x') ? s.replace(XSTRING_ESCAPE, (_, hex: string) => String.fromCharCode(parseInt(hex, 16))) : s);

/**
 * An exceljs cell value as the importer sees it: formulas give their cached
 * result, rich text and links their text. Anything that is not text, a
 * number, a date or a truth value is `Unreadable`, never stringified.
 */
export function cellValue(v: unknown): RawCell | Unreadable | typeof UNRESOLVED {
  if (v === null || v === undefined) return null;
  if (typeof v === 'string') return unescapeXstring(v);
  if (typeof v === 'number') return Number.isFinite(v) ? v : new Unreadable(message('import:problems.badNumber'));
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  if (v instanceof Date) return dateCellToIso(v);
  if (typeof v !== 'object') return new Unreadable(message('import:problems.badValue'));
  const o = v as Record<string, unknown>;
  if ('sharedString' in o) return UNRESOLVED;
  if (Array.isArray(o.richText)) {
    let text = '';
    for (const run of o.richText as unknown[]) {
      const t = (run as { text?: unknown } | null)?.text;
      if (typeof t === 'string') text += t;
      else if (t !== null && t !== undefined) return new Unreadable(message('import:problems.badRichText'));
    }
    return unescapeXstring(text);
  }
  if ('result' in o) return cellValue(o.result);
  if ('formula' in o || 'sharedFormula' in o) return null; // a formula never calculated: no cached value to take
  if ('text' in o || 'hyperlink' in o) return cellValue(o.text);
  // An error such as #N/A is not a value of the row: storing its code as a name or a product would be garbage.
  if ('error' in o && typeof o.error === 'string') return new Unreadable(message('import:problems.errorValue', { error: o.error }));
  return new Unreadable(message('import:problems.badValue'));
}

/**
 * One sheet row as the importer's cells. `values` is sparse (a single cell
 * in column XFD makes it 16,385 long), so only the cells that exist are
 * visited, and the row ends at its last non-empty cell.
 */
function rawRow(row: ExcelJS.Row, sheet: string, fileName: string): RawRow {
  const values = row.values as unknown[];
  const cells: RawCell[] = [];
  let unreadable: RawRow['unreadable'];
  for (const key of Object.keys(values)) {
    const col = Number(key) - 1;
    const v = cellValue(values[col + 1]);
    if (v === null || v === '') {
      if (col < MAX_COLUMNS) cells[col] = v;
      continue;
    }
    if (col >= MAX_COLUMNS) {
      throw new AppError('invalid_input', 'import:errors.sheetTooWide', { sheet, file: fileName, column: columnLetter(col), cell: `${columnLetter(col)}${row.number}`, max: MAX_COLUMNS, last: columnLetter(MAX_COLUMNS - 1) });
    }
    if (v === UNRESOLVED) {
      throw new AppError('invalid_input', 'import:errors.unresolvedText', { cell: `${columnLetter(col)}${row.number}`, sheet, file: fileName });
    }
    if (v instanceof Unreadable) {
      cells[col] = null;
      (unreadable ??= []).push({ column: col, ...message('import:problems.unreadable', { why: v.why, column: columnLetter(col) }) });
    } else cells[col] = v;
  }
  let end = cells.length;
  while (end > 0 && (cells[end - 1] === null || cells[end - 1] === '' || cells[end - 1] === undefined)) end--;
  // Holes (cells the sheet does not have) become null: the importer's rows are dense.
  const dense: RawCell[] = Array.from({ length: end }, (_, i) => cells[i] ?? null);
  return unreadable ? { line: row.number, cells: dense, unreadable } : { line: row.number, cells: dense };
}

/**
 * A stand-in for the shared-string table until the workbook's own is read.
 * exceljs parks every worksheet in a temp file while it has no table, and a
 * parked worksheet is what makes it lose the parts after it (see zip-order.ts);
 * with this in place no worksheet is parked. A workbook with a table replaces
 * it before any worksheet (inReadingOrder puts the table first); one without
 * has no shared text, and a reference anyway comes out unresolved, refused.
 */
function placeholderStrings(): unknown[] {
  return new Proxy([], { get: (t, k) => (typeof k === 'string' && /^\d+$/.test(k) ? { sharedString: Number(k) } : Reflect.get(t, k)) });
}

export async function readXlsx(bytes: Uint8Array, file: FileInfo, opts: ReadOptions): Promise<TableSource> {
  const dir = checkZipBomb(bytes);
  const ordered = inReadingOrder(bytes, dir, file.name);
  // Loaded here, not at the top: exceljs takes about a second to load, and every worker (a fit, a backup) would pay it.
  const { default: Excel } = await import('exceljs');
  const reader = new Excel.stream.xlsx.WorkbookReader(Readable.from([Buffer.from(ordered.buffer, ordered.byteOffset, ordered.byteLength)]), {
    sharedStrings: 'cache', styles: 'cache', hyperlinks: 'ignore', worksheets: 'emit', entries: 'ignore',
  } as ExcelJS.stream.xlsx.WorkbookStreamReaderOptions);
  const internals = reader as unknown as { sharedStrings?: unknown; workbookRels?: unknown; model?: { sheets?: { name: string }[] }; properties?: { model?: { date1904?: boolean } } };
  const placeholder = placeholderStrings();
  internals.sharedStrings = placeholder;
  const rows = new RowSpool();
  const head: RawRow[] = [];
  let chosen: string | null = null;
  let sheetsRead = 0;
  try {
    for await (const sheet of reader) {
      sheetsRead++;
      const name = (sheet as unknown as { name: string }).name;
      const take = chosen === null && (opts.sheet === undefined || opts.sheet === name);
      if (take) chosen = name;
      for await (const row of sheet as AsyncIterable<ExcelJS.Row>) {
        if (take) {
          const r = rawRow(row, name, file.name);
          if (head.length < HEAD_ROWS) head.push(r);
          rows.add(r);
        }
      }
    }
    rows.end();
  } catch (err) {
    rows.close();
    if (err instanceof AppError) throw err;
    // The reader's own words (English, from exceljs or unzip) are all there is to say what broke: passed on as they are.
    throw new AppError('invalid_input', 'import:errors.notWorkbook', { name: file.name, detail: err instanceof Error ? err.message : String(err) });
  }
  // The reader drops parts without a word when the zip misleads it; a part that is in the file but was not read means rows could be missing or wrong.
  const has = (name: string) => dir.entries.some((e) => e.name === name);
  const missed =
    sheetsRead < dir.entries.filter((e) => WORKSHEET_PART.test(e.name)).length ||
    (has('xl/sharedStrings.xml') && internals.sharedStrings === placeholder) ||
    (has('xl/workbook.xml') && !internals.model) ||
    (has('xl/_rels/workbook.xml.rels') && !internals.workbookRels);
  if (missed) {
    rows.close();
    throw new AppError('invalid_input', 'import:errors.incomplete', { name: file.name });
  }
  const sheets = internals.model?.sheets?.map((s) => s.name) ?? (chosen ? [chosen] : []);
  if (opts.sheet !== undefined && chosen === null) {
    rows.close();
    throw new AppError('invalid_input', 'import:errors.noSheet', { sheet: opts.sheet, sheets: sheets.join(', ') });
  }
  return {
    file, sheets, sheet: chosen, date1904: !!internals.properties?.model?.date1904,
    head, approxRows: rows.size, problems: [],
    forEach: (fn) => rows.forEach(fn),
    close: () => rows.close(),
  };
}
