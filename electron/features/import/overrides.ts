import { foldHeader, IMPORT_FIELDS, type ImportKind, type PortraitImportField } from '../../../shared/features/import/fields';
import { columnLetter } from '../../../shared/features/import/table';
import type { ImportSpec } from '../../../shared/features/import/types';
import { columnName } from '../../../shared/features/import/messages';
import { message } from '../../../shared/i18n/messages';
import { AppError } from '../../errors';
import { inEnglish } from '../../i18n';
import { resolve } from './analyse';
import type { TableSource } from './table-source';

/** `unit_price` on the command line is `unitPrice` in the app; a portrait field goes by its own key (`profile.sales_floor_m2`). */
const fieldKey = (kind: ImportKind, name: string, portrait: readonly PortraitImportField[]): string => {
  const own = portrait.find((f) => f.key === name.trim());
  if (own) return own.key;
  const key = name.trim().replace(/_([a-z])/g, (_, c: string) => c.toUpperCase());
  if (!IMPORT_FIELDS[kind].some((f) => f.key === key)) {
    const fields = [...IMPORT_FIELDS[kind].map((f) => f.key.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`)), ...portrait.map((f) => f.key)];
    throw new AppError('invalid_input', 'import:errors.mapNotAField', { field: name, kind: message(`import:kindNames.${kind}`), fields: fields.join(', ') });
  }
  return key;
};

/**
 * A --map header: the column's name as the CLI prints it (its header text, or
 * "Column C" when it has none), its letter (A, B…) or its 1-based number.
 */
function columnFor(headers: string[], ref: string): number {
  const folded = foldHeader(ref);
  const byName = headers.findIndex((_, i) => {
    const name = columnName(headers, i);
    return foldHeader(inEnglish(name.key, name.params)) === folded;
  });
  if (byName >= 0) return byName;
  if (/^\d+$/.test(ref)) return Number(ref) - 1 < headers.length ? Number(ref) - 1 : -1;
  return headers.findIndex((_, i) => columnLetter(i) === ref.toUpperCase());
}

/** Applies `header=field` choices (the CLI's --map) on top of the guessed mapping; `header=` leaves a column out. */
export function applyMapOverrides(table: TableSource, spec: ImportSpec, locale: string, map: string[], portrait: readonly PortraitImportField[] = []): ImportSpec {
  if (!map.length) return spec;
  const r = resolve(table, spec, locale, portrait);
  const mapping = [...r.mapping];
  for (const m of map) {
    const eq = m.lastIndexOf('=');
    if (eq <= 0) throw new AppError('invalid_input', 'import:errors.mapSyntax', { given: m });
    const col = columnFor(r.headers, m.slice(0, eq));
    if (col < 0) throw new AppError('invalid_input', 'import:errors.mapNoColumn', { column: m.slice(0, eq), columns: r.headers.map((_, i) => columnName(r.headers, i)) });
    const field = m.slice(eq + 1) === '' ? null : fieldKey(spec.kind, m.slice(eq + 1), portrait);
    mapping.forEach((f, i) => field && f === field && (mapping[i] = null));
    mapping[col] = field;
  }
  return { ...spec, mapping, headerRow: r.headerRow };
}
