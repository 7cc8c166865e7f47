import { join } from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';
import { describe, expect, it } from 'vitest';
import { migrateSafely, openDatabase } from '../../electron/db/migrate';
import { tempDir } from '../helpers/db';
import { migrationsBefore } from '../helpers/migrations';

describe('0002 analytics', () => {
  it('adds supplier discounts, the key-potential flag and the delete counter, keeping clients and purchases', () => {
    const path = join(tempDir(), 'v2.db');
    const before = openDatabase(path, migrationsBefore('0002'));
    const c = Number(before.sqlite.prepare(`INSERT INTO clients (name) VALUES ('Orion')`).run().lastInsertRowid);
    before.sqlite.prepare(`INSERT INTO purchases (client_id, date, amount) VALUES (?, '2026-01-02', 50), (?, '2026-01-03', 70)`).run(c, c);
    before.sqlite.close();
    expect(migrateSafely(path, migrationsBefore('0003')).applied).toBe(1);
    const s = new Database(path);
    expect(s.prepare(`SELECT name, key_potential FROM clients`).all()).toEqual([{ name: 'Orion', key_potential: 0 }]);
    expect(s.prepare(`SELECT count(*) AS n, sum(amount) AS total FROM purchases`).get()).toEqual({ n: 2, total: 120 });
    expect(s.prepare(`SELECT deletes FROM analytics_epoch`).get()).toEqual({ deletes: 0 });
    // The counter moves on a hard delete of either table.
    s.prepare(`DELETE FROM purchases WHERE amount = 50`).run();
    s.prepare(`INSERT INTO supplier_discounts (supplier, threshold_quantity, discount_pct, list_unit_cost) VALUES ('Acme', 10, 5, 2)`).run();
    expect(s.prepare(`SELECT deletes FROM analytics_epoch`).get()).toEqual({ deletes: 1 });
    s.close();
  });
});
