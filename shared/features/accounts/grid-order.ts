import { z } from 'zod';
import { collatorFor } from '../../kernel/collate';
import { isoDate } from '../../kernel/schema-parts';
import type { ClientsGrid } from './types';

/** The clients grid's own columns main can order its answer by (another feature's columns it cannot). */
export const GRID_SORT_COLUMNS = ['code', 'name', 'type', 'status', 'revenue12m', 'share12m', 'purchaseCount', 'firstPurchase', 'lastPurchase', 'daysSinceLastPurchase', 'manager', 'department', 'country'] as const;
export type GridSortColumn = (typeof GRID_SORT_COLUMNS)[number];

const gridSort = z.strictObject({ column: z.enum(GRID_SORT_COLUMNS), desc: z.boolean() });

/**
 * What the clients grid asks main for: the rows in the order the grid will
 * show them (its saved sort, the user's collation), and for a first paint
 * only the first `limit` of them. `sort: 'saved'` is the sort of the grid's
 * saved layout, read by main: the first rows are asked for as the page
 * opens, before the window has the layout back.
 */
export const clientsGridInput = z
  .strictObject({
    includeArchived: z.boolean().default(false),
    asOf: isoDate.optional(),
    sort: z.union([gridSort, z.literal('saved')]).optional(),
    locale: z.string().max(35).refine(isLocaleTag).optional(),
    limit: z.number().int().min(1).max(1000).optional(),
  })
  .default({ includeArchived: false });
/** A language tag Intl can collate by (the user's locale may be the system's, outside the app's list). */
function isLocaleTag(tag: string): boolean {
  try {
    return new Intl.Locale(tag).baseName.length > 0;
  } catch {
    return false;
  }
}

export type ClientsGridInput = z.infer<typeof clientsGridInput>;
export type GridSort = z.infer<typeof gridSort>;
/** The input once main has read what `sort: 'saved'` stands for. */
export type ResolvedGridInput = Omit<ClientsGridInput, 'sort'> & { sort?: GridSort };

/** What the clients grid asks for the ranks of its text columns by (clients.gridRanks). */
export const clientsGridRanksInput = z.strictObject({
  includeArchived: z.boolean().default(false),
  asOf: isoDate.optional(),
  locale: z.string().max(35).refine(isLocaleTag),
});
export type ClientsGridRanksInput = z.infer<typeof clientsGridRanksInput>;

/** The text columns main ranks for the grid's own sort (the ones with a value per client, costly to collate). */
export const RANKED_COLUMNS = ['code', 'name'] as const;
export type RankedColumn = (typeof RANKED_COLUMNS)[number];

/**
 * Each client's rank under the locale's collation in the grid's text
 * columns, so the window sorts them by number: for the grid whose answer
 * had this `stamp` only (a rank from another grid would misorder). Ranks
 * are -1 for an empty cell; equal texts (to the collator) have equal ranks.
 */
export interface ClientsGridRanks {
  stamp: string;
  locale: string;
  /** Client ids; the ranks are in the same order. */
  ids: number[];
  ranks: Record<RankedColumn, Int32Array>;
}

/** The key the clients grid's layout is saved under (layouts.get / layouts.save). */
export const CLIENTS_LAYOUT = 'clients';

/**
 * The grid input with its saved sort read from `layout` (what layouts.get
 * answers): a sort main cannot order by leaves the rows unordered and sends
 * them all, since no first rows can be picked for it.
 */
export function resolveSavedSort(input: ClientsGridInput, layout: unknown): ResolvedGridInput {
  const { sort, ...rest } = input;
  if (sort !== 'saved') return { ...rest, ...(sort ? { sort } : {}) };
  const plan = sortPlan(layout);
  if (plan.kind === 'sorted') return { ...rest, sort: plan.sort };
  if (plan.kind === 'other') delete rest.limit;
  return rest;
}

/** The order the grid opens in until the user sorts it otherwise. */
export const DEFAULT_SORT: GridSort = { column: 'revenue12m', desc: true };

/** How the grid will first be sorted, as far as main can order its answer by it. */
export type SortPlan = { kind: 'sorted'; sort: GridSort } | { kind: 'unsorted' } | { kind: 'other' };

/**
 * The sort the grid opens with, from its saved column state (ag-grid's
 * ColumnState list): the columns' default when nothing is saved; 'other'
 * when it is another feature's column or several columns, which main cannot
 * order by (then the grid's first rows cannot be sent ahead of the rest).
 */
export function sortPlan(state: unknown): SortPlan {
  if (!Array.isArray(state)) return { kind: 'sorted', sort: DEFAULT_SORT };
  const sorted = (state as { colId?: unknown; sort?: unknown }[]).filter((c) => c && (c.sort === 'asc' || c.sort === 'desc'));
  if (sorted.length === 0) return { kind: 'unsorted' };
  const [only] = sorted;
  if (sorted.length > 1 || !(GRID_SORT_COLUMNS as readonly unknown[]).includes(only.colId)) return { kind: 'other' };
  return { kind: 'sorted', sort: { column: only.colId as GridSortColumn, desc: only.sort === 'desc' } };
}

/**
 * The positions of `g`'s rows in the order the grid sorts them: the cells'
 * comparison (compareCells: text by the locale's collation, numbers as
 * numbers, empty after the rest), turned round whole for descending as
 * ag-grid does (so empty cells come first), ties in the answer's own order.
 * ag-grid sorts again on its side; rows already in order cost it one pass
 * instead of a full sort, and the first rows it shows are the first sent.
 */
export function gridOrder(g: ClientsGrid, sort: GridSort, locale: string): Int32Array {
  const key = sortKeys(g, sort.column, locale);
  const sign = sort.desc ? -1 : 1;
  const order = new Int32Array(g.count);
  for (let i = 0; i < order.length; i++) order[i] = i;
  return order.sort((i, j) => {
    const a = key[i];
    const b = key[j];
    // NaN marks an empty cell.
    const emptyA = a !== a;
    const emptyB = b !== b;
    const c = emptyA || emptyB ? (emptyA === emptyB ? 0 : emptyA ? 1 : -1) : a - b;
    return sign * c || i - j;
  });
}

/** The answer's columns taken in `order` (and only its first `limit` positions): packed arrays, as they clone densely. */
export function reorderGrid(g: ClientsGrid, order: ArrayLike<number>, limit = order.length): ClientsGrid {
  const n = Math.min(limit, order.length);
  const columns = {} as Record<string, unknown[]>;
  for (const [name, values] of Object.entries(g.columns) as [string, unknown[]][]) {
    const out: unknown[] = [];
    for (let r = 0; r < n; r++) out.push(values[order[r]]);
    columns[name] = out;
  }
  return { ...g, count: n, total: g.total, columns: columns as unknown as ClientsGrid['columns'] };
}

const DAY_MS = 86_400_000;

/** One number per row that orders as the grid's cell values do (see gridRows), NaN for an empty cell. */
function sortKeys(g: ClientsGrid, column: GridSortColumn, locale: string): Float64Array {
  const c = g.columns;
  const key = new Float64Array(g.count);
  const fill = (f: (r: number) => number) => {
    for (let r = 0; r < g.count; r++) key[r] = f(r);
    return key;
  };
  const day = (d: number) => (d < 0 ? NaN : d);
  switch (column) {
    case 'revenue12m':
      return fill((r) => c.revenueCents[r]);
    case 'share12m':
      return fill((r) => (g.totalCents > 0 && c.archived[r] !== 1 ? c.revenueCents[r] : 0));
    case 'purchaseCount':
      return fill((r) => c.purchaseCount[r]);
    case 'firstPurchase':
      return fill((r) => day(c.firstPurchase[r]));
    case 'lastPurchase':
      return fill((r) => day(c.lastPurchase[r]));
    case 'daysSinceLastPurchase': {
      const asOfDay = Date.parse(`${g.asOf}T00:00:00Z`) / DAY_MS;
      return fill((r) => (c.lastPurchase[r] < 0 ? NaN : asOfDay - c.lastPurchase[r]));
    }
    case 'code':
    case 'name': {
      const rank = textRanks(c[column], locale);
      return fill((r) => rank[r]);
    }
    case 'status': {
      // The cell's value is the status key (its label is only a formatter), so keys are what it sorts by.
      const rank = textRanks(g.dict.status, locale);
      return fill((r) => (c.status[r] < 0 ? NaN : rank[c.status[r]]));
    }
    default: {
      const rank = textRanks(g.dict[column], locale);
      const at = c[column];
      return fill((r) => (at[r] < 0 ? NaN : rank[at[r]]));
    }
  }
}

/** Each text's rank under the locale's collation, equal texts (to the collator) equal ranks, empty ones NaN. */
export function textRanks(texts: readonly (string | null)[], locale: string): Float64Array {
  const collator = collatorFor(locale);
  const idx: number[] = [];
  for (let i = 0; i < texts.length; i++) if (texts[i]) idx.push(i);
  idx.sort((a, b) => collator.compare(texts[a]!, texts[b]!));
  const rank = new Float64Array(texts.length).fill(NaN);
  let k = 0;
  for (let j = 0; j < idx.length; j++) {
    if (j > 0 && collator.compare(texts[idx[j - 1]]!, texts[idx[j]]!) !== 0) k++;
    rank[idx[j]] = k;
  }
  return rank;
}
