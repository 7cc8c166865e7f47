import { detectFormats, type ColumnFormat } from '../../../shared/features/import/convert';
import { localeDateOrder } from '../../../shared/features/import/dates';
import { IMPORT_FIELDS, type ImportKind } from '../../../shared/features/import/fields';
import { guessHeaderRow, guessMapping, headerNames } from '../../../shared/features/import/guess';
import { styleOfLocale } from '../../../shared/features/import/numbers';
import type { RawRow } from '../../../shared/features/import/table';
import type { ImportSpec } from '../../../shared/features/import/types';
import { AppError } from '../../errors';
import type { TableSource } from './source';

const SAMPLE_ROWS = 5_000;

export interface Resolved {
  kind: ImportKind;
  headerRow: number;
  width: number;
  headers: string[];
  mapping: (string | null)[];
  formats: ColumnFormat[];
  missingFields: string[];
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

/** Header row, mapping and column formats: the user's where given, guessed where not. */
export function resolve(table: TableSource, spec: ImportSpec, locale: string): Resolved {
  const headerRow = spec.headerRow ?? guessHeaderRow(spec.kind, table.head);
  if (headerRow >= table.head.length && table.head.length > 0) throw new AppError('invalid_input', 'import:errors.headerBeyond', { rows: table.head.length, row: headerRow + 1 });
  const width = expectedWidth(table.head, headerRow);
  const headers = headerNames(table.head, headerRow, width);
  const fields = new Set(IMPORT_FIELDS[spec.kind].map((f) => f.key));
  let mapping: (string | null)[];
  if (spec.mapping) {
    if (spec.mapping.length !== width) throw new AppError('invalid_input', 'import:errors.mappingWidth', { given: spec.mapping.length, width });
    const bad = spec.mapping.find((f) => f !== null && !fields.has(f));
    if (bad) throw new AppError('invalid_input', 'import:errors.notAField', { field: bad, kind: spec.kind, fields: [...fields].join(', ') });
    const seen = new Set<string>();
    for (const f of spec.mapping) {
      if (f && seen.has(f)) throw new AppError('invalid_input', 'import:errors.mappedTwice', { field: f });
      if (f) seen.add(f);
    }
    mapping = spec.mapping;
  } else {
    mapping = guessMapping(spec.kind, headers, table.head.slice(headerRow + 1), headerRow >= 0);
  }
  const opts = { preferredStyle: styleOfLocale(locale), localeOrder: localeDateOrder(locale), dateSystem: (table.date1904 ? 1904 : 1900) as 1900 | 1904 };
  // The first rows usually settle every format; only an undecided date column needs the whole file
  // (one "13/02" on line 90,000 decides dd/mm).
  const sampled = detectFormats(spec.kind, mapping, (visit) => table.forEach((r, i) => (i > headerRow && visit(r), i < headerRow + SAMPLE_ROWS)), opts);
  const detected = sampled.some((f) => f.dateAmbiguous) && table.approxRows > headerRow + SAMPLE_ROWS
    ? detectFormats(spec.kind, mapping, (visit) => table.forEach((r, i) => void (i > headerRow && visit(r))), opts)
    : sampled;
  const formats = detected.map((d, i) => ({ ...d, ...(spec.formats?.[i] ?? {}) }));
  const mapped = new Set(mapping.filter((f): f is string => f !== null));
  const missingFields = IMPORT_FIELDS[spec.kind].filter((f) => f.required && !mapped.has(f.key)).map((f) => f.key);
  if (spec.kind === 'purchases' && !mapped.has('amount') && !mapped.has('unitPrice')) missingFields.push('amount');
  return { kind: spec.kind, headerRow, width, headers, mapping, formats, missingFields };
}
