import { addDays } from '../../../shared/kernel/dates';
import type { DemoSeed } from '../settings';
import { translate } from '../../i18n';
import { planVisit, setCadence } from './actions';
import { logCall } from './calls';
import { createCampaign } from './campaigns';
import { addMember, createProgramme } from './loyalty';
import { dormancyRows, dormancyState } from './views';

/**
 * The retention feature's part of the demo: a discount card with tiers and a
 * cashback scheme with members, a win-back campaign over the dormant clients
 * with a 20% control group and a few calls already made, and planned visits.
 */
export const retentionDemo: DemoSeed = {
  name: 'retention',
  seed(db, { rng, asOf, lang }) {
    // Fixed texts in the saved language (retention:demo…); the tier names members carry are the programme's own.
    const t = (key: string) => translate(lang, `retention:demo.${key}`);
    const tier = { regular: t('tiers.regular'), silver: t('tiers.silver'), vip: t('tiers.vip') };
    const card = createProgramme(db, {
      name: t('cardName'), kind: 'discount', notes: null, pointsPerUnit: null, cashbackPct: null, partners: null,
      tiers: [{ name: tier.regular, discountPct: 5 }, { name: tier.silver, discountPct: 10 }, { name: tier.vip, discountPct: 20 }],
    }).id;
    const cashback = createProgramme(db, { name: t('cashbackName'), kind: 'cashback', cashbackPct: 5, tiers: [], notes: null, pointsPerUnit: null, partners: null }).id;
    const st = dormancyState(db, asOf);
    const all = dormancyRows(db, st, {});
    for (const row of all) {
      const start = addDays(asOf, -rng.int(30, 700));
      if (rng.chance(0.15)) addMember(db, { programmeId: card, clientId: row.id, tier: row.abc === 'A' ? tier.vip : row.abc === 'B' ? tier.silver : tier.regular, startDate: start, endDate: null });
      else if (rng.chance(0.05)) addMember(db, { programmeId: cashback, clientId: row.id, tier: null, startDate: start, endDate: null });
    }
    const dormant = all.filter((r) => r.dormant);
    if (dormant.length === 0) return;
    const campaign = createCampaign(db, {
      name: t('campaignName'), reason: 'newProduct', reasonText: null, news: t('news'),
      offer: t('offer'), offerUntil: addDays(asOf, 21),
      offerWhy: t('offerWhy'), reactivationDays: 30, holdoutShare: 0.2, seed: 20260401,
      segment: { managerId: null, abc: null, typeId: null, dormantOnly: true }, asOf,
    });
    const offer = db.sqlite.prepare(`SELECT client_id AS id FROM retention_campaign_members WHERE campaign_id = ? AND arm = 'offer' ORDER BY value_at_risk DESC LIMIT 3`).all(campaign.id) as { id: number }[];
    const outcomes = ['willCome', 'noAnswer', 'callBack'] as const;
    offer.forEach((m, i) =>
      logCall(db, {
        campaignId: campaign.id, clientId: m.id, contactId: null, date: asOf, outcome: outcomes[i], wellbeing: null, complaint: null,
        callbackDate: outcomes[i] === 'callBack' ? addDays(asOf, 3) : null, notes: null,
      }),
    );
    for (const row of all.filter((r) => r.abc === 'A').slice(0, 3)) planVisit(db, { clientId: row.id, date: addDays(asOf, rng.int(-2, 10)), purpose: t('visitPurpose') });
    if (all[0]) setCadence(db, { clientId: all[0].id, ideal: 14, max: 21 });
  },
};
