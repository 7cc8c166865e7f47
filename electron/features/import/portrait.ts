import type { ClientTypeField } from '../../../shared/features/accounts';
import type { ConvertedRow } from '../../../shared/features/import/convert';
import { isPortraitKey, PORTRAIT_PREFIX, type ImportKind, type PortraitImportField } from '../../../shared/features/import/fields';
import { portraitImportFields, readPortraitValue } from '../../../shared/features/import/portrait';
import { message, type Message } from '../../../shared/i18n/messages';
import type { Db } from '../../db/connection';
import { clientTypesRepo, fieldsRepo } from '../accounts';
import type { ImportValues } from './repository';

interface PortraitDefs {
  /** What a clients file can map to, the active types' fields in the order Settings shows them. */
  offered: PortraitImportField[];
  /** Every active field by type and key: what a client of that type may hold (as the client form checks it). */
  byType: Map<number, Map<string, ClientTypeField>>;
  typeNames: Map<number, string>;
}

function portraitDefs(db: Db): PortraitDefs {
  const types = clientTypesRepo.list(db, { includeArchived: true });
  const order = new Map(types.filter((t) => !t.archivedAt).map((t, i) => [t.id, i]));
  const fields = fieldsRepo.list(db, {});
  const byType = new Map<number, Map<string, ClientTypeField>>();
  for (const f of fields) {
    let m = byType.get(f.typeId);
    if (!m) byType.set(f.typeId, (m = new Map()));
    m.set(f.key, f);
  }
  const offered = fields.filter((f) => order.has(f.typeId)).sort((a, b) => order.get(a.typeId)! - order.get(b.typeId)! || a.position - b.position);
  return { offered: portraitImportFields(offered), byType, typeNames: new Map(types.map((t) => [t.id, t.name])) };
}

/** The portrait fields a file of `kind` can map to: the clients' only. */
export function portraitFieldsOf(db: Db, kind: ImportKind): PortraitImportField[] {
  return kind === 'clients' ? portraitDefs(db).offered : [];
}

/**
 * Reads a row's portrait cells by the kind each field has in the client's
 * type. A value that does not fit, or a field the client's type does not
 * have, is left out with a problem on its cell; the client is kept (the
 * client form would refuse a portrait with a field of another type).
 * Null when no column is mapped to a portrait field.
 */
export function portraitReader(db: Db, mapping: readonly (string | null)[]): ((row: ConvertedRow, typeId: number | null) => boolean) | null {
  const columns = mapping.flatMap((key, column) => (key && isPortraitKey(key) ? [{ key, column, fieldKey: key.slice(PORTRAIT_PREFIX.length) }] : []));
  if (!columns.length) return null;
  const d = portraitDefs(db);
  const owners = (fieldKey: string) => [...d.byType].filter(([, m]) => m.has(fieldKey)).map(([typeId]) => d.typeNames.get(typeId) ?? '');
  const labelOf = (key: string) => d.offered.find((f) => f.key === key)?.label ?? key;
  const unfit = (typeId: number | null, key: string, fieldKey: string): Message => {
    const params = { label: labelOf(key), types: owners(fieldKey).join(', ') };
    return typeId === null ? message('import:problems.portraitNoType', params) : message('import:problems.portraitOtherType', { ...params, type: d.typeNames.get(typeId) ?? '' });
  };
  return (row, typeId) => {
    // Read values may be yes/no or lists: what the clients table stores (ImportValues), no longer what the cell held.
    const values = row.values as ImportValues;
    let leftOut = false;
    for (const { key, column, fieldKey } of columns) {
      const cell = row.values[key];
      if (cell === null || cell === undefined) continue;
      const def = typeId === null ? undefined : d.byType.get(typeId)?.get(fieldKey);
      const read = def ? readPortraitValue(def, cell) : { problem: unfit(typeId, key, fieldKey) };
      if (read.problem) {
        values[key] = null;
        row.problems.push({ column, field: key, ...read.problem });
        leftOut = true;
      } else values[key] = read.value;
    }
    return leftOut;
  };
}
