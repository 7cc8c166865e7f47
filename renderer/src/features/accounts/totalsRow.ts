import type { CellClassParams, ColDef, GridApi, ValueFormatterParams } from 'ag-grid-community';

/** The id of the totals row: never a record's (ids start at 1), so nothing opens or saves it. */
export const TOTALS_ROW_ID = -1;

/**
 * Columns that also show a pinned totals row: the first column with a field
 * carries the label and spans the next one (the label is longer than a date),
 * numeric columns their sums with their own formatter, every other cell stays empty.
 */
export function withTotalsRow<T>(columns: ColDef<T>[]): ColDef<T>[] {
  const labelAt = columns.findIndex((c) => c.field);
  return columns.map((col, i) => {
    const own = col.valueFormatter;
    const format = (p: ValueFormatterParams<T>) => (typeof own === 'function' ? own(p) : p.value == null ? '' : String(p.value));
    const ownClass = col.cellClass;
    return {
      ...col,
      // The totals row is no link, whatever the column's cells are.
      cellClass: (p: CellClassParams<T>) => (p.node.rowPinned ? 'cell-total' : typeof ownClass === 'function' ? ownClass(p) : ownClass),
      ...(i === labelAt ? { colSpan: (p: { node: { rowPinned?: unknown } | null }) => (p.node?.rowPinned ? 2 : 1) } : {}),
      valueFormatter: (p: ValueFormatterParams<T>) => {
        if (!p.node?.rowPinned) return format(p);
        if (i === labelAt) return String(p.value ?? '');
        return p.value === null || p.value === undefined || p.value === '' ? '' : format(p);
      },
      tooltipValueGetter: col.wrapText ? (p: { value?: unknown; node?: { rowPinned?: unknown } | null }) => (p.node?.rowPinned ? undefined : (p.value as string | undefined)) : col.tooltipValueGetter,
    } as ColDef<T>;
  });
}

/**
 * Keeps the pinned totals row in step with the rows the grid shows (after
 * column filters), leaving archived rows out of the sums as every figure does.
 * `totals` is read at each update, so its labels follow the language.
 */
export function followTotals<T extends { id: number; archivedAt?: string | null }>(api: GridApi<T>, totals: (shown: T[]) => Record<string, unknown>): void {
  let last = '';
  const update = () => {
    if (api.isDestroyed()) return;
    const shown: T[] = [];
    api.forEachNodeAfterFilter((n) => n.data && !n.data.archivedAt && shown.push(n.data));
    const row = { id: TOTALS_ROW_ID, archivedAt: null, ...totals(shown) };
    const key = JSON.stringify(row);
    if (key === last) return;
    last = key;
    api.setGridOption('pinnedBottomRowData', shown.length ? [row as unknown as T] : []);
  };
  api.addEventListener('modelUpdated', update);
  update();
}
