import { describe, expect, it } from 'vitest';
import { generateDemo } from '../../../electron/features/settings';
import { GRID_SORT_COLUMNS, RANKED_COLUMNS, resolveSavedSort, sortPlan, type ClientRow, type ClientsGrid, type ClientsGridRanks } from '../../../shared/features/accounts';
import { compareCells } from '../../../shared/kernel/collate';
import { applyRanks, gridRows, rankedComparator, RANK_FIELDS } from '../../../renderer/src/features/accounts/clientColumns';
import { AS_OF, emptyDatabase } from '../../helpers/db';
import { routerCalls } from '../../helpers/router';

/** ag-grid's sort: the comparator's result turned round whole for descending, ties in the order the rows came. */
function asAgGridSorts(rows: ClientRow[], column: keyof ClientRow, desc: boolean, locale: string): number[] {
  return rows
    .map((r, pos) => ({ r, pos }))
    .sort((a, b) => (desc ? -1 : 1) * compareCells(locale, a.r[column], b.r[column]) || a.pos - b.pos)
    .map(({ r }) => r.id);
}

describe('the clients grid in the order it is shown', () => {
  it('comes in the order the grid itself sorts to, for every column both ways, in Hungarian and Thai collation; the first rows are its head', async () => {
    const db = emptyDatabase();
    generateDemo(db, { clients: 240, purchases: 4000, seed: 3, asOf: AS_OF });
    const { call } = routerCalls(db);
    const { id } = await call('clients.create', { name: 'Csaba Kft.', country: 'HU' });
    // Cells the comparison treats apart: empty codes and countries, names that differ only in case and accents, an archived client.
    await call('clients.create', { name: 'cukrászda', code: '' });
    await call('clients.create', { name: 'Ćukraszda' });
    await call('clients.archive', { id });
    for (const includeArchived of [false, true]) {
      const base = gridRows(await call<ClientsGrid>('clients.grid', { includeArchived, asOf: AS_OF }));
      for (const locale of ['hu-HU', 'th-TH'] as const) {
        for (const column of GRID_SORT_COLUMNS) {
          for (const desc of [false, true]) {
            const sorted = await call<ClientsGrid>('clients.grid', { includeArchived, asOf: AS_OF, locale, sort: { column, desc } });
            const expected = asAgGridSorts(base, column, desc, locale);
            expect(gridRows(sorted).map((r) => r.id), `${column} ${desc ? 'desc' : 'asc'} ${locale}`).toEqual(expected);
            const head = await call<ClientsGrid>('clients.grid', { includeArchived, asOf: AS_OF, locale, sort: { column, desc }, limit: 25 });
            expect([head.count, head.total]).toEqual([25, base.length]);
            expect(gridRows(head)).toEqual(gridRows(sorted).slice(0, 25));
          }
        }
      }
    }
  });

  it('reads the saved sort itself when asked for it: the saved column, the default without a layout, every row unordered for a sort it cannot order by', async () => {
    const db = emptyDatabase();
    generateDemo(db, { clients: 120, purchases: 1500, seed: 5, asOf: AS_OF });
    const { call } = routerCalls(db);
    const ids = (g: ClientsGrid) => gridRows(g).map((r) => r.id);
    const saved = (limit?: number) => call<ClientsGrid>('clients.grid', { asOf: AS_OF, locale: 'hu-HU', sort: 'saved', ...(limit ? { limit } : {}) });
    const byDefault = await call<ClientsGrid>('clients.grid', { asOf: AS_OF, locale: 'hu-HU', sort: { column: 'revenue12m', desc: true }, limit: 30 });
    expect(ids(await saved(30))).toEqual(ids(byDefault));
    await call('layouts.save', { key: 'clients', state: [{ colId: 'revenue12m', sort: null }, { colId: 'city' }, { colId: 'name', sort: 'asc', sortIndex: 0 }] });
    const byName = await call<ClientsGrid>('clients.grid', { asOf: AS_OF, locale: 'hu-HU', sort: { column: 'name', desc: false } });
    expect(ids(await saved(30))).toEqual(ids(byName).slice(0, 30));
    expect(ids(await saved())).toEqual(ids(byName));
    await call('layouts.save', { key: 'clients', state: [{ colId: 'revenue12m', sort: null }, { colId: 'standingAbc', sort: 'asc' }] });
    const unordered = await call<ClientsGrid>('clients.grid', { asOf: AS_OF });
    const other = await saved(30);
    expect([other.count, other.total]).toEqual([120, 120]);
    expect(ids(other)).toEqual(ids(unordered));
    // No sort at all: the first rows in the answer's own order.
    await call('layouts.save', { key: 'clients', state: [{ colId: 'revenue12m', sort: null }] });
    expect(ids(await saved(30))).toEqual(ids(unordered).slice(0, 30));
    expect(resolveSavedSort({ includeArchived: true, sort: { column: 'code', desc: true }, limit: 7 }, [{ colId: 'name', sort: 'asc' }])).toEqual({ includeArchived: true, sort: { column: 'code', desc: true }, limit: 7 });
  });

  it('sorts code and name by the ranks main sends exactly as by the texts, in Hungarian and Thai; ranks of another grid are not used', async () => {
    const db = emptyDatabase();
    generateDemo(db, { clients: 200, purchases: 3000, seed: 6, asOf: AS_OF });
    const { call } = routerCalls(db);
    await call('clients.create', { name: 'csiga bolt', code: '' });
    await call('clients.create', { name: 'Csiga Bolt', code: 'cs-1' });
    await call('clients.create', { name: 'Cukor Kft.', code: 'CU-1' });
    const agGridSort = (rows: ClientRow[], column: 'code' | 'name', desc: boolean, compare: (a: unknown, b: unknown, na: { data: ClientRow }, nb: { data: ClientRow }) => number) =>
      rows.map((r, pos) => ({ r, pos })).sort((a, b) => (desc ? -1 : 1) * compare(a.r[column], b.r[column], { data: a.r }, { data: b.r }) || a.pos - b.pos).map(({ r }) => r.id);
    for (const locale of ['hu-HU', 'th-TH']) {
      for (const includeArchived of [false, true]) {
        const grid = await call<ClientsGrid>('clients.grid', { includeArchived, asOf: AS_OF, locale, sort: { column: 'revenue12m', desc: true } });
        const ranks = await call<ClientsGridRanks>('clients.gridRanks', { includeArchived, asOf: AS_OF, locale });
        const rows = gridRows(grid);
        expect(applyRanks(rows, grid.stamp, ranks)).toBe(true);
        expect(rows.every((r) => RANKED_COLUMNS.every((c) => Number.isInteger((r as unknown as Record<string, number>)[RANK_FIELDS[c]])))).toBe(true);
        for (const column of RANKED_COLUMNS) {
          for (const desc of [false, true]) {
            expect(agGridSort(rows, column, desc, rankedComparator(column, locale)), `${column} ${locale}`).toEqual(asAgGridSorts(rows, column, desc, locale));
          }
        }
      }
    }
    // After a write the grid is another one: the old ranks are refused and the rows sort as text.
    const before = await call<ClientsGridRanks>('clients.gridRanks', { asOf: AS_OF, locale: 'hu-HU' });
    await call('clients.create', { name: 'Ábel Bt.', code: 'A-0' });
    const after = await call<ClientsGrid>('clients.grid', { asOf: AS_OF, locale: 'hu-HU' });
    expect(after.stamp).not.toBe(before.stamp);
    const rows = gridRows(after);
    expect(applyRanks(rows, after.stamp, before)).toBe(false);
    expect(rows.every((r) => Number.isNaN((r as unknown as Record<string, number>)[RANK_FIELDS.name]))).toBe(true);
    expect(agGridSort(rows, 'name', false, rankedComparator('name', 'hu-HU'))).toEqual(asAgGridSorts(rows, 'name', false, 'hu-HU'));
  });

  it('refuses a sort it does not know and a first-rows count out of range', async () => {
    const db = emptyDatabase();
    const { fail } = routerCalls(db);
    for (const input of [{ sort: { column: 'abc', desc: true } }, { sort: 'kept' }, { limit: 0 }, { limit: 5000 }, { locale: 'not a locale!' }]) {
      expect((await fail('clients.grid', input)).code).toBe('invalid_input');
    }
  });
});

describe('the sort the grid opens with', () => {
  it('is the saved one when main can order by it, the default when nothing is saved, none for another feature column or several', () => {
    expect(sortPlan(null)).toEqual({ kind: 'sorted', sort: { column: 'revenue12m', desc: true } });
    expect(sortPlan([{ colId: 'code' }, { colId: 'name', sort: 'asc', sortIndex: 0 }])).toEqual({ kind: 'sorted', sort: { column: 'name', desc: false } });
    expect(sortPlan([{ colId: 'name' }, { colId: 'revenue12m' }])).toEqual({ kind: 'unsorted' });
    expect(sortPlan([{ colId: 'standingAbc', sort: 'desc' }])).toEqual({ kind: 'other' });
    expect(sortPlan([{ colId: 'name', sort: 'asc', sortIndex: 1 }, { colId: 'code', sort: 'desc', sortIndex: 0 }])).toEqual({ kind: 'other' });
  });
});
