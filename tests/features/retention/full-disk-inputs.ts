/** What the retention write channels need on a full disk: used by tests/durability/full-disk.test.ts. */
import { DEFAULT_RETENTION_SETTINGS } from '../../../shared/features/retention/settings';
import { okCaller, type FullDiskFeature, type RouterCall } from '../../helpers/full-disk';

const AS_OF = '2026-06-30';

/**
 * The records the retention write channels work on: clients with purchases,
 * a campaign to call in and one to archive, a discount programme with two
 * memberships and one to archive, and clients who are not members yet.
 */
export async function retentionSeed(call: RouterCall) {
  const ok = okCaller(call);
  const client = async (name: string) => {
    const id = (await ok('clients.create', { name })).id as number;
    await ok('purchases.create', { clientId: id, date: '2026-01-10', quantity: 1, amount: 120, product: 'Cordless drill' });
    await ok('purchases.create', { clientId: id, date: '2026-02-10', quantity: 1, amount: 80, product: 'Drill bits' });
    return id;
  };
  const called = await client('Retention Called Co');
  const member = await client('Retention Member Co');
  const leaving = await client('Retention Leaving Co');
  // addMember makes a new member each time it is acked: one candidate per pass of the test.
  const candidates = [await client('Retention Candidate 1'), await client('Retention Candidate 2'), await client('Retention Candidate 3')];
  const campaign = {
    reason: 'newProduct', news: 'The new cordless range is in', offer: '15% off the first order', offerUntil: '2026-07-31',
    offerWhy: 'The launch price holds while the first shipment lasts', reactivationDays: 30, holdoutShare: 0, seed: 7, segment: { dormantOnly: false }, asOf: AS_OF,
  };
  const liveCampaign = (await ok('retention.createCampaign', { ...campaign, name: 'Spring range' })).id as number;
  const oldCampaign = (await ok('retention.createCampaign', { ...campaign, name: 'Old range' })).id as number;
  const tiers = [{ name: 'Regular', discountPct: 5 }, { name: 'VIP', discountPct: 25 }];
  const programme = (await ok('retention.createProgramme', { name: 'Club card', kind: 'discount', tiers })).id as number;
  const oldProgramme = (await ok('retention.createProgramme', { name: 'Old points', kind: 'points', pointsPerUnit: 1 })).id as number;
  const membership = (await ok('retention.addMember', { programmeId: programme, clientId: member, tier: 'Regular', startDate: '2026-03-01' })).id as number;
  const leavingMembership = (await ok('retention.addMember', { programmeId: programme, clientId: leaving, tier: 'VIP', startDate: '2026-03-01' })).id as number;
  return { called, member, candidates, liveCampaign, oldCampaign, programme, oldProgramme, membership, leavingMembership, tiers };
}

type Ids = Awaited<ReturnType<typeof retentionSeed>>;

/**
 * A valid input for every retention write channel: each is refused whole on
 * a full file or, run again, still valid (a call can be logged twice, a
 * visit planned twice; addMember takes the next candidate each time).
 */
export function retentionInputs(ids: Ids): Record<string, () => unknown> {
  const big = (n = 1500) => 'é'.repeat(n);
  let candidate = 0;
  return {
    'retention.saveSettings': () => ({ ...DEFAULT_RETENTION_SETTINGS, gapFactor: 2.5, seasonalWords: Array.from({ length: 40 }, (_, i) => `${big(90)}${i}`) }),
    'retention.markSeen': () => ({ clientId: ids.called }),
    'retention.createCampaign': () => ({
      name: `Autumn ${big(150)}`, reason: 'own', reasonText: big(450), news: big(1900), offer: big(950), offerUntil: '2026-08-31', offerWhy: big(950),
      reactivationDays: 30, holdoutShare: 0.2, seed: 11, segment: { dormantOnly: false }, asOf: AS_OF,
    }),
    'retention.archiveCampaign': () => ({ id: ids.oldCampaign }),
    'retention.logCall': () => ({
      campaignId: ids.liveCampaign, clientId: ids.called, date: AS_OF, wellbeing: big(1900), complaint: big(4500), outcome: 'complaint', callbackDate: '2026-07-07', notes: big(4500),
    }),
    'retention.act': () => ({ key: `visit:${ids.called}:2026-01-10`, action: 'done', note: big(4500), asOf: AS_OF }),
    'retention.planVisit': () => ({ clientId: ids.called, date: '2026-07-15', purpose: big(950) }),
    'retention.setCadence': () => ({ clientId: ids.called, ideal: 20, max: 40 }),
    'retention.createProgramme': () => ({ name: `Card ${big(150)}`, kind: 'coalition', partners: big(1900), notes: big(4500) }),
    'retention.updateProgramme': () => ({ id: ids.programme, name: `Club ${big(150)}`, kind: 'discount', tiers: ids.tiers, notes: big(4500) }),
    'retention.archiveProgramme': () => ({ id: ids.oldProgramme }),
    'retention.addMember': () => ({ programmeId: ids.programme, clientId: ids.candidates[candidate++ % ids.candidates.length], tier: 'VIP', startDate: '2026-04-01' }),
    'retention.updateMember': () => ({ id: ids.membership, programmeId: ids.programme, clientId: ids.member, tier: 'VIP', startDate: '2026-03-02', endDate: '2027-03-01' }),
    'retention.removeMember': () => ({ id: ids.leavingMembership }),
  };
}

export const retentionFullDisk: FullDiskFeature<Ids> = {
  tables: [
    'retention_seen', 'retention_touch', 'retention_epoch', 'retention_reminders', 'retention_visits', 'retention_cadence',
    'retention_campaigns', 'retention_campaign_members', 'retention_calls', 'retention_programmes', 'retention_memberships',
  ],
  seed: retentionSeed,
  inputs: retentionInputs,
};
