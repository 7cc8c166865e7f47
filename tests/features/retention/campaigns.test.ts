import { describe, expect, it } from 'vitest';
import { callListRows } from '../../../shared/features/retention/call-list';
import { newcombeDifference } from '../../../shared/features/retention/holdout';
import { addDays } from '../../../shared/kernel/dates';
import type { Db } from '../../../electron/db/connection';
import { emptyDatabase } from '../../helpers/db';
import { routerCalls } from '../../helpers/router';
import { buy, buyEvery, client, contact, count, manager } from './fixtures';

const AS_OF = '2026-06-30';

/** 30 clients who bought every 10 days and stopped 100 days ago (dormant), and 5 still buying; one transaction (one fsync). */
function base(db: Db) {
  return db.sqlite.transaction(() => baseRows(db))();
}

function baseRows(db: Db) {
  const anna = manager(db, 'Anna Kiss');
  const quiet: number[] = [];
  for (let i = 0; i < 30; i++) {
    const id = client(db, `Quiet ${String(i).padStart(2, '0')}`, { code: `Q${i}`, managerId: anna });
    buyEvery(db, id, addDays(AS_OF, -400), 10, 31, 100 + i, 'Cordless drill');
    contact(db, id, `Owner ${i}`, { family: 'two children', hobbies: 'sailing' });
    quiet.push(id);
  }
  for (let i = 0; i < 5; i++) buyEvery(db, client(db, `Busy ${i}`), addDays(AS_OF, -100), 10, 11);
  return { anna, quiet };
}

const CAMPAIGN = {
  name: 'Spring range', reason: 'newProduct', news: 'The new cordless range is in', offer: '15% off the first order', offerUntil: addDays(AS_OF, 21),
  offerWhy: 'The launch price holds while the first shipment lasts', reactivationDays: 30, holdoutShare: 0.2, seed: 7, segment: { dormantOnly: true }, asOf: AS_OF,
};

describe('win-back campaigns and calls', () => {
  it('no news, no campaign: the refusal names the field and writes nothing', async () => {
    const db = emptyDatabase();
    base(db);
    const { fail } = routerCalls(db);
    const noNews = await fail('retention.createCampaign', { ...CAMPAIGN, news: '  ' });
    expect(noNews.issues!.map((i) => [i.path.join('.'), i.message])).toEqual([['news', 'Call only when you have news for them: say what is new (a product, terms, a sale, a card, a workshop)']]);
    const own = await fail('retention.createCampaign', { ...CAMPAIGN, reason: 'own' });
    expect(own.issues!.map((i) => i.path.join('.'))).toEqual(['reasonText']);
    expect((await fail('retention.createCampaign', { ...CAMPAIGN, offerUntil: addDays(AS_OF, -1) })).issues!.map((i) => [i.path.join('.'), i.message])).toEqual([['offerUntil', 'The offer must still be open: its end date cannot be before today']]);
    expect((await fail('retention.createCampaign', { ...CAMPAIGN, segment: { abc: 'A', managerId: 999 } })).message).toMatch(/No client matches this segment/);
    expect((await fail('retention.createCampaign', { ...CAMPAIGN, holdoutShare: 0.8 })).issues![0].path).toEqual(['holdoutShare']);
    expect(count(db, 'retention_campaigns')).toBe(0);
    expect(count(db, 'retention_campaign_members')).toBe(0);
  });

  it('a campaign fixes its segment, keeps a seeded control group, and calls only the offer group', async () => {
    const db = emptyDatabase();
    const { quiet } = base(db);
    const { call, fail } = routerCalls(db);
    const made = await call('retention.createCampaign', CAMPAIGN);
    expect(made).toEqual({ id: 1, members: 30, control: 6 });
    // Same segment, same seed: the same control group.
    const twin = await call('retention.createCampaign', { ...CAMPAIGN, name: 'Twin' });
    const control = (id: number) => (db.sqlite.prepare(`SELECT client_id AS c FROM retention_campaign_members WHERE campaign_id = ? AND arm = 'control' ORDER BY c`).all(id) as { c: number }[]).map((r) => r.c);
    expect(control(twin.id)).toEqual(control(made.id));
    const list = callListRows(await call('retention.callList', { asOf: AS_OF, campaignId: made.id }));
    expect(list).toHaveLength(24);
    expect(list.every((r: any) => !control(made.id).includes(r.id))).toBe(true);
    const before = count(db, 'interactions');
    const refused = await fail('retention.logCall', { campaignId: made.id, clientId: control(made.id)[0], date: AS_OF, outcome: 'willCome' });
    expect(refused.message).toBe('This client is in the control group: calling them would spoil the comparison');
    expect(count(db, 'interactions')).toBe(before);
    expect(quiet).toContain(list[0].id);
  });

  it('the call list is answered from memory while the file is unchanged, and anew after any write (a call, a purchase line)', async () => {
    const db = emptyDatabase();
    const { quiet } = base(db);
    const { call } = routerCalls(db);
    const { id } = await call('retention.createCampaign', CAMPAIGN);
    const input = { asOf: AS_OF, campaignId: id };
    const first = await call('retention.callList', input);
    expect(await call('retention.callList', input)).toBe(first);
    // Another segment is its own answer, and the first one stays kept beside it.
    const all = await call('retention.callList', { asOf: AS_OF });
    expect(callListRows(all).length).toBeGreaterThan(callListRows(first).length);
    expect(await call('retention.callList', input)).toBe(first);
    const target = callListRows(first)[0].id;
    await call('retention.logCall', { campaignId: id, clientId: target, date: AS_OF, outcome: 'noAnswer' });
    const afterCall = await call('retention.callList', input);
    expect(afterCall).not.toBe(first);
    expect(callListRows(afterCall).find((r) => r.id === target)?.lastCall).toEqual({ date: AS_OF, outcome: 'noAnswer' });
    // A write the retention feature does not make itself: the client buys again and is no longer dormant.
    const dormantBefore = callListRows(await call('retention.callList', { asOf: AS_OF })).map((r) => r.id);
    expect(dormantBefore).toContain(quiet[5]);
    buy(db, quiet[5], AS_OF, 120);
    expect(callListRows(await call('retention.callList', { asOf: AS_OF })).map((r) => r.id)).not.toContain(quiet[5]);
  });

  it('each outcome is logged as an interaction; a complaint becomes a task for the manager, a call-back a task on its date', async () => {
    const db = emptyDatabase();
    base(db);
    const { call, fail } = routerCalls(db);
    const { id } = await call('retention.createCampaign', { ...CAMPAIGN, holdoutShare: 0 });
    const rows = callListRows(await call('retention.callList', { asOf: AS_OF, campaignId: id }));
    const ctx = await call('retention.callContext', { campaignId: id, clientId: rows[0].id, asOf: AS_OF });
    expect(ctx.lastPurchase).toEqual({ date: addDays(AS_OF, -100), product: 'Cordless drill', amount: expect.any(Number) });
    expect(ctx.contacts[0]).toMatchObject({ family: 'two children', hobbies: 'sailing' });
    expect(ctx.rhythmDays).toBe(10);

    const noText = await fail('retention.logCall', { campaignId: id, clientId: rows[0].id, date: AS_OF, outcome: 'complaint' });
    expect(noText.issues!.map((i) => [i.path.join('.'), i.message])).toEqual([['complaint', 'Write down the complaint: it becomes a task']]);
    const noDate = await fail('retention.logCall', { campaignId: id, clientId: rows[0].id, date: AS_OF, outcome: 'callBack' });
    expect(noDate.issues!.map((i) => i.path.join('.'))).toEqual(['callbackDate']);
    expect((await fail('retention.logCall', { campaignId: id, clientId: rows[0].id, date: AS_OF, outcome: 'callBack', callbackDate: addDays(AS_OF, -1) })).issues![0].path).toEqual(['callbackDate']);
    expect(count(db, 'interactions')).toBe(0);
    expect(count(db, 'tasks')).toBe(0);

    const complaint = await call('retention.logCall', { campaignId: id, clientId: rows[0].id, contactId: ctx.contacts[0].id, date: AS_OF, outcome: 'complaint', complaint: 'The drill battery died after a week', wellbeing: 'Busy season' });
    expect(complaint.taskIds).toHaveLength(1);
    const task = db.sqlite.prepare(`SELECT client_id AS clientId, contact_id AS contactId, title, due_date AS due, notes FROM tasks WHERE id = ?`).get(complaint.taskIds[0]);
    expect(task).toEqual({ clientId: rows[0].id, contactId: ctx.contacts[0].id, title: 'Resolve the complaint: The drill battery died after a week', due: addDays(AS_OF, 1), notes: 'For: Anna Kiss\nThe drill battery died after a week' });
    const logged = db.sqlite.prepare(`SELECT kind, date, summary, outcome FROM interactions WHERE id = ?`).get(complaint.interactionId);
    expect(logged).toEqual({ kind: 'call', date: AS_OF, summary: 'Win-back call (Spring range): Complaint', outcome: 'How they are: Busy season\nComplaint: The drill battery died after a week' });

    const back = await call('retention.logCall', { campaignId: id, clientId: rows[1].id, date: AS_OF, outcome: 'callBack', callbackDate: addDays(AS_OF, 3) });
    expect(db.sqlite.prepare(`SELECT title, due_date AS due FROM tasks WHERE id = ?`).get(back.taskIds[0])).toEqual({ title: 'Call back (Spring range)', due: addDays(AS_OF, 3) });
    for (const [i, outcome] of (['willCome', 'notInterested', 'noAnswer'] as const).entries()) {
      const r = await call('retention.logCall', { campaignId: id, clientId: rows[2 + i].id, date: AS_OF, outcome });
      expect(r.taskIds).toEqual([]);
    }
    expect(count(db, 'interactions')).toBe(5);
    expect(count(db, 'tasks')).toBe(2);
    // Called clients move to the end of the list, with their last call.
    const after = callListRows(await call('retention.callList', { asOf: AS_OF, campaignId: id }));
    expect(after.slice(-5).map((r: any) => r.lastCall.outcome).sort()).toEqual(['callBack', 'complaint', 'noAnswer', 'notInterested', 'willCome']);
    // The call-back is a call on Today, on its date.
    const today = await call('retention.today', { asOf: addDays(AS_OF, 3) });
    expect(today.groups.calls.items.find((x: any) => x.kind === 'callback')).toMatchObject({ clientId: rows[1].id, date: addDays(AS_OF, 3), campaignName: 'Spring range' });
    expect(today.groups.tasks.items.map((x: any) => x.title)).toEqual(['Resolve the complaint: The drill battery died after a week']);
  });

  it('results: reactivated within N days of the call, and the offer group against the control group', async () => {
    const db = emptyDatabase();
    base(db);
    const { call } = routerCalls(db);
    const { id } = await call('retention.createCampaign', { ...CAMPAIGN, holdoutShare: 0.5, seed: 3 });
    const arm = (a: string) => (db.sqlite.prepare(`SELECT client_id AS c FROM retention_campaign_members WHERE campaign_id = ? AND arm = ? ORDER BY c`).all(id, a) as { c: number }[]).map((r) => r.c);
    const offer = arm('offer');
    const control = arm('control');
    expect([offer.length, control.length]).toEqual([15, 15]);
    await call('retention.logCall', { campaignId: id, clientId: offer[0], date: AS_OF, outcome: 'willCome' });
    await call('retention.logCall', { campaignId: id, clientId: offer[1], date: AS_OF, outcome: 'noAnswer' });
    buy(db, offer[0], addDays(AS_OF, 5), 300);
    buy(db, offer[2], addDays(AS_OF, 12), 200); // bought without a call: counts for the group, not as reactivated
    buy(db, offer[1], addDays(AS_OF, 45), 999); // after the window
    buy(db, control[0], addDays(AS_OF, 20), 150);

    const early = await call('retention.campaignResults', { id, asOf: addDays(AS_OF, 10) });
    expect(early).toMatchObject({ called: 2, reached: 1, reactivated: 1, reactivatedRevenue: 300, windowOver: false, windowEnds: addDays(AS_OF, 30) });
    expect(early.holdout.verdict).toBe('wait');

    const late = await call('retention.campaignResults', { id, asOf: addDays(AS_OF, 60) });
    expect(late.outcomes).toMatchObject({ willCome: 1, noAnswer: 1, complaint: 0 });
    expect(late.reactivationRate).toBe(0.5);
    expect(late.holdout.offer).toEqual({ clients: 15, buyers: 2, rate: 2 / 15, revenuePerClient: 500 / 15 });
    expect(late.holdout.control).toEqual({ clients: 15, buyers: 1, rate: 1 / 15, revenuePerClient: 10 });
    const want = newcombeDifference(2, 15, 1, 15);
    expect(late.holdout.difference.lower).toBeCloseTo(want.lower, 12);
    expect(late.holdout.difference.upper).toBeCloseTo(want.upper, 12);
    expect(late.holdout.verdict).toBe('unclear');
    expect(late.holdout.mde).toBeGreaterThan(0.2);
    const row = late.rows.find((r: any) => r.id === offer[0]);
    expect(row).toMatchObject({ arm: 'offer', calledOn: AS_OF, outcome: 'willCome', boughtOn: addDays(AS_OF, 5), revenue: 300 });
  });
});
