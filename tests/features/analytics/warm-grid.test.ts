import { describe, expect, it, vi } from 'vitest';
import type { ClientsGrid } from '../../../shared/features/accounts';
import * as gridOrderModule from '../../../shared/features/accounts/grid-order';
import { gridRows } from '../../../renderer/src/features/accounts/clientColumns';
import { HOST_OPS } from '../../../electron/features/analytics/ops';
import { generateDemo, updateSettings } from '../../../electron/features/settings';
import { saveLayout } from '../../../electron/features/settings/service';
import { AS_OF, emptyDatabase } from '../../helpers/db';

// Counts the sorts of the whole grid, the work the warm-up is there to do before the window asks.
vi.mock('../../../shared/features/accounts/grid-order', async (original) => {
  const actual = await original<typeof gridOrderModule>();
  return { ...actual, gridOrder: vi.fn(actual.gridOrder) };
});
const sorts = vi.mocked(gridOrderModule.gridOrder);

describe('the warm-up at start', () => {
  it("sorts the clients grid as the window will first ask for it (saved sort, user's collation), so the first open and every later one only copy", async () => {
    const db = emptyDatabase();
    generateDemo(db, { clients: 150, purchases: 2000, seed: 7, asOf: AS_OF });
    updateSettings(db, { locale: 'hu-HU' });
    saveLayout(db, 'clients', [{ colId: 'revenue12m', sort: null }, { colId: 'name', sort: 'asc', sortIndex: 0 }]);
    sorts.mockClear();
    await HOST_OPS.warm(db, null);
    expect(sorts).toHaveBeenCalledTimes(1);
    expect(sorts.mock.calls[0].slice(1)).toEqual([{ column: 'name', desc: false }, 'hu-HU']);

    // The window's two calls (first rows, then every row), as accounts' handler resolves the saved sort.
    const asked = { includeArchived: false, locale: 'hu-HU', sort: { column: 'name' as const, desc: false } };
    const head = HOST_OPS.clientsGrid(db, { ...asked, limit: 40 }) as ClientsGrid;
    const whole = HOST_OPS.clientsGrid(db, asked) as ClientsGrid;
    expect(sorts).toHaveBeenCalledTimes(1);
    expect(HOST_OPS.clientsGrid(db, asked)).toBe(whole);
    // What they hold is the grid sorted now, from scratch.
    const unsorted = HOST_OPS.clientsGrid(db, { includeArchived: false }) as ClientsGrid;
    const actual = await vi.importActual<typeof gridOrderModule>('../../../shared/features/accounts/grid-order');
    const order = actual.reorderGrid(unsorted, actual.gridOrder(unsorted, asked.sort, 'hu-HU'));
    expect(gridRows(whole)).toEqual(gridRows(order));
    expect(gridRows(head)).toEqual(gridRows(order).slice(0, 40));

    // Another sort is sorted once, then kept in its turn.
    const byRevenue = { ...asked, sort: { column: 'revenue12m' as const, desc: true } };
    const top = HOST_OPS.clientsGrid(db, byRevenue) as ClientsGrid;
    expect(HOST_OPS.clientsGrid(db, byRevenue)).toBe(top);
    expect(sorts).toHaveBeenCalledTimes(2);
  });
});
