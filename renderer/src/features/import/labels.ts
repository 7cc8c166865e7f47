import { fieldOf, type ImportKind, type PortraitImportField } from '../../../../shared/features/import/fields';
import { columnName } from '../../../../shared/features/import/messages';
import { say, type T } from '../../lib/i18n';

/** A field's name on screen (a portrait field's is the user's own label); a key the import does not know (an old saved mapping) is shown as it is. */
export function fieldName(t: T, kind: ImportKind, field: string, portrait: readonly PortraitImportField[] = []): string {
  const own = portrait.find((f) => f.key === field);
  if (own) return own.label;
  const label = fieldOf(kind, field)?.label;
  return label ? say(t, { key: label }) : field;
}

/** A column's name on screen: its header, or "Column C" when the file gives it none. */
export const columnTitle = (t: T, headers: readonly string[], index: number): string => say(t, columnName(headers, index));
