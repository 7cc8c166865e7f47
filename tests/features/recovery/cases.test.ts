import { describe, expect, it } from 'vitest';
import { emptyDatabase } from '../../helpers/db';
import { routerCalls } from '../../helpers/router';
import { clientWith, every, reasonId, statusOf } from './fixtures';

const count = (db: ReturnType<typeof emptyDatabase>, sql: string, ...params: unknown[]) => (db.sqlite.prepare(sql).get(...params) as { n: number }).n;

function base() {
  const db = emptyDatabase();
  const big = clientWith(db, 'Orion Steel Kft.', every(7, '2025-01-05', '2026-03-29', 1000), { code: 'OR' });
  const other = clientWith(db, 'Small Shop', every(30, '2025-01-10', '2026-06-10', 100));
  const boss = Number(db.sqlite.prepare(`INSERT INTO contacts (client_id, name, level) VALUES (?, 'Gábor Nagy', 'owner')`).run(big).lastInsertRowid);
  const stranger = Number(db.sqlite.prepare(`INSERT INTO contacts (client_id, name, level) VALUES (?, 'Not Theirs', 'owner')`).run(other).lastInsertRowid);
  return { db, big, other, boss, stranger, ...routerCalls(db) };
}

describe('a recovery case from "mark lost" to its outcome', () => {
  it('marks the client lost with its standing at the loss, runs the meeting and interview, and "won back" makes it active again with its tasks', async () => {
    const { db, big, boss, call } = base();
    const { id } = await call('recovery.markLost', { clientId: big, lostOn: '2026-04-20', noticedBy: 'Anna Kiss', firstReasonId: reasonId(db, 'service'), firstReasonNote: 'Late deliveries' });
    expect(statusOf(db, big)).toBe('lost');
    let c = await call('recovery.case', { id, asOf: '2026-04-30' });
    // Twelve months up to the loss: weekly 1000 from 2025-04-27 to 2026-03-29, 49 purchases; the bigger client is A and key.
    expect(c).toMatchObject({ stage: 'meeting', days: 10, meetingDue: '2026-04-27', meetingOverdue: true, statusBefore: 'active', abc: 'A', keyAtLoss: true, lostRevenue: 49_000 });

    await call('recovery.saveMeeting', { caseId: id, askedBy: 'Our managing director', contactId: boss, kind: 'lunch', place: 'Bistro Duna', proposedDate: '2026-04-25', status: 'held' });
    c = await call('recovery.case', { id, asOf: '2026-04-30' });
    expect(c.meeting).toMatchObject({ status: 'held', heldOn: '2026-04-25', contactId: boss, kind: 'lunch' });
    expect(c).toMatchObject({ stage: 'interview', meetingOverdue: false });

    await call('recovery.saveInterview', { caseId: id, reasonId: reasonId(db, 'better_terms'), competitor: 'Baltic Supply', terms: ['price', 'payment', 'price'], termsDetail: '8% lower, 60 days', interviewedOn: '2026-04-25' });
    const offer = await call('recovery.addOffer', { caseId: id, kind: 'match', offer: 'Match their price for six months', answer: 'accepted' });
    await call('recovery.addOffer', { caseId: id, kind: 'fix', offer: 'Weekly delivery call', answer: 'declined' });
    await call('recovery.updateOffer', { id: offer.id, kind: 'match', offer: 'Match their price for six months', answer: 'accepted', answerNote: 'From June' });
    c = await call('recovery.case', { id, asOf: '2026-04-30' });
    expect(c.interview.terms).toEqual(['price', 'payment']);
    expect(c.offers.map((o: { kind: string; answer: string }) => [o.kind, o.answer])).toEqual([['match', 'accepted'], ['fix', 'declined']]);
    expect(c.stage).toBe('outcome');

    await call('recovery.close', {
      caseId: id, outcome: 'won_back', outcomeOn: '2026-04-28', agreedTerms: 'Their price on fasteners until December',
      tasks: [{ title: 'Send the offer with the agreed terms', dueDate: '2026-04-30' }, { title: 'Check the first order', dueDate: '2026-05-28' }],
    });
    expect(statusOf(db, big)).toBe('active');
    c = await call('recovery.case', { id, asOf: '2026-06-30' });
    expect(c).toMatchObject({ stage: 'closed', outcome: 'won_back', days: 8 });
    expect(c.tasks.map((t: { title: string; clientId: number }) => [t.title, t.clientId])).toEqual([['Send the offer with the agreed terms', big], ['Check the first order', big]]);
    expect((await call('tasks.list', { clientId: big })).map((t: { title: string }) => t.title)).toEqual(['Send the offer with the agreed terms', 'Check the first order']);
  });

  it('"parted well" with a referral creates a prospect referred by the lost client, and a task on it', async () => {
    const { db, big, call } = base();
    const { id } = await call('recovery.markLost', { clientId: big, lostOn: '2026-04-20', firstReasonId: reasonId(db, 'make_own') });
    await call('recovery.close', {
      caseId: id, outcome: 'parted_well', outcomeOn: '2026-05-02', note: 'You can always come back',
      referral: { name: 'Pannon Build Partners', contactName: 'Éva Tóth', phone: '+36 1 234 5678', city: 'Győr' },
      tasks: [{ title: 'Call Pannon Build Partners', dueDate: '2026-05-09', forReferral: true }, { title: 'Call back in three months', dueDate: '2026-08-02' }],
    });
    expect(statusOf(db, big)).toBe('lost');
    const prospect = db.sqlite.prepare(`SELECT id, status, source, referred_by_id AS referredById, city FROM clients WHERE name = 'Pannon Build Partners'`).get() as { id: number };
    expect(prospect).toMatchObject({ status: 'prospect', source: 'referral', referredById: big, city: 'Győr' });
    const c = await call('recovery.case', { id });
    expect(c.referrals).toMatchObject([{ referrerId: big, referredId: prospect.id, referredName: 'Pannon Build Partners', contactName: 'Éva Tóth', referredStatus: 'prospect' }]);
    expect(c.tasks.map((t: { title: string; clientId: number }) => [t.title, t.clientId])).toEqual([['Call Pannon Build Partners', prospect.id], ['Call back in three months', big]]);
    const prospects = await call('recovery.prospects', { asOf: '2026-06-30' });
    expect(prospects.prospects).toMatchObject([{ id: prospect.id, source: 'referral', referredBy: 'Orion Steel Kft.' }]);
    // One step to a client, keeping everything.
    await call('recovery.convertProspect', { id: prospect.id });
    expect(db.sqlite.prepare(`SELECT status, source, referred_by_id AS r, city FROM clients WHERE id = ?`).get(prospect.id)).toEqual({ status: 'active', source: 'referral', r: big, city: 'Győr' });
    expect(count(db, `SELECT count(*) AS n FROM tasks WHERE client_id = ?`, prospect.id)).toBe(1);
  });

  it('refuses what would be wrong, says where, and changes nothing', async () => {
    const { db, big, other, stranger, call, fail } = base();
    const before = () => db.sqlite.prepare(`SELECT (SELECT count(*) FROM recovery_cases) AS cases, (SELECT count(*) FROM tasks) AS tasks, (SELECT count(*) FROM clients) AS clients, (SELECT group_concat(status) FROM clients) AS statuses`).get();

    expect((await fail('recovery.markLost', { clientId: big, lostOn: '2099-01-01' })).issues?.[0]).toMatchObject({ path: ['lostOn'], message: 'The loss cannot be in the future' });
    expect((await fail('recovery.markLost', { clientId: big, lostOn: '2026-13-01' })).issues?.[0]).toMatchObject({ path: ['lostOn'] });
    expect((await fail('recovery.markLost', { clientId: 999, lostOn: '2026-04-20' })).message).toBe('Client #999 does not exist');
    const { id } = await call('recovery.markLost', { clientId: big, lostOn: '2026-04-20' });
    const snapshot = before();
    expect((await fail('recovery.markLost', { clientId: big, lostOn: '2026-04-21' })).message).toBe('Orion Steel Kft. already has an open recovery case');
    expect((await fail('recovery.saveMeeting', { caseId: id, contactId: stranger, status: 'asked' })).issues?.[0]).toMatchObject({ path: ['contactId'], message: 'Choose one of this client\'s contacts' });
    expect((await fail('recovery.saveMeeting', { caseId: id, status: 'held' })).issues?.[0]).toMatchObject({ path: ['heldOn'], message: 'A held meeting needs the date it was held' });
    // A case cannot close without a reason; the typed outcome is refused whole (no task, no prospect).
    const noReason = await fail('recovery.close', { caseId: id, outcome: 'parted_well', outcomeOn: '2026-05-01', referral: { name: 'Someone New' }, tasks: [{ title: 'Call', dueDate: '2026-05-09' }] });
    expect(noReason.issues?.[0]).toMatchObject({ path: ['reasonId'], message: 'Record why they left (the interview\'s reason or the first known one) before closing the case' });
    await call('recovery.saveInterview', { caseId: id, reasonId: reasonId(db, 'service'), serviceWhat: 'Late deliveries' });
    expect((await fail('recovery.close', { caseId: id, outcome: 'won_back', outcomeOn: '2026-05-01' })).issues?.[0]).toMatchObject({ path: ['agreedTerms'] });
    expect((await fail('recovery.close', { caseId: id, outcome: 'parted_well', outcomeOn: '2026-04-01' })).issues?.[0]).toMatchObject({ path: ['outcomeOn'], message: 'This date is before the loss' });
    expect((await fail('recovery.close', { caseId: id, outcome: 'parted_well', outcomeOn: '2026-05-01', referral: { existingClientId: big } })).issues?.[0]).toMatchObject({ path: ['referral', 'existingClientId'] });
    expect((await fail('recovery.close', { caseId: id, outcome: 'parted_well', outcomeOn: '2026-05-01', referral: { name: 'A'.repeat(201) } })).issues?.[0]).toMatchObject({ path: ['referral', 'name'] });
    expect((await fail('recovery.saveInterview', { caseId: id, reasonId: 12345 })).issues?.[0]).toMatchObject({ path: ['reasonId'], message: 'Choose a reason from the list' });
    expect(before()).toEqual(snapshot);

    await call('recovery.close', { caseId: id, outcome: 'parted_well', outcomeOn: '2026-05-01' });
    expect((await fail('recovery.saveInterview', { caseId: id, reasonId: null })).message).toBe('This case is closed; reopen it to change it');
    expect((await fail('recovery.markLost', { clientId: other, lostOn: '2026-04-20', firstReasonId: 777 })).issues?.[0]).toMatchObject({ path: ['firstReasonId'] });
    const p = await call('recovery.createProspect', { name: 'Future Co', source: 'directory' });
    expect((await fail('recovery.markLost', { clientId: p.id, lostOn: '2026-04-20' })).message).toBe('Future Co is a prospect: it was never a client to lose');
    // Orion is lost now: not a prospect to convert (an active client would be left as it is).
    expect((await fail('recovery.convertProspect', { id: big })).message).toBe('Orion Steel Kft. is not a prospect');
    expect(await call('recovery.convertProspect', { id: other })).toEqual({ id: other });
  });

  it('a case opened by mistake is archived and the client gets its status back; reopening a won-back case loses the client again', async () => {
    const { db, big, other, call } = base();
    const first = await call('recovery.markLost', { clientId: other, lostOn: '2026-06-01' });
    await call('recovery.archive', { id: first.id });
    expect(statusOf(db, other)).toBe('active');
    expect(await call('recovery.cases', {})).toEqual([]);
    await call('recovery.restore', { id: first.id });
    expect(statusOf(db, other)).toBe('lost');
    // A client that was already lost before its case stays lost when the case is archived.
    const already = clientWith(db, 'Gone Before', [['2025-01-01', 10]], { status: 'lost' });
    const late = await call('recovery.markLost', { clientId: already, lostOn: '2026-06-01' });
    await call('recovery.archive', { id: late.id });
    expect(statusOf(db, already)).toBe('lost');

    const { id } = await call('recovery.markLost', { clientId: big, lostOn: '2026-04-20', firstReasonId: reasonId(db, 'better_terms') });
    await call('recovery.close', { caseId: id, outcome: 'won_back', outcomeOn: '2026-05-01', agreedTerms: 'Old prices' });
    expect(statusOf(db, big)).toBe('active');
    await call('recovery.reopen', { id });
    expect(statusOf(db, big)).toBe('lost');
    expect((await call('recovery.case', { id })).stage).toBe('meeting');
    // Reopening an open case changes nothing.
    expect(await call('recovery.reopen', { id })).toEqual({ id });
    expect(statusOf(db, big)).toBe('lost');
    expect((await call('recovery.clientStatus', { clientId: big })).openCaseId).toBe(id);
  });
});
