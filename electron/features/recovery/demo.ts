import type { BuiltinReason, OfferKind, Outcome } from '../../../shared/features/recovery/enums';
import { addDays } from '../../../shared/kernel/dates';
import type { Db } from '../../db/connection';
import type { DemoSeed } from '../settings';
import type { Language } from '../../../shared/i18n';
import { translate } from '../../i18n';
import { addOffer, closeCase, markLost, saveInterview, saveMeeting } from './cases';
import { createAction } from './actions';
import { findCandidates } from './candidates';

interface Pool {
  id: number;
  name: string;
  last: string;
}

type Rng = Parameters<DemoSeed['seed']>[1]['rng'];
/** A fixed demo text in the saved language: `t('offers.ownVan')` is recovery:demo.offers.ownVan; a full key passes through. */
type T = (key: string, params?: Record<string, string>) => string;
const translator = (lang: Language): T => (key, params) => translate(lang, key.includes(':') ? key : `recovery:demo.${key}`, params);

const pool = (db: Db, where: string, params: unknown[]): Pool[] =>
  db.sqlite
    .prepare(`SELECT c.id, c.name, MAX(p.date) AS last, SUM(p.amount) AS revenue FROM clients c JOIN purchases p ON p.client_id = c.id
               WHERE c.archived_at IS NULL AND ${where} GROUP BY c.id HAVING SUM(p.amount) > 0 ORDER BY revenue DESC, c.id`)
    .all(...params) as Pool[];

const lost = (lostOn: string, last: string, asOf: string) => (lostOn < last ? last : lostOn > asOf ? asOf : lostOn);

/** A closed case as the demo tells it: its reason, when it was lost, what was offered and how it ended. */
interface Story {
  reason: BuiltinReason;
  daysAgo: number;
  outcome: Outcome;
  /** The offer is a key under recovery:demo.offers. */
  offers: [OfferKind, string, 'accepted' | 'declined' | 'considering'][];
  /** They introduced a company (in the demo, one of the existing clients: the demo keeps its 200). */
  referral?: boolean;
}

// Two years of losses. "service" comes back after its corrective action (done 300 days ago); "better_terms" has one under way.
const STORIES: Story[] = [
  { reason: 'service', daysAgo: 650, outcome: 'parted_well', offers: [['fix', 'accountManager', 'declined']] },
  { reason: 'better_terms', daysAgo: 600, outcome: 'won_back', offers: [['match', 'matchTopTen', 'accepted']] },
  { reason: 'make_own', daysAgo: 560, outcome: 'parted_well', offers: [], referral: true },
  { reason: 'service', daysAgo: 480, outcome: 'won_back', offers: [['fix', 'nextDay', 'accepted']] },
  { reason: 'better_terms', daysAgo: 420, outcome: 'no_contact', offers: [] },
  { reason: 'buy_direct', daysAgo: 380, outcome: 'parted_well', offers: [['other', 'topUp', 'declined']], referral: true },
  { reason: 'service', daysAgo: 240, outcome: 'parted_well', offers: [['fix', 'warehouseSlot', 'declined']] },
  { reason: 'better_terms', daysAgo: 200, outcome: 'parted_well', offers: [['match', 'paymentTerms', 'declined']] },
  { reason: 'changed_business', daysAgo: 150, outcome: 'parted_well', offers: [], referral: true },
  { reason: 'service', daysAgo: 110, outcome: 'no_contact', offers: [] },
  { reason: 'other', daysAgo: 80, outcome: 'parted_well', offers: [] },
];

function tell(db: Db, c: Pool, story: Story, reasons: Map<string, number>, asOf: string, r: Rng, referredId: number | null, t: T): void {
  const lostOn = lost(addDays(asOf, -story.daysAgo), c.last, addDays(asOf, -30));
  const reasonId = reasons.get(story.reason)!;
  const { id } = markLost(db, { clientId: c.id, lostOn, noticedBy: 'Anna Kiss', firstReasonId: null, firstReasonNote: null, proposedAs: r.chance(0.5) ? 'overdue' : null }, asOf);
  const held = lost(addDays(lostOn, r.int(3, 12)), lostOn, asOf);
  saveMeeting(db, { caseId: id, askedBy: t('askedBy'), contactId: null, kind: r.chance(0.7) ? 'lunch' : 'visit', place: t('places.bistro'), gift: null, proposedDate: held, status: story.outcome === 'no_contact' ? 'declined' : 'held', heldOn: story.outcome === 'no_contact' ? null : held });
  saveInterview(db, {
    caseId: id, reasonId, competitor: story.reason === 'better_terms' ? 'Baltic Supply' : null, terms: story.reason === 'better_terms' ? ['price', 'payment'] : [],
    termsDetail: null, serviceWhat: story.reason === 'service' ? t('lateDeliveries') : null, serviceWho: story.reason === 'service' ? t('warehouse') : null,
    reasonNote: null, notes: null, interviewedOn: story.outcome === 'no_contact' ? null : held,
  });
  for (const [kind, offer, answer] of story.offers) addOffer(db, { caseId: id, kind, offer: t(`offers.${offer}`), answer, answerNote: null });
  const closedOn = lost(addDays(held, r.int(2, 10)), held, asOf);
  closeCase(db, {
    caseId: id, outcome: story.outcome, outcomeOn: closedOn, note: null,
    agreedTerms: story.outcome === 'won_back' ? t(story.offers[0] ? `offers.${story.offers[0][1]}` : 'oldTerms') : null,
    referral: referredId !== null ? { existingClientId: referredId, name: null, typeId: null, contactName: t('contactName'), phone: null, email: null, city: null, note: t('farewellLunch') } : null,
    tasks: story.outcome === 'won_back'
      ? [{ title: t('recovery:close.suggested.checkOrder', { name: c.name }), dueDate: addDays(closedOn, 30), forReferral: false }]
      : story.outcome === 'parted_well'
        ? [{ title: t('recovery:close.suggested.callBack', { name: c.name }), dueDate: addDays(closedOn, 90), forReferral: false }, ...(referredId !== null ? [{ title: t('thankIntro'), dueDate: addDays(closedOn, 7), forReferral: true }] : [])]
        : [{ title: t('recovery:close.suggested.tryAgain', { name: c.name }), dueDate: addDays(closedOn, 30), forReferral: false }],
  });
}

/**
 * Open cases at every stage, on key accounts the candidates list proposes
 * (the ones that stopped first get the oldest cases): just lost, meeting past
 * its target, meeting held, interview done with offers on the table.
 */
function openCases(db: Db, reasons: Map<string, number>, asOf: string, t: T): void {
  const proposed = findCandidates(db, { asOf }).candidates.filter((c) => c.key || c.abc === 'A');
  // The biggest client stays out of it: the key-accounts screens keep their headline client.
  const picked = proposed.slice(1, 5).sort((a, b) => (a.lastPurchase < b.lastPurchase ? -1 : a.lastPurchase > b.lastPurchase ? 1 : a.clientId - b.clientId));
  const plan = [20, 12, 9, 2];
  picked.forEach((c, i) => {
    const lostOn = lost(addDays(asOf, -plan[i]), addDays(c.lastPurchase, 1), asOf);
    const on = (days: number) => lost(addDays(lostOn, days), lostOn, asOf);
    const proposedAs = c.reasons[0];
    if (i === 0) {
      const { id } = markLost(db, { clientId: c.clientId, lostOn, noticedBy: 'Anna Kiss', firstReasonId: reasons.get('better_terms')!, firstReasonNote: null, proposedAs }, asOf);
      saveMeeting(db, { caseId: id, askedBy: t('askedBy'), contactId: null, kind: 'lunch', place: t('places.hotel'), gift: null, proposedDate: on(6), status: 'held', heldOn: on(6) });
      saveInterview(db, {
        caseId: id, reasonId: reasons.get('better_terms')!, competitor: 'Baltic Supply', terms: ['price', 'delivery'], termsDetail: t('termsDetail'),
        serviceWhat: null, serviceWho: null, reasonNote: null, notes: t('interviewNotes'), interviewedOn: on(6),
      });
      addOffer(db, { caseId: id, kind: 'match', offer: t('offers.matchFasteners'), answer: 'considering', answerNote: t('answerNote') });
      addOffer(db, { caseId: id, kind: 'fix', offer: t('offers.ownVan'), answer: 'declined', answerNote: null });
    } else if (i === 1) {
      const { id } = markLost(db, { clientId: c.clientId, lostOn, noticedBy: 'Pavel Orlov', firstReasonId: reasons.get('service')!, firstReasonNote: t('firstReasonNote'), proposedAs }, asOf);
      saveMeeting(db, { caseId: id, askedBy: t('askedBy'), contactId: null, kind: 'lunch', place: null, gift: null, proposedDate: addDays(asOf, 3), status: 'asked', heldOn: null });
    } else if (i === 2) {
      const { id } = markLost(db, { clientId: c.clientId, lostOn, noticedBy: 'Rasa Vaitkutė', firstReasonId: null, firstReasonNote: null, proposedAs }, asOf);
      saveMeeting(db, { caseId: id, askedBy: t('askedBy'), contactId: null, kind: 'visit', place: t('places.theirOffice'), gift: t('gift'), proposedDate: on(5), status: 'held', heldOn: on(5) });
    } else {
      markLost(db, { clientId: c.clientId, lostOn, noticedBy: t('noticedBy'), firstReasonId: null, firstReasonNote: null, proposedAs }, asOf);
    }
  });
}

/**
 * The recovery part of the demo: lost key accounts with cases at every stage,
 * two years of recorded reasons (one coming back after its corrective action),
 * corrective actions, and referrals from clients that parted well. It adds no
 * clients: the demo keeps exactly the base's, so prospects are the user's own.
 */
export const recoveryDemo: DemoSeed = {
  name: 'recovery',
  seed(db, { rng, asOf, lang }) {
    const t = translator(lang);
    const reasons = new Map((db.sqlite.prepare(`SELECT id, code FROM recovery_reasons WHERE code IS NOT NULL`).all() as { id: number; code: string }[]).map((x) => [x.code, x.id]));
    const quiet = pool(db, `c.status = 'active'`, []).filter((c) => c.last <= addDays(asOf, -100) && c.last >= addDays(asOf, -320));
    const gone = pool(db, `c.status = 'lost'`, []);
    const closed = [...gone, ...quiet].sort((x, y) => (x.last < y.last ? -1 : x.last > y.last ? 1 : x.id - y.id));
    // Companies a parting client introduced: active clients nobody referred yet, so the referral tree grows new branches.
    const introduced = (db.sqlite.prepare(`SELECT id FROM clients WHERE status = 'active' AND referred_by_id IS NULL AND archived_at IS NULL ORDER BY id DESC LIMIT 40`).all() as { id: number }[])
      .map((x) => x.id)
      .filter((id) => !closed.some((c) => c.id === id));
    STORIES.forEach((story, i) => {
      // The older stories take the clients that stopped first.
      const c = closed[Math.round((i * (closed.length - 1)) / Math.max(1, STORIES.length - 1))];
      if (!c || db.sqlite.prepare(`SELECT 1 FROM recovery_cases WHERE client_id = ?`).get(c.id)) return;
      const candidates = introduced.filter((id) => id !== c.id);
      const referredId = story.referral && candidates.length ? rng.pick(candidates) : null;
      if (referredId !== null) introduced.splice(introduced.indexOf(referredId), 1);
      tell(db, c, story, reasons, asOf, rng, referredId, t);
    });
    openCases(db, reasons, asOf, t);
    if (reasons.size) {
      createAction(db, { reasonId: reasons.get('service')!, what: t('actions.weeklyCall'), owner: t('actionOwner'), dueDate: addDays(asOf, -320), status: 'done', doneOn: addDays(asOf, -300), notes: null });
      createAction(db, { reasonId: reasons.get('better_terms')!, what: t('actions.volumePriceList'), owner: 'Anna Kiss', dueDate: addDays(asOf, 30), status: 'in_progress', doneOn: null, notes: null });
    }
  },
};
