import { describe, expect, it } from 'vitest';
import type { Db } from '../../../electron/db/connection';
import { clientReferences } from '../../../electron/features/accounts/merge';
import type { DuplicatesReport, MergeRecord } from '../../../shared/features/accounts/types';
import { emptyDatabase } from '../../helpers/db';
import { routerCalls } from '../../helpers/router';

const count = (db: Db, sql: string, ...args: unknown[]) => (db.sqlite.prepare(sql).get(...args) as { n: number }).n;

/** Two records of one business, each with its own history, plus rows in other features' tables and in tables made here. */
async function twoOrions(db: Db) {
  const { call } = routerCalls(db);
  const keep = (await call<{ id: number }>('clients.create', { name: 'Orion Supply Kft.', code: 'C1', taxId: '12345678-2-42', email: 'info@orion.example' })).id;
  const dup = (await call<{ id: number }>('clients.create', { name: 'ORION SUPPLY', code: 'C2', taxId: '12345678242', phone: '+36 1 234 5678', website: 'orion.example', reputation: true, notes: 'Met at the fair' })).id;
  const other = (await call<{ id: number }>('clients.create', { name: 'Referred Bt.', referredById: dup })).id;
  const boss = (await call<{ id: number }>('contacts.create', { clientId: dup, name: 'Anna Kovács', level: 'owner' })).id;
  const buyer = (await call<{ id: number }>('contacts.create', { clientId: dup, name: 'Béla Nagy', level: 'purchasing', reportsToId: boss })).id;
  await call('contacts.create', { clientId: keep, name: 'Cecília Tóth', level: 'finance' });
  for (const [date, amount] of [['2026-01-10', 100], ['2026-02-11', 250.5], ['2026-03-12', -40]] as const) {
    await call('purchases.create', { clientId: dup, date, product: 'Drill', quantity: 1, amount });
  }
  await call('purchases.create', { clientId: keep, date: '2026-01-05', product: 'Saw', quantity: 2, unitPrice: 30 });
  const archivedLine = (await call<{ id: number }>('purchases.create', { clientId: dup, date: '2025-12-01', quantity: 1, amount: 9 })).id;
  await call('purchases.archive', { id: archivedLine });
  await call('interactions.create', { clientId: dup, contactId: buyer, kind: 'call', date: '2026-03-01', summary: 'Asked about the drill' });
  await call('tasks.create', { clientId: dup, contactId: boss, title: 'Send the new price list', dueDate: '2026-07-01' });
  // Other features' tables: a dossier each (one per client: the duplicate's must stay), a referral, a planned visit.
  db.sqlite.prepare(`INSERT INTO dossiers (client_id, title) VALUES (?, 'Orion'), (?, 'Orion (old)')`).run(keep, dup);
  db.sqlite.prepare(`INSERT INTO recovery_referrals (referrer_id, referred_id) VALUES (?, ?), (?, ?)`).run(dup, other, dup, keep);
  db.sqlite.prepare(`INSERT INTO retention_visits (client_id, date, purpose) VALUES (?, '2026-08-01', 'Show the catalogue')`).run(dup);
  // Tables this feature has never heard of, made after the app started: found through the schema at run time.
  db.sqlite.exec(`CREATE TABLE later_feature (id INTEGER PRIMARY KEY, owner_id INTEGER REFERENCES clients(id), note TEXT);
                  CREATE TABLE later_cache (client_id INTEGER, value TEXT)`);
  db.sqlite.prepare(`INSERT INTO later_feature (owner_id, note) VALUES (?, 'a'), (?, 'b')`).run(dup, dup);
  db.sqlite.prepare(`INSERT INTO later_cache (client_id, value) VALUES (?, 'x')`).run(dup);
  return { keep, dup, other, boss, buyer };
}

/** Every row of every table that names a client, per client: what a merge must carry over whole. */
function snapshot(db: Db) {
  const rows: Record<string, Record<number, number>> = {};
  for (const ref of clientReferences(db)) {
    const per = db.sqlite.prepare(`SELECT "${ref.column}" AS c, COUNT(*) AS n FROM "${ref.table}" WHERE "${ref.column}" IS NOT NULL GROUP BY "${ref.column}"`).all() as { c: number; n: number }[];
    rows[`${ref.table}.${ref.column}`] = Object.fromEntries(per.map((r) => [r.c, r.n]));
  }
  return rows;
}

describe('merging duplicate clients', () => {
  it('finds the tables that name a client from the schema, other features\' and later ones included', async () => {
    const db = emptyDatabase();
    await twoOrions(db);
    const refs = clientReferences(db).map((r) => `${r.table}.${r.column}`);
    for (const want of ['purchases.client_id', 'contacts.client_id', 'interactions.client_id', 'tasks.client_id', 'clients.referred_by_id', 'dossiers.client_id', 'recovery_referrals.referrer_id', 'recovery_referrals.referred_id', 'retention_visits.client_id', 'later_feature.owner_id', 'later_cache.client_id']) {
      expect(refs).toContain(want);
    }
  });

  it('moves every purchase, contact, interaction and task (and every other row naming the duplicate) in one command, and archives the duplicate', async () => {
    const db = emptyDatabase();
    const { keep, dup, other, boss, buyer } = await twoOrions(db);
    const { call } = routerCalls(db);
    const revenueBefore = count(db, `SELECT SUM(amount) AS n FROM purchases WHERE archived_at IS NULL`);
    const before = snapshot(db);

    const record = await call<MergeRecord>('clients.merge', { keepId: keep, mergeId: dup });

    expect(count(db, `SELECT COUNT(*) AS n FROM purchases WHERE client_id = ?`, keep)).toBe(5);
    expect(count(db, `SELECT COUNT(*) AS n FROM purchases WHERE client_id = ?`, dup)).toBe(0);
    expect(count(db, `SELECT SUM(amount) AS n FROM purchases WHERE archived_at IS NULL`)).toBe(revenueBefore);
    expect(count(db, `SELECT COUNT(*) AS n FROM purchases WHERE archived_at IS NOT NULL AND client_id = ?`, keep)).toBe(1);
    expect(count(db, `SELECT COUNT(*) AS n FROM contacts WHERE client_id = ?`, keep)).toBe(3);
    // Who reports to whom, and which contact a call or task was with, survive the move.
    expect(db.sqlite.prepare(`SELECT reports_to_id AS r FROM contacts WHERE id = ?`).get(buyer)).toEqual({ r: boss });
    expect(db.sqlite.prepare(`SELECT client_id AS c, contact_id AS k FROM interactions`).get()).toEqual({ c: keep, k: buyer });
    expect(db.sqlite.prepare(`SELECT client_id AS c, contact_id AS k FROM tasks`).get()).toEqual({ c: keep, k: boss });
    expect(db.sqlite.prepare(`SELECT referred_by_id AS r FROM clients WHERE id = ?`).get(other)).toEqual({ r: keep });
    expect(count(db, `SELECT COUNT(*) AS n FROM later_feature WHERE owner_id = ?`, keep)).toBe(2);
    expect(count(db, `SELECT COUNT(*) AS n FROM later_cache WHERE client_id = ?`, keep)).toBe(1);
    expect(count(db, `SELECT COUNT(*) AS n FROM retention_visits WHERE client_id = ?`, keep)).toBe(1);
    // One dossier per client: the kept client's stays its own, the duplicate's stays with the archived duplicate.
    expect(db.sqlite.prepare(`SELECT client_id AS c FROM dossiers WHERE title = 'Orion (old)'`).get()).toEqual({ c: dup });
    // A referral from the duplicate to the kept client would become the client referring itself: it stays as it was.
    expect(db.sqlite.prepare(`SELECT referrer_id AS a, referred_id AS b FROM recovery_referrals ORDER BY id`).all()).toEqual([{ a: keep, b: other }, { a: dup, b: keep }]);

    // Nothing vanished: every table holds as many rows as before, only their owner changed.
    const after = snapshot(db);
    for (const [col, per] of Object.entries(before)) {
      const total = (m: Record<number, number>) => Object.values(m).reduce((a, b) => a + b, 0);
      expect(total(after[col]), col).toBe(total(per));
    }

    const kept = await call('clients.get', { id: keep });
    expect(kept).toMatchObject({ name: 'Orion Supply Kft.', code: 'C1', email: 'info@orion.example', phone: '+36 1 234 5678', website: 'https://orion.example', reputation: true, notes: 'Met at the fair' });
    const gone = await call('clients.get', { id: dup });
    expect(gone.archivedAt).not.toBeNull();
    expect(gone.name).toBe('ORION SUPPLY');

    expect(record).toMatchObject({ keptId: keep, mergedId: dup, mergedName: 'ORION SUPPLY', mergedCode: 'C2' });
    expect(record.moved).toMatchObject({ purchases: 4, contacts: 2, interactions: 1, tasks: 1, 'clients.referred_by_id': 1, 'later_feature.owner_id': 2, 'later_cache': 1, 'retention_visits': 1, 'recovery_referrals.referrer_id': 1 });
    expect(record.stayed).toEqual({ dossiers: 1, 'recovery_referrals.referrer_id': 1 });
    expect([...record.filled].sort()).toEqual(['notes', 'phone', 'reputation', 'website']);
    // The record is kept, so the user sees later what was merged.
    const report = await call<DuplicatesReport>('clients.duplicates', {});
    expect(report.merges[0]).toEqual(record);
    expect(report.pairs).toEqual([]);
  });

  it('refuses a bad merge with a clear message and changes nothing', async () => {
    const db = emptyDatabase();
    const { keep, dup } = await twoOrions(db);
    const { fail } = routerCalls(db);
    const before = snapshot(db);
    const same = await fail('clients.merge', { keepId: keep, mergeId: keep });
    expect(same.code).toBe('invalid_input');
    expect(same.issues?.[0]).toMatchObject({ path: ['mergeId'], message: 'Choose two different clients to merge' });
    expect((await fail('clients.merge', { keepId: keep, mergeId: 999 })).message).toBe('Client #999 does not exist');
    expect((await fail('clients.merge', { keepId: keep })).issues?.[0]).toMatchObject({ path: ['mergeId'] });
    expect(snapshot(db)).toEqual(before);
    expect(count(db, `SELECT COUNT(*) AS n FROM clients WHERE archived_at IS NOT NULL`)).toBe(0);
    void dup;
  });

  it('is all or nothing: a failure halfway leaves every row where it was', async () => {
    const db = emptyDatabase();
    const { keep, dup } = await twoOrions(db);
    const before = snapshot(db);
    // Tables are visited in name order: purchases and contacts have moved when tasks refuses.
    db.sqlite.exec(`CREATE TRIGGER refuse_task_move BEFORE UPDATE OF client_id ON tasks BEGIN SELECT RAISE(ABORT, 'refused'); END`);
    const res = await routerCalls(db).call('clients.merge', { keepId: keep, mergeId: dup }).then(() => 'merged', (e: Error) => e.message);
    expect(res).not.toBe('merged');
    expect(snapshot(db)).toEqual(before);
    expect(count(db, `SELECT COUNT(*) AS n FROM clients WHERE archived_at IS NOT NULL`)).toBe(0);
    expect(count(db, `SELECT COUNT(*) AS n FROM settings WHERE key = 'accounts.merges'`)).toBe(0);
  });

  it('refuses to merge an archived client', async () => {
    const db = emptyDatabase();
    const { keep, dup } = await twoOrions(db);
    const { call, fail } = routerCalls(db);
    await call('clients.archive', { id: dup });
    const e = await fail('clients.merge', { keepId: keep, mergeId: dup });
    expect(e.issues?.[0]).toMatchObject({ path: ['mergeId'], message: 'ORION SUPPLY is archived: restore it before merging' });
  });
});
