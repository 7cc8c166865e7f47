import type { ColDef } from 'ag-grid-community';
import type { Formatters } from '../../../../shared/kernel/format';
import type { ClientRow, ClientsGrid } from '../../../../shared/features/accounts/types';
import { DEFAULT_SORT, RANKED_COLUMNS, type ClientsGridRanks, type RankedColumn } from '../../../../shared/features/accounts/grid-order';
import { compareCells } from '../../../../shared/kernel/collate';
import type { en } from '../../../../shared/features/accounts/i18n/en';
import type { ClientStatus } from '../../../../shared/features/accounts/enums';
import type { T } from '../../lib/i18n';

// A long header (Hungarian, Russian) wraps onto a second line at the default width instead of being cut off.
const WRAP = { wrapHeaderText: true, autoHeaderHeight: true } as const;

/** Hidden fields of each row with its rank in a text column (clients.gridRanks), NaN until the ranks come. */
export const RANK_FIELDS: Record<RankedColumn, string> = { code: 'codeRank', name: 'nameRank' };

/**
 * A text column's sort by the ranks main sent, as compareCells would order
 * the texts: collator comparisons were ≈0.23 s of a 0.37 s sort of 50,000
 * codes (CPU profile in Chromium). Without ranks (the first rows, a grid
 * whose ranks have not come) every pair is compared as text, so one sort
 * never mixes the two.
 */
export function rankedComparator(column: RankedColumn, locale: string) {
  const field = RANK_FIELDS[column];
  return (a: unknown, b: unknown, na?: { data?: unknown }, nb?: { data?: unknown }) => {
    const x = (na?.data as Record<string, number> | undefined)?.[field] ?? NaN;
    const y = (nb?.data as Record<string, number> | undefined)?.[field] ?? NaN;
    // Empty cells have rank -1: compareCells puts them after the rest.
    return x >= 0 && y >= 0 ? x - y : compareCells(locale, a, b);
  };
}

/** Writes the ranks into rows built from the grid with the same stamp; says whether it did. */
export function applyRanks(rows: readonly ClientRow[], stamp: string, answer: ClientsGridRanks): boolean {
  if (answer.stamp !== stamp) return false;
  const at = new Map<number, number>();
  answer.ids.forEach((id, k) => at.set(id, k));
  const ks = rows.map((row) => at.get(row.id));
  if (ks.some((k) => k === undefined)) return false;
  rows.forEach((row, j) => {
    const r = row as unknown as Record<string, number>;
    for (const c of RANKED_COLUMNS) r[RANK_FIELDS[c]] = answer.ranks[c][ks[j]!];
  });
  return true;
}

/** Column definitions for the clients grid; pure so a test can check them without a browser. */
export function clientColumns(t: T, fmt: Formatters, locale: string): ColDef<ClientRow>[] {
  const h = (key: keyof typeof en.clients.columns) => t(`accounts:clients.columns.${key}`);
  const columns: ColDef<ClientRow>[] = [
    { field: 'code', headerName: h('code'), width: 110, comparator: rankedComparator('code', locale) },
    { field: 'name', headerName: h('name'), width: 260, pinned: 'left', filter: 'agTextColumnFilter', cellClass: 'cell-link', comparator: rankedComparator('name', locale) },
    { field: 'type', headerName: h('type'), width: 140 },
    {
      field: 'status',
      headerName: h('status'),
      width: 130,
      valueFormatter: (p) => [p.data?.archived ? t('common:archived') : null, p.value ? t(`accounts:status.${p.value as ClientStatus}`) : null].filter(Boolean).join(' · '),
    },
    { field: 'revenue12m', headerName: h('revenue12m'), width: 170, type: 'numericColumn', filter: 'agNumberColumnFilter', sort: DEFAULT_SORT.desc ? 'desc' : 'asc', valueFormatter: (p) => fmt.money(p.value), context: { exportKind: 'money' } },
    { field: 'share12m', headerName: h('share12m'), width: 140, type: 'numericColumn', filter: 'agNumberColumnFilter', valueFormatter: (p) => fmt.percent(p.value), context: { exportKind: 'percent' } },
    { field: 'purchaseCount', headerName: h('purchaseCount'), width: 120, type: 'numericColumn', filter: 'agNumberColumnFilter', context: { exportKind: 'integer' } },
    { field: 'firstPurchase', headerName: h('firstPurchase'), width: 140, filter: 'agDateColumnFilter', cellDataType: 'dateString', valueFormatter: (p) => fmt.date(p.value) },
    { field: 'lastPurchase', headerName: h('lastPurchase'), width: 140, filter: 'agDateColumnFilter', cellDataType: 'dateString', valueFormatter: (p) => fmt.date(p.value) },
    { field: 'daysSinceLastPurchase', headerName: h('daysSinceLastPurchase'), width: 130, type: 'numericColumn', filter: 'agNumberColumnFilter' },
    { field: 'manager', headerName: h('manager'), width: 150 },
    { field: 'department', headerName: h('department'), width: 150 },
    { field: 'country', headerName: h('country'), width: 100 },
  ];
  return columns.map((c) => ({ ...c, ...WRAP }));
}

const DAY_MS = 86_400_000;

/**
 * The grid's rows from the columns main sends (ClientsGrid): the same
 * ClientRow objects clients.list returns, built here in the window instead
 * of being cloned across IPC one object at a time. Each row also has
 * `extraFields` (other features' columns), null until their values come.
 */
export function gridRows(g: ClientsGrid, extraFields: readonly string[] = []): ClientRow[] {
  const c = g.columns;
  const d = g.dict;
  const asOfDay = Date.parse(`${g.asOf}T00:00:00Z`) / DAY_MS;
  const isoOf = new Map<number, string>();
  const iso = (day: number) => {
    if (day < 0) return null;
    let s = isoOf.get(day);
    if (s === undefined) isoOf.set(day, (s = new Date(day * DAY_MS).toISOString().slice(0, 10)));
    return s;
  };
  const pick = (dict: string[], i: number) => (i < 0 ? null : dict[i]);
  // Every row a copy of one template that has all the fields, then filled in place: one shape for 50,000
  // objects (fields added one by one would make each row walk a chain of shapes, and a lot of garbage).
  const template: Record<string, unknown> = {
    id: 0, code: null, name: '', type: null, status: null, manager: null, department: null, country: null,
    revenue12m: 0, share12m: 0, purchaseCount: 0, firstPurchase: null, lastPurchase: null, daysSinceLastPurchase: null, archived: false,
  };
  for (const c of RANKED_COLUMNS) template[RANK_FIELDS[c]] = NaN;
  for (const f of extraFields) template[f] = null;
  const rows: ClientRow[] = [];
  for (let i = 0; i < g.count; i++) {
    const archived = c.archived[i] === 1;
    const row = { ...template } as unknown as ClientRow;
    row.id = c.id[i];
    row.code = c.code[i];
    row.name = c.name[i];
    row.type = pick(d.type, c.type[i]);
    row.status = pick(d.status, c.status[i]) as ClientRow['status'];
    row.manager = pick(d.manager, c.manager[i]);
    row.department = pick(d.department, c.department[i]);
    row.country = pick(d.country, c.country[i]);
    row.revenue12m = c.revenueCents[i] / 100;
    row.share12m = g.totalCents > 0 && !archived ? c.revenueCents[i] / g.totalCents : 0;
    row.purchaseCount = c.purchaseCount[i];
    row.firstPurchase = iso(c.firstPurchase[i]);
    row.lastPurchase = iso(c.lastPurchase[i]);
    row.daysSinceLastPurchase = c.lastPurchase[i] < 0 ? null : asOfDay - c.lastPurchase[i];
    row.archived = archived;
    rows.push(row);
  }
  return rows;
}
