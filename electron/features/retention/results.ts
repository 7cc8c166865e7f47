import { dayOfIso, isoOfDay } from '../../../shared/features/retention/days';
import { CALL_OUTCOMES, type Arm, type CallOutcome } from '../../../shared/features/retention/enums';
import { meanDifference, minimumDetectableEffect, newcombeDifference, verdictOf } from '../../../shared/features/retention/holdout';
import type { CampaignResultRow, CampaignResults, RateGroup } from '../../../shared/features/retention/types';
import { addDays } from '../../../shared/kernel/dates';
import type { Db } from '../../db/connection';
import { getCampaign } from './campaigns';
import { clientFacts, storeOf } from './facts';
import { historyOf, lastEntryOnOrBefore, type History } from './history';
import { todayIso } from './views';

/** The first purchase occasion in [from, to] and the net revenue of those days. */
function windowOf(h: History, c: number, from: number, to: number): { first: number | null; revenue: number } {
  let first: number | null = null;
  let revenue = 0;
  if (c < 0) return { first, revenue };
  for (let e = lastEntryOnOrBefore(h, c, from - 1) + 1; e < h.start[c + 1] && h.day[e] <= to; e++) {
    revenue += h.revenue[e];
    if (first === null && h.occasion[e]) first = h.day[e];
  }
  return { first, revenue };
}

/**
 * What a campaign brought: called, reached, reactivated (bought within N
 * days of the first call) and the revenue of those days. With a holdout, the
 * two groups are compared over the same window (N days from the start,
 * whoever was called): the rate of clients who bought, revenue per client,
 * Newcombe's interval for the difference, and what the sizes could detect.
 */
export function campaignResults(db: Db, id: number, asOf = todayIso()): CampaignResults {
  const campaign = getCampaign(db, id);
  const s = storeOf(db);
  const h = historyOf(s);
  const facts = clientFacts(db, s);
  const asOfDay = dayOfIso(asOf);
  const start = dayOfIso(campaign.startDate);
  const windowEnd = start + campaign.reactivationDays;
  const members = db.sqlite
    .prepare(`SELECT m.client_id AS id, m.arm, c.name FROM retention_campaign_members m JOIN clients c ON c.id = m.client_id WHERE m.campaign_id = ? ORDER BY c.name, c.id`)
    .all(id) as { id: number; arm: Arm; name: string }[];
  const calls = db.sqlite.prepare(`SELECT client_id AS id, date, outcome FROM retention_calls WHERE campaign_id = ? ORDER BY date, id`).all(id) as { id: number; date: string; outcome: CallOutcome }[];
  const firstCall = new Map<number, string>();
  const lastOutcome = new Map<number, CallOutcome>();
  for (const k of calls) {
    if (!firstCall.has(k.id)) firstCall.set(k.id, k.date);
    lastOutcome.set(k.id, k.outcome);
  }
  const outcomes = Object.fromEntries(CALL_OUTCOMES.map((o) => [o, 0])) as Record<CallOutcome, number>;
  for (const o of lastOutcome.values()) outcomes[o]++;
  let reactivated = 0;
  let reactivatedRevenue = 0;
  const rows: CampaignResultRow[] = [];
  const groupRevenue: Record<Arm, number[]> = { offer: [], control: [] };
  const buyers: Record<Arm, number> = { offer: 0, control: 0 };
  for (const m of members) {
    const c = s.clientSlot(m.id);
    const called = firstCall.get(m.id) ?? null;
    const same = windowOf(h, c, start, Math.min(windowEnd, asOfDay));
    groupRevenue[m.arm].push(same.revenue);
    if (same.first !== null) buyers[m.arm]++;
    let shown = same;
    if (called) {
      const from = dayOfIso(called);
      shown = windowOf(h, c, from, Math.min(from + campaign.reactivationDays, asOfDay));
      if (shown.first !== null) (reactivated++, (reactivatedRevenue += shown.revenue));
    }
    rows.push({
      id: m.id, name: m.name, code: c >= 0 ? facts.code[c] : null, arm: m.arm, calledOn: called, outcome: lastOutcome.get(m.id) ?? null,
      boughtOn: shown.first === null ? null : isoOfDay(shown.first), revenue: shown.revenue,
    });
  }
  const calledCount = firstCall.size;
  const reached = [...lastOutcome.values()].filter((o) => o !== 'noAnswer').length;
  const group = (arm: Arm): RateGroup => {
    const n = groupRevenue[arm].length;
    return { clients: n, buyers: buyers[arm], rate: n ? buyers[arm] / n : 0, revenuePerClient: n ? groupRevenue[arm].reduce((a, b) => a + b, 0) / n : 0 };
  };
  const offer = group('offer');
  const control = group('control');
  const windowOver = asOfDay >= windowEnd;
  const difference = newcombeDifference(offer.buyers, offer.clients, control.buyers, control.clients);
  return {
    campaign,
    asOf,
    windowEnds: addDays(campaign.startDate, campaign.reactivationDays),
    windowOver,
    called: calledCount,
    reached,
    outcomes,
    reactivated,
    reactivatedRevenue,
    reactivationRate: calledCount ? reactivated / calledCount : null,
    holdout:
      control.clients === 0
        ? null
        : {
            offer,
            control,
            difference,
            revenueDifference: meanDifference(groupRevenue.offer, groupRevenue.control),
            mde: minimumDetectableEffect(offer.clients, control.clients, control.clients ? control.rate : null),
            verdict: verdictOf(windowOver, offer.clients, control.clients, difference),
          },
    rows,
  };
}
