import { message, type Message } from '../../i18n/messages';
import { dateOrderTally, readDate, type DateOrder, type DateSystem } from './dates';
import { FIELD_NOUNS, fieldOf, fieldTypeOf, type ImportKind, type PortraitImportField } from './fields';
import { guessNumberStyle, readNumber, type NumberStyle } from './numbers';
import { quoted } from './messages';
import { cellText, type RawCell, type RawRow } from './table';

/** How one mapped column is read; detected from the column, changeable by the user. */
export interface ColumnFormat {
  numberStyle?: NumberStyle;
  numberAmbiguous?: boolean;
  dateOrder?: DateOrder;
  dateSystem?: DateSystem;
  dateAmbiguous?: boolean;
}

export type FieldValue = string | number | null;
/** A value as it will be stored: a portrait field, once read by its kind, may hold yes/no or a list. */
export type StoredValue = FieldValue | boolean | string[];
/** What is wrong with one cell, as a key and parameters (import:problems.*). */
export interface CellProblem extends Message {
  column: number;
  field: string;
}
export interface ConvertedRow {
  line: number;
  /** What the columns read as; the clients handler turns some into what is stored (a manager's id, a portrait's list: StoredValue). */
  values: Record<string, FieldValue>;
  problems: CellProblem[];
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const MAX_TEXT = 500;
const TOO_LONG = message('import:problems.tooLong', { max: MAX_TEXT });

/** Detects number style and date order for every mapped number/date column from all its values. */
export function detectFormats(
  kind: ImportKind,
  mapping: readonly (string | null)[],
  eachRow: (visit: (r: RawRow) => void) => void,
  opts: { preferredStyle: NumberStyle; localeOrder: 'dmy' | 'mdy'; dateSystem: DateSystem },
  portrait: readonly PortraitImportField[] = [],
): ColumnFormat[] {
  const formats: ColumnFormat[] = mapping.map(() => ({}));
  const numberCols: number[] = [];
  const dateCols: number[] = [];
  mapping.forEach((f, i) => {
    const type = f ? fieldTypeOf(kind, f, portrait) : undefined;
    if (type === 'number') numberCols.push(i);
    if (type === 'date') dateCols.push(i);
  });
  const numberValues = numberCols.map(() => [] as string[]);
  const dateTallies = dateCols.map(() => dateOrderTally());
  eachRow((r) => {
    numberCols.forEach((c, k) => {
      const v = r.cells[c];
      // A sample is enough to tell styles apart; dates need every value (one "13/02" settles a column).
      if (typeof v === 'string' && v.trim() !== '' && numberValues[k].length < 5000) numberValues[k].push(v);
    });
    dateCols.forEach((c, k) => {
      dateTallies[k].add(r.cells[c]);
    });
  });
  numberCols.forEach((c, k) => {
    const g = guessNumberStyle(numberValues[k], opts.preferredStyle);
    formats[c] = { numberStyle: g.style, numberAmbiguous: g.ambiguous };
  });
  dateCols.forEach((c, k) => {
    const g = dateTallies[k].result(opts.localeOrder, opts.dateSystem);
    formats[c] = { dateOrder: g.order, dateSystem: g.system, dateAmbiguous: g.ambiguous };
  });
  return formats;
}

const PLAIN_DOT = /^-?\d+(?:\.\d+)?$/;
const PLAIN_COMMA = /^-?\d+(?:,\d+)?$/;

/** Reads a number cell; plain forms skip the full locale reader, which matters at a million rows. */
function numberCell(c: RawCell, fmt: ColumnFormat): number | null | undefined {
  if (typeof c === 'number') return c;
  if (c === null) return null;
  const style = fmt.numberStyle ?? 'dot';
  if (style === 'dot' ? PLAIN_DOT.test(c) : PLAIN_COMMA.test(c)) return Number(style === 'dot' ? c : c.replace(',', '.'));
  const n = readNumber(c, style);
  return n !== null && Number.isNaN(n) ? undefined : n;
}

type Reader = (cell: RawCell) => { value: FieldValue; problem?: Message };

/** Values repeat (dates, prices): each column remembers what it already read, up to a bound. */
function memo(read: Reader): Reader {
  const seen = new Map<RawCell, ReturnType<Reader>>();
  return (cell) => {
    let r = seen.get(cell);
    if (r === undefined) {
      r = read(cell);
      if (seen.size < 50_000) seen.set(cell, r);
    }
    return r;
  };
}

function readerFor(type: string, fmt: ColumnFormat | undefined): Reader {
  const f = fmt ?? {};
  switch (type) {
    case 'number':
      return memo((cell) => {
        const n = numberCell(cell, f);
        return n === undefined ? { value: null, problem: message('import:problems.notNumber', { value: quoted(cellText(cell).trim()) }) } : { value: n };
      });
    case 'date': {
      const dateFmt = { order: f.dateOrder ?? 'dmy', system: f.dateSystem ?? 1900 } as const;
      return memo((cell) => {
        const d = cell === null ? null : readDate(cell, dateFmt);
        return d === undefined ? { value: null, problem: message('import:problems.notDate', { value: quoted(cellText(cell).trim()) }) } : { value: d };
      });
    }
    default:
      return (cell) => {
        const text = typeof cell === 'number' ? String(cell) : cellText(cell).trim();
        if (text.length > MAX_TEXT) return { value: null, problem: TOO_LONG };
        if (type === 'email' && text !== '' && !EMAIL.test(text)) return { value: null, problem: message('import:problems.notEmail', { value: quoted(text) }) };
        return { value: text === '' ? null : text };
      };
  }
}

// U+0000 is never part of a name or an invoice number: it comes from binary junk or a UTF-16 file read
// byte-wise, and tools that meet it (exports, the clipboard, C libraries) cut the text there.
const NUL = '\u0000';
const NUL_PROBLEM = message('import:problems.nul');

/** Why a cell is refused before its column's reader sees it, if it is. */
function refusal(row: RawRow, column: number, cell: RawCell): Message | undefined {
  const u = row.unreadable?.find((x) => x.column === column);
  if (u) return message(u.key, u.params);
  return typeof cell === 'string' && cell.includes(NUL) ? NUL_PROBLEM : undefined;
}

export interface RowConverter {
  (row: RawRow): ConvertedRow;
}

/** Builds the per-column readers once; the returned function turns one row into field values, with a problem on every cell that cannot be read. */
export function rowConverter(kind: ImportKind, mapping: readonly (string | null)[], formats: readonly ColumnFormat[], portrait: readonly PortraitImportField[] = []): RowConverter {
  const cols: { index: number; key: string; empty: Message | null; read: Reader }[] = [];
  mapping.forEach((key, index) => {
    const field = key ? fieldOf(kind, key) : undefined;
    const type = key ? fieldTypeOf(kind, key, portrait) : undefined;
    // `field` is the field's name inside a sentence ("client is empty"); `label` its name on screen, for languages that use that.
    const empty = field?.required ? message('import:problems.empty', { field: { key: FIELD_NOUNS[field.key] }, label: { key: field.label } }) : null;
    if (key && type) cols.push({ index, key, empty, read: readerFor(type, formats[index]) });
  });
  return (row) => {
    const values: Record<string, FieldValue> = {};
    let problems: CellProblem[] | null = null;
    for (const c of cols) {
      const cell = row.cells[c.index] ?? null;
      const refused = refusal(row, c.index, cell);
      if (refused) {
        values[c.key] = null;
        (problems ??= []).push({ column: c.index, field: c.key, ...refused });
        continue;
      }
      const r = c.read(cell);
      values[c.key] = r.value;
      if (r.problem) (problems ??= []).push({ column: c.index, field: c.key, ...r.problem });
      else if (c.empty && r.value === null) (problems ??= []).push({ column: c.index, field: c.key, ...c.empty });
    }
    return { line: row.line, values, problems: problems ?? [] };
  };
}
