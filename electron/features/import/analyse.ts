import { detectFormats, type ColumnFormat } from '../../../shared/features/import/convert';
import { localeDateOrder } from '../../../shared/features/import/dates';
import { fieldTypeOf, IMPORT_FIELDS, type ImportKind, type PortraitImportField } from '../../../shared/features/import/fields';
import { fieldMessage, quoted } from '../../../shared/features/import/messages';
import { guessHeaderRow, guessMapping, headerNames } from '../../../shared/features/import/guess';
import { styleOfLocale } from '../../../shared/features/import/numbers';
import type { RawRow } from '../../../shared/features/import/table';
import type { ImportSpec } from '../../../shared/features/import/types';
import { message } from '../../../shared/i18n/messages';
import { AppError } from '../../errors';
import type { TableSource } from './table-source';

const SAMPLE_ROWS = 5_000;

export interface Resolved {
  kind: ImportKind;
  headerRow: number;
  width: number;
  headers: string[];
  mapping: (string | null)[];
  formats: ColumnFormat[];
  missingFields: string[];
  /** The portrait fields offered besides the kind's own (portrait.ts: portraitFieldsOf). */
  portrait: readonly PortraitImportField[];
}

/** The most common row width among the first rows: the width every data row should have. */
function expectedWidth(head: readonly RawRow[], headerRow: number): number {
  if (headerRow >= 0) {
    const cells = head[headerRow]?.cells ?? [];
    let w = cells.length;
    while (w > 0 && (cells[w - 1] === null || cells[w - 1] === '')) w--;
    const dataMax = Math.max(0, ...head.slice(headerRow + 1).map((r) => r.cells.length));
    return Math.max(w, Math.min(dataMax, cells.length));
  }
  const counts = new Map<number, number>();
  for (const r of head) counts.set(r.cells.length, (counts.get(r.cells.length) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1])[0]?.[0] ?? 0;
}

/** The column names at a header row, without guessing or reading any further. */
export const headersAt = (table: TableSource, headerRow: number): string[] => headerNames(table.head, headerRow, expectedWidth(table.head, headerRow));

/** Header row, mapping and column formats: the user's where given, guessed where not; `portrait`: the portrait fields a clients file may map to. */
export function resolve(table: TableSource, spec: ImportSpec, locale: string, portrait: readonly PortraitImportField[] = []): Resolved {
  const headerRow = spec.headerRow ?? guessHeaderRow(spec.kind, table.head, portrait);
  if (headerRow >= table.head.length && table.head.length > 0) throw new AppError('invalid_input', 'import:errors.headerBeyond', { rows: table.head.length, row: headerRow + 1 });
  const width = expectedWidth(table.head, headerRow);
  const headers = headerNames(table.head, headerRow, width);
  const fields = new Set([...IMPORT_FIELDS[spec.kind], ...portrait].map((f) => f.key));
  let mapping: (string | null)[];
  if (spec.mapping) {
    if (spec.mapping.length !== width) throw new AppError('invalid_input', 'import:errors.mappingWidth', { given: spec.mapping.length, width });
    const bad = spec.mapping.find((f) => f !== null && !fields.has(f));
    if (bad) throw new AppError('invalid_input', 'import:errors.notAField', { field: bad, kind: message(`import:kindNames.${spec.kind}`), fields: [...IMPORT_FIELDS[spec.kind].map((f) => fieldMessage(f.key)), ...portrait.map((f) => quoted(f.label))] });
    const seen = new Set<string>();
    for (const f of spec.mapping) {
      if (f && seen.has(f)) throw new AppError('invalid_input', 'import:errors.mappedTwice', { field: f });
      if (f) seen.add(f);
    }
    mapping = spec.mapping;
  } else {
    mapping = guessMapping(spec.kind, headers, table.head.slice(headerRow + 1), headerRow >= 0, portrait);
  }
  const opts = { preferredStyle: styleOfLocale(locale), localeOrder: localeDateOrder(locale), dateSystem: (table.date1904 ? 1904 : 1900) as 1900 | 1904 };
  const formats = settled(spec, mapping, portrait) ? mapping.map((_, i) => ({ ...(spec.formats?.[i] ?? {}) })) : detect(table, spec, mapping, headerRow, opts, portrait);
  const mapped = new Set(mapping.filter((f): f is string => f !== null));
  const missingFields = IMPORT_FIELDS[spec.kind].filter((f) => f.required && !mapped.has(f.key)).map((f) => f.key);
  if (spec.kind === 'purchases' && !mapped.has('amount') && !mapped.has('unitPrice')) missingFields.push('amount');
  return { kind: spec.kind, headerRow, width, headers, mapping, formats, missingFields, portrait };
}

/**
 * Whether the spec already says how every number and date column reads, as
 * a previous resolve wrote it (the wizard sends the preview's formats with
 * its commit): then the file need not be read to find out again.
 */
function settled(spec: ImportSpec, mapping: (string | null)[], portrait: readonly PortraitImportField[]): boolean {
  return mapping.every((key, i) => {
    const type = key ? fieldTypeOf(spec.kind, key, portrait) : undefined;
    const f = spec.formats?.[i];
    if (type === 'number') return !!f?.numberStyle && f.numberAmbiguous !== undefined;
    if (type === 'date') return !!f?.dateOrder && !!f.dateSystem && f.dateAmbiguous !== undefined;
    return true;
  });
}

function detect(table: TableSource, spec: ImportSpec, mapping: (string | null)[], headerRow: number, opts: Parameters<typeof detectFormats>[3], portrait: readonly PortraitImportField[]): ColumnFormat[] {
  // The first rows usually settle every format; only an undecided date column needs the whole file
  // (one "13/02" on line 90,000 decides dd/mm).
  let more = false;
  const sampled = detectFormats(spec.kind, mapping, (visit) => table.forEach((r, i) => {
    if (i > headerRow + SAMPLE_ROWS) return !(more = true);
    if (i > headerRow) visit(r);
  }), opts, portrait);
  const detected = sampled.some((f) => f.dateAmbiguous) && more
    ? detectFormats(spec.kind, mapping, (visit) => table.forEach((r, i) => void (i > headerRow && visit(r))), opts, portrait)
    : sampled;
  return detected.map((d, i) => ({ ...d, ...(spec.formats?.[i] ?? {}) }));
}
