import { isPortraitKey, type ImportKind } from '../../../shared/features/import/fields';
import { mappingKey } from '../../../shared/features/import/messages';
import type { ImportSpec } from '../../../shared/features/import/types';
import type { Db } from '../../db/connection';
import { readSetting, writeSetting } from '../../db/settings-store';
import { headersAt, type Resolved } from './analyse';
import { portraitFieldsOf } from './portrait';
import type { TableSource } from './table-source';

/**
 * The columns last chosen for a file, kept per kind, file-name pattern and
 * sheet, so next month's "sales-2024-04.xlsx" is mapped as "sales-2024-03.xlsx"
 * was (and its clients matched, not created again).
 */
interface Remembered {
  kind: ImportKind;
  pattern: string;
  sheet: string | null;
  headerRow: number;
  /** Column (header, or letter when it has none) → field. */
  fields: Record<string, string | null>;
}

const KEY = 'import.remembered';
const KEEP = 100;

/** Digits are what changes from one month's file to the next: "Sales 2024-03.csv" and "sales 2024-04.csv" are one pattern. */
export const namePattern = (fileName: string): string => fileName.toLocaleLowerCase('en').replace(/\d+/g, '#');

const same = (r: Remembered, kind: ImportKind, pattern: string, sheet: string | null) => r.kind === kind && r.pattern === pattern && r.sheet === sheet;

/** Called inside the commit's transaction: the choice is kept exactly when the import is. */
export function rememberMapping(db: Db, fileName: string, sheet: string | null, r: Pick<Resolved, 'kind' | 'headerRow' | 'headers' | 'mapping'>): void {
  const pattern = namePattern(fileName);
  const list = (readSetting<Remembered[]>(db, KEY) ?? []).filter((x) => !same(x, r.kind, pattern, sheet));
  list.push({ kind: r.kind, pattern, sheet, headerRow: r.headerRow, fields: Object.fromEntries(r.headers.map((_, i) => [mappingKey(r.headers, i), r.mapping[i] ?? null])) });
  writeSetting(db, KEY, list.slice(-KEEP));
}

/**
 * The spec with the remembered columns filled in, when the user has chosen
 * none yet (no mapping, no header row) and the file still has every column
 * the choice was made on; otherwise the spec as it is.
 */
export function recallMapping(db: Db, table: TableSource, spec: ImportSpec): { spec: ImportSpec; remembered: boolean } {
  if (spec.mapping || spec.headerRow !== undefined) return { spec, remembered: false };
  const pattern = namePattern(table.file.name);
  const hit = (readSetting<Remembered[]>(db, KEY) ?? []).find((x) => same(x, spec.kind, pattern, table.sheet));
  if (!hit || hit.headerRow >= Math.max(1, table.head.length)) return { spec, remembered: false };
  const headers = headersAt(table, hit.headerRow);
  const keys = headers.map((_, i) => mappingKey(headers, i));
  if (keys.length !== Object.keys(hit.fields).length || !keys.every((k) => k in hit.fields)) return { spec, remembered: false };
  // A portrait field removed under Settings since is no field any more: its column is left out.
  const portrait = new Set(portraitFieldsOf(db, spec.kind).map((f) => f.key));
  const field = (k: string) => {
    const f = hit.fields[k] ?? null;
    return f !== null && isPortraitKey(f) && !portrait.has(f) ? null : f;
  };
  return { spec: { ...spec, headerRow: hit.headerRow, mapping: keys.map(field) }, remembered: true };
}
