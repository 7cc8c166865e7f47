import { describe, expect, it } from 'vitest';
import { generateDemo } from '../../../electron/features/settings';
import type { ClientRow, ClientsGrid } from '../../../shared/features/accounts/types';
import { gridRows, RANK_FIELDS } from '../../../renderer/src/features/accounts/clientColumns';
import { AS_OF, emptyDatabase } from '../../helpers/db';
import { routerCalls } from '../../helpers/router';

/** The SQL rows (clients.list) and the columns from the store (clients.grid), compared field by field; money to the cent. */
function expectSame(fromColumns: ClientRow[], fromSql: ClientRow[]) {
  expect(fromColumns.map((r) => r.id)).toEqual(fromSql.map((r) => r.id));
  const strip = ({ revenue12m: _r, share12m: _s, ...rest }: ClientRow) => rest;
  expect(fromColumns.map(strip)).toEqual(fromSql.map(strip));
  fromColumns.forEach((r, i) => {
    expect(r.revenue12m).toBeCloseTo(fromSql[i].revenue12m, 2);
    expect(r.share12m).toBeCloseTo(fromSql[i].share12m, 9);
  });
}

describe('the clients grid as columns', () => {
  it('gives exactly the rows clients.list gives, with archived clients and lines, credit notes, renames and new clients', async () => {
    const db = emptyDatabase();
    generateDemo(db, { clients: 150, purchases: 5000, seed: 11, asOf: AS_OF });
    const { call } = routerCalls(db);
    const list = (includeArchived: boolean, asOf = AS_OF) => call<ClientRow[]>('clients.list', { includeArchived, asOf });
    // The rows as clients.list has them: without the hidden sort ranks, which are NaN until clients.gridRanks comes.
    const visible = (row: ClientRow) => {
      const copy: Record<string, unknown> = { ...row };
      for (const f of Object.values(RANK_FIELDS)) {
        expect(copy[f]).toBeNaN();
        delete copy[f];
      }
      return copy as unknown as ClientRow;
    };
    const grid = async (includeArchived: boolean, asOf = AS_OF) => gridRows(await call<ClientsGrid>('clients.grid', { includeArchived, asOf })).map(visible);
    expectSame(await grid(false), await list(false));

    // Changes the store must follow: an archived client, an archived line, a rename that moves a row, a new client with a credit note.
    const rows = await list(false);
    await call('clients.archive', { id: rows[3].id });
    const line = (await call('purchases.list', { clientId: rows[5].id }))[0];
    await call('purchases.archive', { id: line.id });
    const { createdAt: _c, updatedAt: _u, archivedAt: _a, ...c } = await call('clients.get', { id: rows[7].id });
    await call('clients.update', { ...c, name: 'aaa first now' });
    const fresh = (await call('clients.create', { name: 'Zeta Newcomer', country: 'HU' })).id;
    await call('purchases.create', { clientId: fresh, date: '2026-05-02', amount: 300, quantity: 3 });
    await call('purchases.create', { clientId: fresh, date: '2026-05-09', amount: -50, quantity: -1 });
    for (const archived of [false, true]) expectSame(await grid(archived), await list(archived));
    expect((await grid(false))[0].name).toBe('aaa first now');
    // Another "today": the twelve months move with it.
    expectSame(await grid(false, '2025-12-31'), await list(false, '2025-12-31'));
  });

  it('sends a fraction of what the rows would weigh', async () => {
    const db = emptyDatabase();
    generateDemo(db, { clients: 400, purchases: 8000, seed: 5, asOf: AS_OF });
    const { call } = routerCalls(db);
    const columns = JSON.stringify(await call('clients.grid', { asOf: AS_OF }));
    const rows = JSON.stringify(await call('clients.list', { asOf: AS_OF }));
    expect(columns.length).toBeLessThan(rows.length * 0.5);
  });
});
