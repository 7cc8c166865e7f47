import { foldHeader, IMPORT_FIELDS, type ImportKind } from '../../../shared/import/fields';
import { columnLetter } from '../../../shared/import/table';
import type { ImportSpec } from '../../../shared/import/types';
import { AppError } from '../errors';
import { resolve } from './analyse';
import type { TableSource } from './source';

/** `unit_price` on the command line is `unitPrice` in the app. */
const fieldKey = (kind: ImportKind, name: string): string => {
  const key = name.trim().replace(/_([a-z])/g, (_, c: string) => c.toUpperCase());
  if (!IMPORT_FIELDS[kind].some((f) => f.key === key)) {
    throw new AppError('invalid_input', `"${name}" is not a ${kind} field; use one of ${IMPORT_FIELDS[kind].map((f) => f.key.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`)).join(', ')}`);
  }
  return key;
};

/** A --map header: the header text, the column letter (A, B…) or its 1-based number. */
function columnFor(headers: string[], ref: string): number {
  const folded = foldHeader(ref);
  const byName = headers.findIndex((h) => foldHeader(h) === folded);
  if (byName >= 0) return byName;
  if (/^\d+$/.test(ref)) return Number(ref) - 1 < headers.length ? Number(ref) - 1 : -1;
  return headers.findIndex((_, i) => columnLetter(i) === ref.toUpperCase());
}

/** Applies `header=field` choices (the CLI's --map) on top of the guessed mapping; `header=` leaves a column out. */
export function applyMapOverrides(table: TableSource, spec: ImportSpec, locale: string, map: string[]): ImportSpec {
  if (!map.length) return spec;
  const r = resolve(table, spec, locale);
  const mapping = [...r.mapping];
  for (const m of map) {
    const eq = m.lastIndexOf('=');
    if (eq <= 0) throw new AppError('invalid_input', `--map needs header=field, got "${m}"`);
    const col = columnFor(r.headers, m.slice(0, eq));
    if (col < 0) throw new AppError('invalid_input', `--map: the file has no column "${m.slice(0, eq)}"; its columns are ${r.headers.join(', ')}`);
    const field = m.slice(eq + 1) === '' ? null : fieldKey(spec.kind, m.slice(eq + 1));
    mapping.forEach((f, i) => field && f === field && (mapping[i] = null));
    mapping[col] = field;
  }
  return { ...spec, mapping, headerRow: r.headerRow };
}
