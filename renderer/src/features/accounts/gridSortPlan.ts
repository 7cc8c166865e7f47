import type { ColumnState } from 'ag-grid-community';
import { GRID_SORT_COLUMNS, type GridSort, type GridSortColumn } from '../../../../shared/features/accounts';
import { DEFAULT_SORT } from './clientColumns';

/** What the first paint asks for: a screenful and then some, a few kilobytes. */
export const FIRST_ROWS = 100;

/** How the grid will first be sorted, as far as main can order its answer by it. */
export type SortPlan = { kind: 'sorted'; sort: GridSort } | { kind: 'unsorted' } | { kind: 'other' };

/**
 * The sort the grid opens with, from its saved column state: the columns'
 * default when nothing is saved; 'other' when it is another feature's column
 * or several columns, which main cannot order by (then no first rows are
 * asked for: they would not be the rows the grid shows first).
 */
export function sortPlan(state: unknown): SortPlan {
  if (!Array.isArray(state)) return { kind: 'sorted', sort: DEFAULT_SORT };
  const sorted = (state as ColumnState[]).filter((c) => c.sort === 'asc' || c.sort === 'desc');
  if (sorted.length === 0) return { kind: 'unsorted' };
  const [only] = sorted;
  if (sorted.length > 1 || !(GRID_SORT_COLUMNS as readonly string[]).includes(only.colId)) return { kind: 'other' };
  return { kind: 'sorted', sort: { column: only.colId as GridSortColumn, desc: only.sort === 'desc' } };
}
