import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { backupDir, backupExpiry, createBackup, listBackups } from '../../../electron/db/backups';
import type { Db } from '../../../electron/db/connection';
import type { ErasureReport } from '../../../shared/features/privacy/types';
import { emptyDatabase } from '../../helpers/db';
import { routerCalls } from '../../helpers/router';
import { canariesIn } from './helpers';

const PERSON = 'Xerxes Vantablack';
// What a hex editor would look for: the name as written, as the search index folds it, the e-mail, the phone, the notes.
const CANARIES = ['Vantablack', 'vantablack', 'xerxes@vanta.example', '555 1234', 'CANARY-FAMILY-A', 'CANARY-HOBBY-A'];

async function until(call: ReturnType<typeof routerCalls>['call'], jobId: string) {
  for (;;) {
    const s = await call('jobs.status', { jobId });
    if (s.state !== 'running') return s;
    await new Promise((r) => setTimeout(r, 10));
  }
}

/** A client with the person to erase and a colleague to keep, the person named across the app's free text and in the search index. */
async function world(db: Db) {
  const { call } = routerCalls(db);
  const client = (await call('clients.create', { name: 'Orion Kft.', notes: `Key contact: ${PERSON}.` })).id;
  const other = (await call('clients.create', { name: 'Vega Bt.' })).id;
  const person = (
    await call('contacts.create', {
      clientId: client, name: PERSON, level: 'owner', email: 'xerxes@vanta.example', phone: '+36 30 555 1234', family: 'CANARY-FAMILY-A', hobbies: 'CANARY-HOBBY-A', birthday: '--03-14',
    })
  ).id;
  const colleague = (await call('contacts.create', { clientId: client, name: 'Berta Kowalczyk', level: 'finance', family: 'CANARY-FAMILY-B', notes: `Reports to ${PERSON}; cc xerxes@vanta.example` })).id;
  const linked = (await call('interactions.create', { clientId: client, contactId: person, kind: 'lunch', date: '2026-03-01', summary: `Lunch with ${PERSON} at the lake`, outcome: 'He will call back on +36 30 555 1234' })).id;
  const mentions = (await call('interactions.create', { clientId: client, contactId: colleague, kind: 'call', date: '2026-03-05', summary: 'Berta said VANTABLACK,  XERXES is retiring' })).id;
  const elsewhere = (await call('interactions.create', { clientId: other, kind: 'meeting', date: '2026-03-07', summary: `Met ${PERSON} at the fair` })).id;
  const untouched = (await call('interactions.create', { clientId: client, kind: 'visit', date: '2026-03-09', summary: 'Stock count with Berta' })).id;
  const task = (await call('tasks.create', { clientId: client, contactId: person, title: `Send flowers to ${PERSON}`, dueDate: '2026-03-13', notes: 'mail xerxes@vanta.example' })).id;
  // An import replaced the person's phone: the old and new values are kept for undo.
  const imp = Number(db.sqlite.prepare(`INSERT INTO imports (kind, file_name, file_hash, file_size, summary) VALUES ('contacts', 'c.csv', 'h', 1, '{}')`).run().lastInsertRowid);
  const change = Number(
    db.sqlite.prepare(`INSERT INTO import_changes (import_id, table_name, row_id, before, after) VALUES (?, 'contacts', ?, ?, ?)`).run(imp, person, JSON.stringify({ name: PERSON, phone: '+36 30 555 0000' }), JSON.stringify({ phone: '+36 30 555 1234' })).lastInsertRowid,
  );
  return { call, client, other, person, colleague, linked, mentions, elsewhere, untouched, task, change };
}

/** The dossiers' search index as its indexer fills it (folded text in a contentless FTS5 table, one doc row per text). */
function index(db: Db, kind: string, refId: number, clientId: number, body: string): number {
  const id = Number(db.sqlite.prepare(`INSERT INTO dossier_search_docs (kind, ref_id, client_id) VALUES (?, ?, ?)`).run(kind, refId, clientId).lastInsertRowid);
  db.sqlite.prepare(`INSERT INTO dossier_search (rowid, body) VALUES (?, ?)`).run(id, body.toLowerCase());
  return id;
}

const hasIndex = (db: Db) => Boolean(db.sqlite.prepare(`SELECT 1 FROM sqlite_master WHERE name = 'dossier_search'`).get());
const searchFor = (db: Db, word: string) => db.sqlite.prepare(`SELECT rowid FROM dossier_search WHERE dossier_search MATCH ?`).pluck().all(word);

describe('erasing one person', () => {
  it('removes their record and every mention; a byte scan of the database and the WAL finds none of them; the report lists every record', async () => {
    const db = emptyDatabase();
    const w = await world(db);
    const indexed = hasIndex(db);
    if (indexed) {
      index(db, 'contact', w.person, w.client, `${PERSON} CANARY-FAMILY-A`);
      index(db, 'interaction', w.linked, w.client, `Lunch with ${PERSON} at the lake`);
      index(db, 'interaction', w.untouched, w.client, 'Stock count with Berta');
    }
    await createBackup(db.sqlite, db.path, 'manual', 10);
    db.sqlite.pragma('wal_checkpoint(PASSIVE)');
    // Before: the scan finds them (the test can fail), in the file or the WAL.
    expect(canariesIn(db.path, CANARIES).length + canariesIn(`${db.path}-wal`, CANARIES).length).toBeGreaterThan(0);

    const preview: ErasureReport = await w.call('privacy.previewErasure', { contactId: w.person });
    const job = await until(w.call, (await w.call('privacy.erase', { subject: { contactId: w.person }, confirm: true })).jobId);
    expect(job.state).toBe('done');
    const r: ErasureReport = job.result;
    // What was shown is what was done.
    const names = (x: ErasureReport) => ({ ...x, checkpointed: false, backupsToExpire: x.backupsToExpire.map((b) => b.name) });
    expect(names(r)).toEqual(names(preview));
    expect(r.checkpointed).toBe(true);
    expect(r.removed).toEqual([{ table: 'contacts', ids: [w.person] }, { table: 'import_changes', ids: [w.change] }]);
    const redacted = Object.fromEntries(r.redacted.map((x) => [`${x.table}#${x.id}`, x.fields]));
    expect(redacted).toEqual({
      [`interactions#${w.linked}`]: ['summary', 'outcome'],
      [`interactions#${w.mentions}`]: ['summary'],
      [`interactions#${w.elsewhere}`]: ['summary'],
      [`tasks#${w.task}`]: ['title', 'notes'],
      [`contacts#${w.colleague}`]: ['notes'],
      [`clients#${w.client}`]: ['notes'],
    });
    expect(r.toReview).toEqual([]);
    if (indexed) expect(r.searchIndex).toEqual([{ table: 'dossier_search', rows: 2 }]);
    expect(r.backupsToExpire.map((b) => b.name)).toEqual(listBackups(db.path).map((b) => b.name));

    // Everything else stays: the colleague, the records that named the person (without the name), the links cut.
    const text = (sql: string, ...p: unknown[]) => db.sqlite.prepare(sql).pluck().get(...p);
    expect(text(`SELECT count(*) FROM contacts WHERE id = ?`, w.person)).toBe(0);
    expect(text(`SELECT summary FROM interactions WHERE id = ?`, w.linked)).toBe('Lunch with […] at the lake');
    expect(text(`SELECT outcome FROM interactions WHERE id = ?`, w.linked)).toBe('He will call back on […]');
    expect(text(`SELECT contact_id FROM interactions WHERE id = ?`, w.linked)).toBeNull();
    expect(text(`SELECT summary FROM interactions WHERE id = ?`, w.mentions)).toBe('Berta said […] is retiring');
    expect(text(`SELECT notes FROM contacts WHERE id = ?`, w.colleague)).toBe('Reports to […]; cc […]');
    expect(text(`SELECT family FROM contacts WHERE id = ?`, w.colleague)).toBe('CANARY-FAMILY-B');
    expect(text(`SELECT summary FROM interactions WHERE id = ?`, w.untouched)).toBe('Stock count with Berta');
    if (indexed) {
      expect(searchFor(db, 'vantablack')).toEqual([]);
      expect(searchFor(db, 'xerxes')).toEqual([]);
      expect(searchFor(db, 'stock')).toHaveLength(1);
    }
    expect(text(`SELECT kind || ':' || subject_id || ':' || removed || ':' || redacted FROM privacy_erasures`)).toBe(`contact:${w.person}:2:6`);

    const files = [db.path, `${db.path}-wal`];
    for (const f of files) expect(canariesIn(f, CANARIES), f).toEqual([]);
    expect(canariesIn(db.path, ['CANARY-FAMILY-B', 'Berta Kowalczyk'])).not.toEqual([]);
    // Backups to come hold none of them either; the earlier one is marked to go.
    const after = await createBackup(db.sqlite, db.path, 'manual', 10);
    expect(canariesIn(join(backupDir(db.path), after.name), CANARIES)).toEqual([]);
    const marks = backupExpiry(db.path);
    expect(Object.keys(marks)).toEqual([r.backupsToExpire[0].name]);
    expect(Date.parse(marks[r.backupsToExpire[0].name]) - Date.now()).toBeGreaterThan(29 * 86_400_000);
  });

  it('dossier text is listed for the user to edit, never rewritten; a surname alone is listed too; a whole client goes with its people', async () => {
    const db = emptyDatabase();
    const w = await world(db);
    const surnameOnly = (await w.call('interactions.create', { clientId: w.other, kind: 'call', date: '2026-04-01', summary: 'Mr Vantablack phoned (the same one?)' })).id;
    let section: number | null = null;
    if (db.sqlite.prepare(`SELECT 1 FROM sqlite_master WHERE name = 'dossier_sections'`).get()) {
      const dossier = Number(db.sqlite.prepare(`INSERT INTO dossiers (client_id, title) VALUES (?, 'Orion')`).run(w.client).lastInsertRowid);
      section = Number(db.sqlite.prepare(`INSERT INTO dossier_sections (dossier_id, position, title, doc, text) VALUES (?, 1, 'People', '{}', ?)`).run(dossier, `${PERSON} decides on price.`).lastInsertRowid);
      index(db, 'section', section, w.client, `People ${PERSON} decides on price.`);
    }
    const preview: ErasureReport = await w.call('privacy.previewErasure', { contactId: w.person });
    expect(preview.toReview).toEqual([
      { table: 'interactions', id: surnameOnly, fields: ['summary'] },
      ...(section ? [{ table: 'dossier_sections', id: section, fields: ['text'] }] : []),
    ]);
    // The preview wrote nothing.
    expect(db.sqlite.prepare(`SELECT count(*) FROM contacts WHERE id = ?`).pluck().get(w.person)).toBe(1);

    await createBackup(db.sqlite, db.path, 'manual', 10);
    await w.call('privacy.saveSettings', { ...(await w.call('privacy.status', {})).settings, erasedBackupDays: 0 });
    const r: ErasureReport = (await until(w.call, (await w.call('privacy.erase', { subject: { clientId: w.client }, confirm: true })).jobId)).result;
    const removed = Object.fromEntries(r.removed.map((x) => [x.table, x.ids]));
    expect(removed.clients).toEqual([w.client]);
    expect(removed.contacts).toEqual([w.person, w.colleague]);
    expect(removed.interactions).toEqual([w.linked, w.mentions, w.untouched]);
    expect(removed.tasks).toEqual([w.task]);
    expect(r.redacted).toEqual([{ table: 'interactions', id: w.elsewhere, fields: ['summary'] }]);
    if (section) {
      expect(db.sqlite.prepare(`SELECT text FROM dossier_sections WHERE id = ?`).pluck().get(section)).toBe(`${PERSON} decides on price.`);
      expect(searchFor(db, 'decides')).toEqual([]);
    }
    // 0 days: the backups that held the client are gone at once.
    expect(listBackups(db.path)).toEqual([]);
    expect(existsSync(backupDir(db.path))).toBe(true);
    expect(db.sqlite.prepare(`SELECT count(*) FROM clients`).pluck().get()).toBe(1);
  });

  it('an unknown id is refused at once, and the erasure needs its confirmation', async () => {
    const db = emptyDatabase();
    const { call, fail } = routerCalls(db);
    expect((await fail('privacy.erase', { subject: { contactId: 99 }, confirm: true })).message).toMatch(/Contact #99 does not exist/);
    expect((await fail('privacy.erase', { subject: { contactId: 1 }, confirm: false })).issues?.[0].key).toBe('privacy:errors.confirm');
    expect((await fail('privacy.previewErasure', { clientId: 5 })).code).toBe('not_found');
    expect(await call('privacy.status', {})).toMatchObject({ erasures: [] });
  });
});
