import { join } from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';
import { describe, expect, it } from 'vitest';
import { migrateSafely, openDatabase } from '../../electron/db/migrate';
import { tempDir } from '../helpers/db';
import { migrationsBefore } from '../helpers/migrations';

describe('0005 dossiers', () => {
  it('adds the dossier tables, the full-text index with Thai-safe tokens, and the triggers that queue contact and interaction edits', () => {
    const path = join(tempDir(), 'v5.db');
    const before = openDatabase(path, migrationsBefore('0005'));
    const s0 = before.sqlite;
    const c = Number(s0.prepare(`INSERT INTO clients (name) VALUES ('Orion')`).run().lastInsertRowid);
    const k = Number(s0.prepare(`INSERT INTO contacts (client_id, name, level, notes) VALUES (?, 'Ágnes', 'owner', 'régi jegyzet')`).run(c).lastInsertRowid);
    const i = Number(s0.prepare(`INSERT INTO interactions (client_id, kind, date, summary) VALUES (?, 'call', '2026-01-02', 'Звонок')`).run(c).lastInsertRowid);
    s0.close();

    const report = migrateSafely(path, migrationsBefore('0006'));
    expect(report.applied).toBe(1);
    const s = new Database(path);
    s.pragma('foreign_keys = ON');
    const names = (type: string) => (s.prepare(`SELECT name FROM sqlite_master WHERE type = ? AND name LIKE 'dossier%' ORDER BY name`).all(type) as { name: string }[]).map((r) => r.name);
    expect(names('table')).toEqual(expect.arrayContaining(['dossier_influences', 'dossier_people', 'dossier_revisions', 'dossier_search', 'dossier_search_docs', 'dossier_search_queue', 'dossier_search_state', 'dossier_sections', 'dossiers']));
    expect(names('trigger')).toEqual(['dossier_search_contact_changed', 'dossier_search_contact_deleted', 'dossier_search_interaction_changed', 'dossier_search_interaction_deleted']);
    // The index has not been built: the first search builds it with the ICU of the day.
    expect(s.prepare(`SELECT icu, contacts_seen, interactions_seen FROM dossier_search_state`).all()).toEqual([{ icu: null, contacts_seen: 0, interactions_seen: 0 }]);

    const d = Number(s.prepare(`INSERT INTO dossiers (client_id, title) VALUES (?, 'Orion')`).run(c).lastInsertRowid);
    const sec = Number(s.prepare(`INSERT INTO dossier_sections (dossier_id, position, title, doc, text, words) VALUES (?, 1, 'Cég', '{"type":"doc"}', 'ลูกค้า', 1)`).run(d).lastInsertRowid);
    s.prepare(`INSERT INTO dossier_revisions (section_id, revision, title, doc, words, reason) VALUES (?, 1, 'Cég', '{"type":"doc"}', 1, 'snapshot')`).run(sec);
    s.prepare(`INSERT INTO dossier_people (contact_id, stance, influence) VALUES (?, 'champion', 8)`).run(k);
    s.prepare(`INSERT INTO dossier_influences (from_id, to_id) VALUES (?, ?)`).run(k, k);
    // Thai vowel and tone marks stay inside the word ('ที่' is one token, not 'ท' + 'ี่').
    s.prepare(`INSERT INTO dossier_search (rowid, body) VALUES (1, 'ที่ ดี ลูกค้า')`).run();
    expect(s.prepare(`SELECT rowid FROM dossier_search WHERE dossier_search MATCH '"ที่"'`).all()).toEqual([{ rowid: 1 }]);
    expect(s.prepare(`SELECT rowid FROM dossier_search WHERE dossier_search MATCH '"ท"'`).all()).toEqual([]);
    s.prepare(`DELETE FROM dossier_search WHERE rowid = 1`).run();
    expect(s.prepare(`SELECT count(*) AS n FROM dossier_search WHERE dossier_search MATCH 'ดี'`).get()).toEqual({ n: 0 });

    // Edits other features make are queued; edits that do not touch the indexed text are not.
    s.prepare(`UPDATE contacts SET notes = 'új jegyzet' WHERE id = ?`).run(k);
    s.prepare(`UPDATE contacts SET phone = '+36 1' WHERE id = ?`).run(k);
    s.prepare(`UPDATE interactions SET summary = 'Встреча' WHERE id = ?`).run(i);
    s.prepare(`DELETE FROM interactions WHERE id = ?`).run(i);
    expect(s.prepare(`SELECT kind, ref_id AS refId FROM dossier_search_queue ORDER BY id`).all()).toEqual([{ kind: 'contact', refId: k }, { kind: 'interaction', refId: i }, { kind: 'interaction', refId: i }]);

    // A client that goes leaves its dossier (detached); a contact that goes takes its stance and links.
    s.prepare(`DELETE FROM contacts WHERE id = ?`).run(k);
    expect(s.prepare(`SELECT count(*) AS n FROM dossier_people`).get()).toEqual({ n: 0 });
    expect(s.prepare(`SELECT count(*) AS n FROM dossier_influences`).get()).toEqual({ n: 0 });
    s.prepare(`DELETE FROM clients WHERE id = ?`).run(c);
    expect(s.prepare(`SELECT client_id AS clientId FROM dossiers`).all()).toEqual([{ clientId: null }]);
    expect(s.prepare(`SELECT count(*) AS n FROM dossier_revisions`).get()).toEqual({ n: 1 });
    expect(s.prepare(`PRAGMA integrity_check`).get()).toEqual({ integrity_check: 'ok' });
    s.close();
  });
});
