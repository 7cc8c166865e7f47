/** What the recovery write channels need on a full disk: shared by this feature's test and tests/durability/full-disk.test.ts. */
import { DEFAULT_RECOVERY_SETTINGS } from '../../../shared/features/recovery/settings';
import type { FullDiskFeature } from '../../helpers/full-disk';

type Call = (channel: string, input: unknown) => Promise<{ ok: boolean; value?: any; error?: any }>;

/** The records the recovery write channels work on: an open case with an offer, a closed case, an action, a prospect. */
export async function recoverySeed(call: Call) {
  const ok = async (c: string, i: unknown) => {
    const r = await call(c, i);
    if (!r.ok) throw new Error(`${c}: ${JSON.stringify(r.error)}`);
    return r.value;
  };
  const reason = (await ok('recovery.reasons', {}))[0].id as number;
  const lost = (await ok('clients.create', { name: 'Lost Co' })).id as number;
  const closedClient = (await ok('clients.create', { name: 'Closed Co' })).id as number;
  const other = (await ok('clients.create', { name: 'Other Co' })).id as number;
  const openCase = (await ok('recovery.markLost', { clientId: lost, lostOn: '2026-04-01', firstReasonId: reason })).id as number;
  const offer = (await ok('recovery.addOffer', { caseId: openCase, kind: 'fix', offer: 'Weekly call' })).id as number;
  const closedCase = (await ok('recovery.markLost', { clientId: closedClient, lostOn: '2026-03-01', firstReasonId: reason })).id as number;
  await ok('recovery.close', { caseId: closedCase, outcome: 'parted_well', outcomeOn: '2026-03-10' });
  const action = (await ok('recovery.createAction', { reasonId: reason, what: 'Weekly call' })).id as number;
  const prospect = (await ok('recovery.createProspect', { name: 'Maybe Co', source: 'directory' })).id as number;
  return { reason, lost, closedClient, other, openCase, offer, closedCase, action, prospect };
}

/**
 * A valid input for every recovery write channel, for the shared full-disk
 * test (tests/durability/full-disk.test.ts) as much as for this one: each is
 * either refused whole or, run again, still valid.
 */
export function recoveryInputs(ids: Awaited<ReturnType<typeof recoverySeed>>): Record<string, () => unknown> {
  const big = (n = 1500) => 'é'.repeat(n);
  return {
    'recovery.saveSettings': () => ({ ...DEFAULT_RECOVERY_SETTINGS, meetingTargetDays: 10 }),
    // Another client each time; on a full file none of them gets its case.
    'recovery.markLost': () => ({ clientId: ids.other, lostOn: '2026-05-01', noticedBy: big(150), firstReasonNote: big(1900) }),
    'recovery.saveMeeting': () => ({ caseId: ids.openCase, askedBy: big(150), place: big(250), gift: big(250), status: 'asked' }),
    'recovery.saveInterview': () => ({ caseId: ids.openCase, reasonId: ids.reason, competitor: big(150), termsDetail: big(1900), notes: big(15000) }),
    'recovery.addOffer': () => ({ caseId: ids.openCase, kind: 'match', offer: big(1900) }),
    'recovery.updateOffer': () => ({ id: ids.offer, kind: 'fix', offer: big(1900), answer: 'considering', answerNote: big(1900) }),
    'recovery.archiveOffer': () => ({ id: ids.offer }),
    'recovery.close': () => ({ caseId: ids.openCase, outcome: 'won_back', outcomeOn: '2026-05-01', agreedTerms: big(1900), tasks: [{ title: big(250), dueDate: '2026-06-01' }], referral: { name: `Referred ${big(150)}`, note: big(1900) } }),
    'recovery.addReferral': () => ({ caseId: ids.closedCase, referral: { name: `Introduced ${big(150)}`, note: big(1900) } }),
    'recovery.reopen': () => ({ id: ids.closedCase }),
    'recovery.archive': () => ({ id: ids.closedCase }),
    'recovery.restore': () => ({ id: ids.closedCase }),
    'recovery.createReason': () => ({ label: `Reason ${big(150)}`, category: 'other' }),
    'recovery.updateReason': () => ({ id: ids.reason, label: `Renamed ${big(150)}`, category: 'terms' }),
    'recovery.archiveReason': () => ({ id: ids.reason }),
    'recovery.restoreReason': () => ({ id: ids.reason }),
    'recovery.createAction': () => ({ reasonId: ids.reason, what: big(1900), notes: big(4000) }),
    'recovery.updateAction': () => ({ id: ids.action, reasonId: ids.reason, what: big(1900), status: 'done', doneOn: '2026-05-01', notes: big(4000) }),
    'recovery.archiveAction': () => ({ id: ids.action }),
    'recovery.restoreAction': () => ({ id: ids.action }),
    'recovery.createProspect': () => ({ name: `Prospect ${big(150)}`, source: 'trade_fair', notes: big(15000) }),
    'recovery.convertProspect': () => ({ id: ids.prospect }),
  };
}

export const recoveryFullDisk: FullDiskFeature<Awaited<ReturnType<typeof recoverySeed>>> = {
  tables: ['recovery_reasons', 'recovery_cases', 'recovery_offers', 'recovery_referrals', 'recovery_case_tasks', 'recovery_actions'],
  seed: recoverySeed,
  inputs: recoveryInputs,
};
