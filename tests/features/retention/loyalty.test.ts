import { describe, expect, it } from 'vitest';
import { addDays } from '../../../shared/kernel/dates';
import { emptyDatabase } from '../../helpers/db';
import { routerCalls } from '../../helpers/router';
import { buy, client, count } from './fixtures';

const AS_OF = '2026-06-30';
const CARD = { name: 'Club card', kind: 'discount', tiers: [{ name: 'Regular', discountPct: 5 }, { name: 'VIP', discountPct: 25 }] };

describe('loyalty programmes', () => {
  it('each kind needs its own terms; the refusal names the field and writes nothing', async () => {
    const db = emptyDatabase();
    const { fail, call } = routerCalls(db);
    const issues = async (input: unknown) => (await fail('retention.createProgramme', input)).issues!.map((i) => [i.path.join('.'), i.message]);
    expect(await issues({ name: 'Card', kind: 'discount' })).toEqual([['tiers', 'A discount card needs at least one tier']]);
    expect(await issues({ name: 'Back', kind: 'cashback' })).toEqual([['cashbackPct', 'Say what percentage is credited back']]);
    expect(await issues({ name: 'Pts', kind: 'points' })).toEqual([['pointsPerUnit', 'Say how many points each unit of money earns']]);
    expect(await issues({ name: 'Co', kind: 'coalition' })).toEqual([['partners', 'Name the partners of the coalition']]);
    expect(await issues({ ...CARD, tiers: [{ name: 'VIP', discountPct: 130 }] })).toEqual([['tiers.0.discountPct', 'Enter a percentage from 0 to 100']]);
    expect(count(db, 'retention_programmes')).toBe(0);
    const { id } = await call('retention.createProgramme', { name: 'Cashback', kind: 'cashback', cashbackPct: 5 });
    expect((await call('retention.programmes', {}))[0]).toMatchObject({ id, kind: 'cashback', cashbackPct: 5, tiers: [], members: 0 });
  });

  it('membership per client with a tier of the card and a start date; a tier in use cannot be dropped', async () => {
    const db = emptyDatabase();
    const { fail, call } = routerCalls(db);
    const { id } = await call('retention.createProgramme', CARD);
    const c = client(db, 'Member');
    expect((await fail('retention.addMember', { programmeId: id, clientId: c, tier: 'Gold', startDate: AS_OF })).issues!.map((i) => [i.path.join('.'), i.message])).toEqual([['tier', 'Choose one of the tiers: Regular, VIP']]);
    expect((await fail('retention.addMember', { programmeId: id, clientId: c, tier: 'VIP', startDate: AS_OF, endDate: addDays(AS_OF, -1) })).issues![0].path).toEqual(['endDate']);
    const m = await call('retention.addMember', { programmeId: id, clientId: c, tier: 'VIP', startDate: AS_OF });
    expect((await fail('retention.addMember', { programmeId: id, clientId: c, tier: 'VIP', startDate: AS_OF })).issues![0].message).toBe('This client is already a member');
    expect(await call('retention.memberships', { programmeId: id })).toEqual([{ id: m.id, programmeId: id, clientId: c, clientName: 'Member', tier: 'VIP', startDate: AS_OF, endDate: null }]);
    expect((await fail('retention.updateProgramme', { id, ...CARD, tiers: [{ name: 'Regular', discountPct: 5 }] })).issues!.map((i) => i.message)).toEqual(['Members still hold these tiers: VIP. Move them first.']);
    expect((await call('retention.client', { clientId: c, asOf: AS_OF })).memberships).toEqual([{ id: m.id, programmeId: id, programme: 'Club card', tier: 'VIP', startDate: AS_OF }]);
    await call('retention.removeMember', { id: m.id });
    expect(await call('retention.memberships', { programmeId: id })).toEqual([]);
    // Rejoining brings the row back with the new terms.
    expect((await call('retention.addMember', { programmeId: id, clientId: c, tier: 'Regular', startDate: addDays(AS_OF, 1) })).id).toBe(m.id);
  });

  it('effect: members before and after joining against same-class non-members over the same windows', async () => {
    const db = emptyDatabase();
    const { call } = routerCalls(db);
    const join = '2025-09-10';
    // Two members: one purchase a month before joining, two a month after (revenue 100 → 400 per window).
    const members = [client(db, 'M1'), client(db, 'M2')];
    // Three non-members buying the same before and after.
    const others = [client(db, 'N1'), client(db, 'N2'), client(db, 'N3')];
    for (const c of [...members, ...others]) buy(db, c, '2025-05-01', 100);
    for (const c of members) (buy(db, c, '2025-10-01', 200), buy(db, c, '2026-01-05', 200));
    for (const c of others) buy(db, c, '2025-11-01', 100);
    const { id } = await call('retention.createProgramme', { name: 'Points', kind: 'points', pointsPerUnit: 1 });
    for (const c of members) await call('retention.addMember', { programmeId: id, clientId: c, startDate: join });
    const young = client(db, 'Young');
    await call('retention.addMember', { programmeId: id, clientId: young, startDate: addDays(AS_OF, -10) });
    const e = await call('retention.programmeEffect', { programmeId: id, asOf: AS_OF, windowDays: 180 });
    expect(e).toMatchObject({ members: 3, measured: 2, windowDays: 180 });
    expect(e.joined.before).toEqual({ clients: 2, repeatRate: 0, revenuePerClient: 100 });
    expect(e.joined.after).toEqual({ clients: 2, repeatRate: 1, revenuePerClient: 400 });
    // The comparison is placed at the first of the joining month (2025-09-01): same windows for everyone of the class.
    expect(e.others.before).toEqual({ clients: 2, repeatRate: 0, revenuePerClient: 100 });
    expect(e.others.after).toEqual({ clients: 2, repeatRate: 0, revenuePerClient: 100 });
    expect(e.revenueLift).toBe(300);
    expect(e.repeatLift).toBe(1);
  });
});
