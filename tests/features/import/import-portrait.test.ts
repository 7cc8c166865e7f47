import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { run } from '../../../electron/cli/index';
import { openDatabase } from '../../../electron/db/migrate';
import { findMigrationsFolder } from '../../../electron/db/migrations-path';
import { ensureDefaultClientTypes } from '../../../electron/features/accounts/client-types';
import { undoImport, undoPlan } from '../../../electron/features/import/service';
import { emptyDatabase, tempDir } from '../../helpers/db';
import { writeCsv, writeXlsx } from '../../helpers/fixtures';
import { commit, preview, problemInEnglish } from '../../helpers/importing';
import { routerCalls } from '../../helpers/router';

type Db = ReturnType<typeof emptyDatabase>;

/** A client's portrait as stored, by code. */
const portrait = (db: Db, code: string) => JSON.parse((db.sqlite.prepare(`SELECT profile FROM clients WHERE code = ?`).get(code) as { profile: string }).profile);
const idOf = (db: Db, code: string) => (db.sqlite.prepare(`SELECT id FROM clients WHERE code = ?`).get(code) as { id: number }).id;
const tick = () => new Promise((r) => setTimeout(r, 3));
// The form sends the record back without its bookkeeping stamps.
const strip = ({ createdAt: _c, updatedAt: _u, archivedAt: _a, ...rest }: Record<string, unknown>) => rest;

const HEADER = 'Code;Name;Type;Sales floor (m²);Price segment;Brands stocked;Own delivery fleet;Purchase frequency';
const CSV = [
  HEADER,
  'R-1;Rose Retail;Retailer;1250;premium;"Acme; Bolt";;Monthly',
  'D-1;Delta Distribution;Distributor;;;;igen;',
  'R-2;Bad Retail;Retailer;lots;Luxury;;;weekly',
  'N-1;No Type Co;;300;;;;',
  'D-2;Dora Logistics;Distributor;500;;;nem;',
].join('\n') + '\n';

describe('portrait fields as import fields', () => {
  it('offers every portrait field of every client type, guesses them from their labels and reads each by its kind', async () => {
    const db = emptyDatabase();
    const path = writeCsv(tempDir(), 'clients.csv', CSV);
    const p = await preview(db, { path, kind: 'clients' });
    const offered = new Map(p.portraitFields.map((f) => [f.key, f.label]));
    // Four types' fields; purchase frequency belongs to two types and is one column.
    expect(offered.get('profile.sales_floor_m2')).toBe('Sales floor (m²)');
    expect(offered.get('profile.own_delivery_fleet')).toBe('Own delivery fleet');
    expect(offered.get('profile.staff')).toBe('Staff');
    expect([...offered.keys()].filter((k) => k === 'profile.purchase_frequency')).toHaveLength(1);
    expect(p.mapping).toEqual(['code', 'name', 'type', 'profile.sales_floor_m2', 'profile.price_segment', 'profile.brands_stocked', 'profile.own_delivery_fleet', 'profile.purchase_frequency']);
    expect(p.formats[3]).toMatchObject({ numberStyle: expect.any(String) });

    const row = (line: number) => p.rows.find((r) => r.line === line)!;
    expect(row(2)).toMatchObject({ action: 'add', values: { 'profile.sales_floor_m2': 1250, 'profile.price_segment': 'Premium', 'profile.brands_stocked': ['Acme', 'Bolt'], 'profile.purchase_frequency': 'Monthly' } });
    expect(row(3).values['profile.own_delivery_fleet']).toBe(true);
    // One bad optional value rejects that value, not the client.
    expect(row(4).action).toBe('add');
    expect(row(4).problems.filter((x) => x.column >= 0).map(problemInEnglish)).toEqual([
      { column: 3, message: '"lots" is not a number' },
      { column: 4, message: '"Luxury" is not one of Economy, Middle, Premium' },
    ]);
    expect(row(4).values['profile.purchase_frequency']).toBe('Weekly');
    expect(row(5).problems.filter((x) => x.column >= 0).map(problemInEnglish)).toEqual([
      { column: 3, message: 'the client has no type, and Sales floor (m²) is a field of Retailer clients' },
    ]);
    expect(row(6).problems.filter((x) => x.column >= 0).map(problemInEnglish)).toEqual([
      { column: 3, message: 'a Distributor client has no field Sales floor (m²) (it is a field of Retailer clients)' },
    ]);
    expect(p.summary).toMatchObject({ added: 5, rejected: 0, leftOut: 3 });

    const r = await commit(db, { path, kind: 'clients' });
    expect(r).toMatchObject({ added: 5, rejected: 0, leftOut: 3 });
    expect(portrait(db, 'R-1')).toEqual({ sales_floor_m2: 1250, price_segment: 'Premium', brands_stocked: ['Acme', 'Bolt'], purchase_frequency: 'Monthly' });
    expect(portrait(db, 'D-1')).toEqual({ own_delivery_fleet: true });
    expect(portrait(db, 'R-2')).toEqual({ purchase_frequency: 'Weekly' });
    expect(portrait(db, 'N-1')).toEqual({});
    expect(portrait(db, 'D-2')).toEqual({ own_delivery_fleet: false });

    // What the import wrote is a portrait the client form accepts as it is.
    const { call } = routerCalls(db);
    const rose = await call('clients.get', { id: idOf(db, 'R-1') });
    await call('clients.update', { ...strip(rose), notes: 'Checked' });
    expect((await call('clients.get', { id: idOf(db, 'R-1') })).profile.brands_stocked).toEqual(['Acme', 'Bolt']);

    // The same file again changes nothing.
    const again = await commit(db, { path, kind: 'clients' });
    expect(again).toMatchObject({ added: 0, updated: 0, unchanged: 5, importId: null });
  });

  it('fills in existing portraits without blanking a value, and undo puts back what it changed', async () => {
    const db = emptyDatabase();
    const { call } = routerCalls(db);
    const types = await call('clientTypes.list', {});
    const retailer = types.find((t: { key: string }) => t.key === 'retailer').id;
    const id = (await call('clients.create', { name: 'Rose Retail', code: 'R-1', typeId: retailer, profile: { sales_floor_m2: 100, price_segment: 'Economy', brands_stocked: ['Old'] } })).id;
    const other = (await call('clients.create', { name: 'Ruby Retail', code: 'R-2', typeId: retailer, profile: { price_segment: 'Middle' } })).id;
    // An empty cell keeps the stored value; a filled one replaces it.
    const path = writeCsv(tempDir(), 'update.csv', 'Code;Name;Sales floor (m²);Price segment;Brands stocked\nR-1;Rose Retail;;Premium;"New; Newer"\nR-2;Ruby Retail;80;;\n');
    const r = await commit(db, { path, kind: 'clients' });
    expect(r).toMatchObject({ added: 0, updated: 2, rejected: 0 });
    expect(portrait(db, 'R-1')).toEqual({ sales_floor_m2: 100, price_segment: 'Premium', brands_stocked: ['New', 'Newer'] });
    expect(portrait(db, 'R-2')).toEqual({ price_segment: 'Middle', sales_floor_m2: 80 });
    await tick();
    // Someone changes one field the import wrote: undo keeps that one and says so.
    await call('clients.update', { ...strip(await call('clients.get', { id: other })), profile: { price_segment: 'Middle', sales_floor_m2: 95 } });

    const plan = undoPlan(db, r.importId!);
    expect(plan.restoreFields).toBe(2);
    expect(plan.keptFields).toEqual([{ table: 'clients', id: other, label: 'Ruby Retail', field: 'profile.sales_floor_m2', fieldLabel: 'Sales floor (m²)', reason: 'changed_since' }]);
    expect(undoImport(db, r.importId!)).toMatchObject({ restored: 1, clients: 0 });
    expect(portrait(db, 'R-1')).toEqual({ sales_floor_m2: 100, price_segment: 'Economy', brands_stocked: ['Old'] });
    expect(portrait(db, 'R-2')).toEqual({ price_segment: 'Middle', sales_floor_m2: 95 });
    expect((await call('clients.get', { id })).profile).toEqual({ sales_floor_m2: 100, price_segment: 'Economy', brands_stocked: ['Old'] });
  });

  it('reads portrait columns from a real workbook, and undo removes the clients it added', async () => {
    const db = emptyDatabase();
    const path = await writeXlsx(tempDir(), 'clients.xlsx', (wb) => {
      const ws = wb.addWorksheet('Clients');
      ws.addRow(['Code', 'Name', 'Type', 'Warehouse (m²)', 'Own delivery fleet', 'Regions served', 'Staff']);
      ws.addRow(['D-1', 'Delta Distribution', 'Distributor', 2400.5, true, 'North, South', null]);
      ws.addRow(['D-2', 'Dora Logistics', 'Distributor', 'huge', false, null, null]);
      ws.addRow(['S-1', 'Sigma Services', 'Service business', null, null, null, 12]);
    });
    const p = await preview(db, { path, kind: 'clients' });
    expect(p.mapping).toEqual(['code', 'name', 'type', 'profile.warehouse_m2', 'profile.own_delivery_fleet', 'profile.regions_served', 'profile.staff']);
    expect(p.rows.find((r) => r.line === 3)!.problems.filter((x) => x.column >= 0).map(problemInEnglish)).toEqual([{ column: 3, message: '"huge" is not a number' }]);
    const r = await commit(db, { path, kind: 'clients' });
    expect(r).toMatchObject({ added: 3, rejected: 0, leftOut: 1 });
    expect(portrait(db, 'D-1')).toEqual({ warehouse_m2: 2400.5, own_delivery_fleet: true, regions_served: ['North', 'South'] });
    expect(portrait(db, 'D-2')).toEqual({ own_delivery_fleet: false });
    expect(portrait(db, 'S-1')).toEqual({ staff: 12 });
    expect(await commit(db, { path, kind: 'clients' })).toMatchObject({ added: 0, updated: 0, unchanged: 3, importId: null });
    expect(undoImport(db, r.importId!)).toMatchObject({ clients: 3 });
    expect(db.sqlite.prepare(`SELECT count(*) AS n FROM clients`).get()).toEqual({ n: 0 });
  });

  it('a portrait field can be mapped on the command line by its key', async () => {
    const dbPath = join(tempDir(), 'cli.db');
    const setup = openDatabase(dbPath, findMigrationsFolder());
    ensureDefaultClientTypes(setup);
    setup.sqlite.close();
    const file = writeCsv(tempDir(), 'shops.csv', 'Code,Name,Type,Floor\nR-1,Rose Retail,Retailer,640\n');
    const out: string[] = [];
    expect(await run(['import', 'clients', file, '--db', dbPath, '--map', 'Floor=profile.sales_floor_m2', '--json'], (s) => out.push(s))).toBe(0);
    expect(JSON.parse(out.join(''))).toMatchObject({ added: 1, rejected: 0 });
    const wrong: string[] = [];
    await expect(run(['import', 'clients', file, '--db', dbPath, '--map', 'Floor=profile.no_such_field'], (s) => wrong.push(s))).rejects.toThrow(/profile\.sales_floor_m2/);
    const db = openDatabase(dbPath, findMigrationsFolder());
    try {
      expect(portrait(db, 'R-1')).toEqual({ sales_floor_m2: 640 });
    } finally {
      db.sqlite.close();
    }
  });
});
