import { readDate } from './dates';
import { foldHeader, IMPORT_FIELDS, type ImportKind, type PortraitImportField } from './fields';
import { readNumber } from './numbers';
import { cellText, type RawCell, type RawRow } from './table';

const aliasIndex = new Map<ImportKind, Map<string, string>>();
function aliasesOf(kind: ImportKind): Map<string, string> {
  let m = aliasIndex.get(kind);
  if (!m) {
    m = new Map();
    for (const f of IMPORT_FIELDS[kind]) for (const a of [f.key, ...f.aliases]) if (!m.has(foldHeader(a))) m.set(foldHeader(a), f.key);
    aliasIndex.set(kind, m);
  }
  return m;
}

const withPortrait = new WeakMap<readonly PortraitImportField[], Map<string, string>>();
/** The kind's aliases, then the portrait fields' labels: a header the app's own words already name keeps that field. */
function exactAliases(kind: ImportKind, portrait: readonly PortraitImportField[]): Map<string, string> {
  if (!portrait.length) return aliasesOf(kind);
  let m = withPortrait.get(portrait);
  if (!m) {
    m = new Map(aliasesOf(kind));
    for (const f of portrait) for (const a of [...f.aliases, f.key]) if (!m.has(foldHeader(a))) m.set(foldHeader(a), f.key);
    withPortrait.set(portrait, m);
  }
  return m;
}

/**
 * The field a header names, by exact alias, then by an alias the header
 * starts with ("Dátum (teljesítés)"). A portrait field only by its label
 * itself: the user's words are no list of synonyms to guess from.
 */
export function fieldForHeader(kind: ImportKind, header: string, portrait: readonly PortraitImportField[] = []): string | null {
  const folded = foldHeader(header);
  if (folded === '') return null;
  const exact = exactAliases(kind, portrait).get(folded);
  if (exact) return exact;
  let best: [string, number] | null = null;
  for (const [alias, key] of aliasesOf(kind)) {
    if (alias.length >= 3 && (folded.startsWith(`${alias} `) || folded.endsWith(` ${alias}`)) && (!best || alias.length > best[1])) best = [key, alias.length];
  }
  return best?.[0] ?? null;
}

function looksLikeData(c: RawCell): boolean {
  if (typeof c === 'number') return true;
  const t = cellText(c).trim();
  return t !== '' && (readNumber(t, 'dot') !== null && !Number.isNaN(readNumber(t, 'dot')!) || readDate(t, { order: 'dmy', system: 1900 }) !== undefined && /\d/.test(t));
}

/**
 * The header row among the first rows: the first row that names known
 * fields, else the first wide row of text over a data row; -1 when the file
 * starts with data (CDNOW has no header). Title rows ("Sales 2024", merged
 * across the top) are skipped because they are narrow.
 */
export function guessHeaderRow(kind: ImportKind, rows: readonly RawRow[], portrait: readonly PortraitImportField[] = []): number {
  const sample = rows.slice(0, 30);
  const width = (r: RawRow) => r.cells.filter((c) => cellText(c).trim() !== '').length;
  const widest = Math.max(0, ...sample.map(width));
  for (let i = 0; i < sample.length; i++) {
    const cells = sample[i].cells.filter((c) => cellText(c).trim() !== '');
    if (cells.length < Math.max(1, Math.ceil(widest * 0.6))) continue;
    const named = cells.filter((c) => typeof c === 'string' && fieldForHeader(kind, c, portrait)).length;
    if (named >= Math.min(2, cells.length)) return i;
    if (cells.every((c) => !looksLikeData(c))) return i;
    return -1;
  }
  return -1;
}

/** The header row's texts, '' for a column it does not name (messages then name it by letter: see columnName). */
export function headerNames(rows: readonly RawRow[], headerRow: number, columns: number): string[] {
  const header = headerRow >= 0 ? rows[headerRow]?.cells ?? [] : [];
  return Array.from({ length: columns }, (_, i) => cellText(header[i] ?? null).trim());
}

type Shape = 'empty' | 'date' | 'integer' | 'decimal' | 'code' | 'email' | 'text';

function shapeOf(c: RawCell): Shape {
  if (c === null) return 'empty';
  if (typeof c === 'number') return Number.isInteger(c) ? 'integer' : 'decimal';
  const t = c.trim();
  if (t === '') return 'empty';
  if (/^\d{4}-\d{2}-\d{2}$|^\d{1,2}[./]\d{1,2}[./]\d{2,4}\.?$|^(19|20|25)\d{2}(0[1-9]|1[0-2])([0-2]\d|3[01])$/.test(t)) return 'date';
  if (/^0\d+$/.test(t)) return 'code';
  if (/^-?\d+$/.test(t)) return 'integer';
  if (/^-?[\d\s\u00a0\u202f.,]+$/.test(t) && /\d/.test(t)) return 'decimal';
  if (/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(t)) return 'email';
  return 'text';
}

/** The shape most non-empty cells of a column have. */
function columnShape(rows: readonly RawRow[], col: number): Shape {
  const counts = new Map<Shape, number>();
  for (const r of rows) {
    const s = shapeOf(r.cells[col] ?? null);
    if (s !== 'empty') counts.set(s, (counts.get(s) ?? 0) + 1);
  }
  let best: Shape = 'empty';
  let n = 0;
  for (const [s, c] of counts) if (c > n) [best, n] = [s, c];
  return best;
}

/**
 * A field for every column: by header name first, then by what the values
 * look like for the fields still free (dates, e-mails, a leading code column,
 * a whole-number quantity and a decimal amount). Each field is used once.
 */
export function guessMapping(kind: ImportKind, headers: readonly string[], dataRows: readonly RawRow[], hasHeader: boolean, portrait: readonly PortraitImportField[] = []): (string | null)[] {
  const mapping: (string | null)[] = headers.map(() => null);
  const used = new Set<string>();
  if (hasHeader) {
    headers.forEach((h, i) => {
      const f = fieldForHeader(kind, h, portrait);
      if (f && !used.has(f)) {
        mapping[i] = f;
        used.add(f);
      }
    });
  }
  const sample = dataRows.slice(0, 200);
  const shapes = headers.map((_, i) => columnShape(sample, i));
  const claim = (field: string, want: (s: Shape, i: number) => boolean) => {
    if (used.has(field) || !IMPORT_FIELDS[kind].some((f) => f.key === field)) return;
    const i = shapes.findIndex((s, idx) => mapping[idx] === null && want(s, idx));
    if (i >= 0) {
      mapping[i] = field;
      used.add(field);
    }
  };
  claim('date', (s) => s === 'date');
  claim('email', (s) => s === 'email');
  if (kind === 'purchases') {
    claim('client', (s) => s === 'code' || s === 'text' || s === 'integer');
    claim('amount', (s) => s === 'decimal');
    claim('quantity', (s) => s === 'integer');
  } else {
    claim('code', (s) => s === 'code');
    claim('name', (s) => s === 'text');
  }
  return mapping;
}
