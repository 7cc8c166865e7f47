import type { ColDef, ColumnState } from 'ag-grid-community';

/** A column of GridPreview's plain table: what ag-grid would show in it, without ag-grid. */
export interface PreviewColumn<T> {
  id: string;
  header: string;
  width: number;
  numeric: boolean;
  className?: string;
  text: (row: T) => string;
}

/**
 * The columns a grid will show, as its saved state arranges them: pinned to
 * the left first, then in the saved order (columns the state does not name
 * after it, in their own order), hidden ones left out, saved widths kept.
 */
export function previewColumns<T>(columns: ColDef<T>[], state: ColumnState[] | null): PreviewColumn<T>[] {
  const saved = new Map((state ?? []).map((s, k) => [s.colId, { s, k }]));
  const list = columns.map((def, k) => {
    const id = def.colId ?? String(def.field ?? k);
    const { s, k: order = state?.length ?? 0 } = saved.get(id) ?? {};
    const pinned = s && s.pinned !== undefined ? s.pinned : def.pinned;
    const side = pinned === 'left' || pinned === true ? 0 : pinned === 'right' ? 2 : 1;
    return { def, id, side, order, k, hidden: s?.hide ?? def.hide ?? false, width: s?.width ?? def.width ?? 200 };
  });
  return list
    .filter((c) => !c.hidden)
    .sort((a, b) => a.side - b.side || a.order - b.order || a.k - b.k)
    .map(({ def, id, width }) => ({
      id,
      header: def.headerName ?? id,
      width,
      numeric: def.type === 'numericColumn' || (Array.isArray(def.type) && def.type.includes('numericColumn')),
      className: typeof def.cellClass === 'string' ? def.cellClass : undefined,
      text: (row: T) => cellText(def, row),
    }));
}

function cellText<T>(def: ColDef<T>, row: T): string {
  const value = def.field ? (row as Record<string, unknown>)[def.field] : undefined;
  try {
    // The column's own formatter, given what these use of ag-grid's parameters: the value and the row.
    if (typeof def.valueFormatter === 'function') return String(def.valueFormatter({ value, data: row, colDef: def } as never) ?? '');
  } catch {
    return '';
  }
  return value === null || value === undefined ? '' : String(value);
}
