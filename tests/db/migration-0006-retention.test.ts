import { join } from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';
import { describe, expect, it } from 'vitest';
import { migrateSafely, openDatabase } from '../../electron/db/migrate';
import { tempDir } from '../helpers/db';
import { migrationsBefore } from '../helpers/migrations';

describe('0006 retention', () => {
  it('adds the retention tables, fills each client\'s last contact from the interactions already there, and keeps it by triggers', () => {
    const path = join(tempDir(), 'v6.db');
    const before = openDatabase(path, migrationsBefore('0006'));
    const s0 = before.sqlite;
    const a = Number(s0.prepare(`INSERT INTO clients (name) VALUES ('Orion')`).run().lastInsertRowid);
    const b = Number(s0.prepare(`INSERT INTO clients (name) VALUES ('Vega')`).run().lastInsertRowid);
    const add = s0.prepare(`INSERT INTO interactions (client_id, kind, date, summary, archived_at) VALUES (?, 'call', ?, 'x', ?)`);
    add.run(a, '2026-01-10', null);
    add.run(a, '2026-03-01', null);
    add.run(a, '2026-05-01', '2026-05-02T00:00:00Z'); // archived: not a contact
    add.run(b, '2025-12-24', null);
    s0.prepare(`INSERT INTO purchases (client_id, date, amount) VALUES (?, '2026-01-02', 50)`).run(a);
    s0.close();

    const report = migrateSafely(path, migrationsBefore('0007'));
    expect(report.applied).toBe(1);
    const s = new Database(path);
    s.pragma('foreign_keys = ON');
    const names = (type: string) => (s.prepare(`SELECT name FROM sqlite_master WHERE type = ? AND name LIKE 'retention%' ORDER BY name`).all(type) as { name: string }[]).map((r) => r.name);
    expect(names('table')).toEqual([
      'retention_cadence', 'retention_calls', 'retention_campaign_members', 'retention_campaigns', 'retention_epoch', 'retention_fits', 'retention_memberships',
      'retention_programmes', 'retention_reminders', 'retention_seen', 'retention_touch', 'retention_visits',
    ]);
    expect(names('trigger')).toEqual(['retention_touch_deleted', 'retention_touch_inserted', 'retention_touch_updated']);
    // Birthdays by month-day come from an index of live contacts, not a scan of all of them.
    const plan = s.prepare(`EXPLAIN QUERY PLAN SELECT id FROM contacts WHERE archived_at IS NULL AND birthday IS NOT NULL AND substr(birthday, -5) IN ('07-01', '07-02')`).all() as { detail: string }[];
    expect(plan.map((p) => p.detail).join(' ')).toMatch(/USING INDEX retention_contacts_birthday_idx/);
    const touch = () => s.prepare(`SELECT client_id AS c, last_date AS d FROM retention_touch ORDER BY c`).all();
    expect(touch()).toEqual([{ c: a, d: '2026-03-01' }, { c: b, d: '2025-12-24' }]);
    const touches = () => (s.prepare(`SELECT touches FROM retention_epoch`).get() as { touches: number }).touches;
    expect(touches()).toBe(0);

    // Insert, archive, restore, move, delete: the last contact follows each, and the counter moves.
    const id = Number(s.prepare(`INSERT INTO interactions (client_id, kind, date, summary) VALUES (?, 'visit', '2026-06-01', 'y')`).run(b).lastInsertRowid);
    expect(touch()).toEqual([{ c: a, d: '2026-03-01' }, { c: b, d: '2026-06-01' }]);
    s.prepare(`UPDATE interactions SET archived_at = '2026-06-02' WHERE id = ?`).run(id);
    expect(touch()).toEqual([{ c: a, d: '2026-03-01' }, { c: b, d: '2025-12-24' }]);
    s.prepare(`UPDATE interactions SET archived_at = NULL, client_id = ? WHERE id = ?`).run(a, id);
    expect(touch()).toEqual([{ c: a, d: '2026-06-01' }, { c: b, d: '2025-12-24' }]);
    s.prepare(`DELETE FROM interactions WHERE client_id = ?`).run(b);
    expect(touch()).toEqual([{ c: a, d: '2026-06-01' }]);
    expect(touches()).toBe(4);

    // Rows in the new tables, and what a deleted client takes with it.
    const camp = Number(s.prepare(`INSERT INTO retention_campaigns (name, reason, news, offer, offer_until, offer_why, reactivation_days, seed, start_date) VALUES ('Spring', 'sale', 'n', 'o', '2026-07-01', 'w', 30, 1, '2026-06-01')`).run().lastInsertRowid);
    s.prepare(`INSERT INTO retention_campaign_members (campaign_id, client_id, arm) VALUES (?, ?, 'offer')`).run(camp, a);
    s.prepare(`INSERT INTO retention_calls (campaign_id, client_id, date, outcome) VALUES (?, ?, '2026-06-02', 'willCome')`).run(camp, a);
    s.prepare(`INSERT INTO retention_seen (client_id) VALUES (?)`).run(a);
    s.prepare(`INSERT INTO retention_reminders (key, client_id, state) VALUES ('birthday:1:2026-06-30', ?, 'done')`).run(a);
    const prog = Number(s.prepare(`INSERT INTO retention_programmes (name, kind) VALUES ('Card', 'discount')`).run().lastInsertRowid);
    s.prepare(`INSERT INTO retention_memberships (programme_id, client_id, tier, start_date) VALUES (?, ?, 'VIP', '2026-01-01')`).run(prog, a);
    expect(() => s.prepare(`INSERT INTO retention_memberships (programme_id, client_id, start_date) VALUES (?, ?, '2026-02-01')`).run(prog, a)).toThrow(/UNIQUE/);
    s.prepare(`DELETE FROM clients WHERE id = ?`).run(a);
    for (const t of ['retention_campaign_members', 'retention_calls', 'retention_seen', 'retention_reminders', 'retention_memberships', 'retention_touch']) {
      expect((s.prepare(`SELECT count(*) AS n FROM ${t}`).get() as { n: number }).n, t).toBe(0);
    }
    expect(s.pragma('foreign_key_check')).toEqual([]);
    s.close();
  });
});
