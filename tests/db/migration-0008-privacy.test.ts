import { join } from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';
import { describe, expect, it } from 'vitest';
import { migrateSafely, openDatabase } from '../../electron/db/migrate';
import { tempDir } from '../helpers/db';
import { migrationsBefore } from '../helpers/migrations';

describe('0008 privacy', () => {
  it('adds the erasure log and the triggers that keep switched-off contact fields empty, on a base with contacts in it', () => {
    const path = join(tempDir(), 'v8.db');
    const before = openDatabase(path, migrationsBefore('0008'));
    const s0 = before.sqlite;
    const c = Number(s0.prepare(`INSERT INTO clients (name) VALUES ('Orion')`).run().lastInsertRowid);
    const kept = Number(s0.prepare(`INSERT INTO contacts (client_id, name, level, family, hobbies) VALUES (?, 'Anna', 'owner', 'two kids', 'golf')`).run(c).lastInsertRowid);
    s0.close();

    const report = migrateSafely(path, migrationsBefore('0009'));
    expect(report.applied).toBe(1);
    const s = new Database(path);
    s.pragma('foreign_keys = ON');
    const triggers = s.prepare(`SELECT name FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'privacy%' ORDER BY name`).pluck().all();
    expect(triggers).toEqual(['privacy_contacts_fields_insert', 'privacy_contacts_fields_update']);
    // Existing rows are left alone by the migration itself; nothing is switched off yet.
    expect(s.prepare(`SELECT family, hobbies FROM contacts WHERE id = ?`).get(kept)).toEqual({ family: 'two kids', hobbies: 'golf' });
    s.prepare(`INSERT INTO contacts (client_id, name, level, family) VALUES (?, 'Béla', 'staff', 'married')`).run(c);
    expect(s.prepare(`SELECT count(*) FROM contacts WHERE family IS NOT NULL`).pluck().get()).toBe(2);
    // Switched off: new and updated values are dropped, other fields kept.
    s.prepare(`INSERT INTO settings (key, value) VALUES ('privacy.settings', ?)`).run(JSON.stringify({ contactFields: { family: false, hobbies: true } }));
    const added = Number(s.prepare(`INSERT INTO contacts (client_id, name, level, family, hobbies) VALUES (?, 'Cecil', 'staff', 'divorced', 'chess')`).run(c).lastInsertRowid);
    expect(s.prepare(`SELECT family, hobbies FROM contacts WHERE id = ?`).get(added)).toEqual({ family: null, hobbies: 'chess' });
    s.prepare(`UPDATE contacts SET family = 'three kids', hobbies = 'tennis' WHERE id = ?`).run(kept);
    expect(s.prepare(`SELECT family, hobbies FROM contacts WHERE id = ?`).get(kept)).toEqual({ family: null, hobbies: 'tennis' });
    // The log takes a row with no name in it.
    s.prepare(`INSERT INTO privacy_erasures (kind, subject_id, removed, redacted) VALUES ('contact', ?, 1, 0)`).run(kept);
    expect(s.prepare(`SELECT kind, subject_id AS id, at FROM privacy_erasures`).get()).toMatchObject({ kind: 'contact', id: kept, at: expect.stringMatching(/^\d{4}-\d\d-\d\dT/) });
    expect(s.prepare(`PRAGMA integrity_check`).pluck().get()).toBe('ok');
    s.close();
  });
});
