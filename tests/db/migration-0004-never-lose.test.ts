import { join } from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';
import { describe, expect, it } from 'vitest';
import { migrateSafely, openDatabase } from '../../electron/db/migrate';
import { tempDir } from '../helpers/db';
import { migrationsBefore } from '../helpers/migrations';

describe('0004 never lose', () => {
  it('adds the change log and its triggers, drops the timestamp indexes, keeps import history for undo', () => {
    const path = join(tempDir(), 'v4.db');
    const before = openDatabase(path, migrationsBefore('0004'));
    const s0 = before.sqlite;
    const c = Number(s0.prepare(`INSERT INTO clients (name) VALUES ('Orion')`).run().lastInsertRowid);
    const p = Number(s0.prepare(`INSERT INTO purchases (client_id, date, amount) VALUES (?, '2026-01-02', 50)`).run(c).lastInsertRowid);
    const imp = Number(s0.prepare(`INSERT INTO imports (kind, file_name, file_hash, file_size, summary) VALUES ('clients', 'c.csv', 'h', 1, '{}')`).run().lastInsertRowid);
    s0.prepare(`INSERT INTO import_changes (import_id, table_name, row_id, before) VALUES (?, 'clients', ?, '{"name":"Old"}')`).run(imp, c);
    s0.close();

    const report = migrateSafely(path, migrationsBefore('0005'));
    expect(report.applied).toBe(1);
    expect(report.backupPath, 'the pre-migration backup is kept with the rolling ones').toMatch(/000001-.*-migration\.db$/);
    const s = new Database(path);
    const names = (type: string) => (s.prepare(`SELECT name FROM sqlite_master WHERE type = ? ORDER BY name`).all(type) as { name: string }[]).map((r) => r.name);
    expect(names('trigger')).toEqual(['clients_changed_log', 'clients_deleted_epoch', 'purchases_changed_log', 'purchases_deleted_epoch']);
    expect(names('index')).not.toContain('purchases_updated_idx');
    expect(names('index')).not.toContain('clients_updated_idx');
    expect(s.prepare(`SELECT table_name, row_id, before, after FROM import_changes`).all()).toEqual([{ table_name: 'clients', row_id: c, before: '{"name":"Old"}', after: null }]);
    // Updates are logged in commit order, inserts are not (new ids say enough).
    s.prepare(`UPDATE purchases SET amount = 60 WHERE id = ?`).run(p);
    s.prepare(`UPDATE clients SET name = 'Orion Kft' WHERE id = ?`).run(c);
    s.prepare(`INSERT INTO purchases (client_id, date, amount) VALUES (?, '2026-01-03', 1)`).run(c);
    expect(s.prepare(`SELECT table_name, row_id FROM change_log ORDER BY id`).all()).toEqual([{ table_name: 'purchases', row_id: p }, { table_name: 'clients', row_id: c }]);
    s.close();
  });
});
