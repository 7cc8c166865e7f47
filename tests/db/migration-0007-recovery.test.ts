import { join } from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';
import { describe, expect, it } from 'vitest';
import { migrateSafely, openDatabase } from '../../electron/db/migrate';
import { tempDir } from '../helpers/db';
import { migrationsBefore, REAL_MIGRATIONS } from '../helpers/migrations';

describe('0007 recovery', () => {
  it('adds the recovery tables on a base with clients, seeds the built-in reasons, and keeps one open case per client', () => {
    const path = join(tempDir(), 'v7.db');
    const before = openDatabase(path, migrationsBefore('0007'));
    const s0 = before.sqlite;
    const client = Number(s0.prepare(`INSERT INTO clients (name, status) VALUES ('Orion', 'active')`).run().lastInsertRowid);
    const prospect = Number(s0.prepare(`INSERT INTO clients (name, status, referred_by_id) VALUES ('Pannon', 'prospect', ?)`).run(client).lastInsertRowid);
    const contact = Number(s0.prepare(`INSERT INTO contacts (client_id, name, level) VALUES (?, 'Gábor', 'owner')`).run(client).lastInsertRowid);
    const task = Number(s0.prepare(`INSERT INTO tasks (client_id, title, due_date) VALUES (?, 'Call back', '2026-08-01')`).run(client).lastInsertRowid);
    s0.close();

    expect(migrateSafely(path, REAL_MIGRATIONS).applied).toBeGreaterThanOrEqual(1);
    const s = new Database(path);
    s.pragma('foreign_keys = ON');
    expect(s.prepare(`SELECT code, category, position, label FROM recovery_reasons ORDER BY position`).all()).toEqual([
      { code: 'better_terms', category: 'terms', position: 0, label: null },
      { code: 'service', category: 'service', position: 1, label: null },
      { code: 'make_own', category: 'no_need', position: 2, label: null },
      { code: 'buy_direct', category: 'no_need', position: 3, label: null },
      { code: 'changed_business', category: 'no_need', position: 4, label: null },
      { code: 'other', category: 'other', position: 5, label: null },
    ]);
    const reason = (s.prepare(`SELECT id FROM recovery_reasons WHERE code = 'service'`).get() as { id: number }).id;
    const open = Number(s.prepare(`INSERT INTO recovery_cases (client_id, lost_on, status_before, meeting_contact_id, reason_id) VALUES (?, '2026-06-01', 'active', ?, ?)`).run(client, contact, reason).lastInsertRowid);
    expect(s.prepare(`SELECT meeting_status, terms, key_at_loss, outcome FROM recovery_cases WHERE id = ?`).get(open)).toEqual({ meeting_status: 'to_ask', terms: '[]', key_at_loss: 0, outcome: null });
    expect(() => s.prepare(`INSERT INTO recovery_cases (client_id, lost_on, status_before) VALUES (?, '2026-06-02', 'lost')`).run(client)).toThrow(/UNIQUE/);
    s.prepare(`INSERT INTO recovery_cases (client_id, lost_on, status_before, outcome, outcome_on) VALUES (?, '2025-01-02', 'active', 'won_back', '2025-02-01')`).run(client);
    s.prepare(`INSERT INTO recovery_offers (case_id, kind, offer, answer) VALUES (?, 'fix', 'Weekly call', 'accepted')`).run(open);
    s.prepare(`INSERT INTO recovery_referrals (case_id, referrer_id, referred_id, contact_name) VALUES (?, ?, ?, 'Éva')`).run(open, client, prospect);
    s.prepare(`INSERT INTO recovery_case_tasks (case_id, task_id) VALUES (?, ?)`).run(open, task);
    s.prepare(`INSERT INTO recovery_actions (reason_id, what, status) VALUES (?, 'Weekly delivery call', 'planned')`).run(reason);
    expect(s.pragma('foreign_key_check')).toEqual([]);
    // Losing a contact keeps the case; losing the client takes its cases, offers, referrals and links with it.
    s.prepare(`DELETE FROM contacts WHERE id = ?`).run(contact);
    expect(s.prepare(`SELECT meeting_contact_id FROM recovery_cases WHERE id = ?`).get(open)).toEqual({ meeting_contact_id: null });
    s.prepare(`DELETE FROM clients WHERE id = ?`).run(client);
    const left = s.prepare(`SELECT (SELECT count(*) FROM recovery_cases) AS cases, (SELECT count(*) FROM recovery_offers) AS offers, (SELECT count(*) FROM recovery_referrals) AS referrals, (SELECT count(*) FROM recovery_case_tasks) AS links, (SELECT count(*) FROM recovery_actions) AS actions`).get();
    expect(left).toEqual({ cases: 0, offers: 0, referrals: 0, links: 0, actions: 1 });
    s.close();
  });
});
