import type { AbcClass } from '../analytics';
import { OFFER_KINDS, type ActionStatus, type OfferAnswer, type OfferKind, type Outcome } from './enums';
import { quarterOf } from './quarters';
import type { GroupFigures, LostReasonReport, OfferFigures, ReasonFigures } from './types';

export interface CaseFact {
  id: number;
  /** The interview's reason, else the first one noted; null while unknown. */
  reasonId: number | null;
  lostOn: string;
  managerId: number | null;
  manager: string | null;
  abc: AbcClass | null;
  lostRevenue: number;
  outcome: Outcome | null;
  offers: { kind: OfferKind; answer: OfferAnswer | null }[];
}

export interface ActionFact {
  reasonId: number;
  status: ActionStatus;
  doneOn: string | null;
}

const rate = (won: number, closed: number) => (closed > 0 ? won / closed : null);

function group<K>(cases: CaseFact[], keyOf: (c: CaseFact) => K) {
  const out = new Map<K, { losses: number; lostRevenue: number; wonBack: number; closed: number; cases: CaseFact[] }>();
  for (const c of cases) {
    const k = keyOf(c);
    const g = out.get(k) ?? { losses: 0, lostRevenue: 0, wonBack: 0, closed: 0, cases: [] };
    g.losses++;
    g.lostRevenue += c.lostRevenue;
    if (c.outcome) g.closed++;
    if (c.outcome === 'won_back') g.wonBack++;
    g.cases.push(c);
    out.set(k, g);
  }
  return out;
}

const figures = (key: string, g: { losses: number; lostRevenue: number; wonBack: number }): GroupFigures => ({ key, losses: g.losses, lostRevenue: g.lostRevenue, wonBack: g.wonBack });

/**
 * Losses and lost revenue by reason, quarter, manager and class; win-back
 * rates by reason and by the kind of offer made; and the reasons that came
 * back after their corrective action was done. `reasonOrder` lists reasons in
 * the order the user keeps them; reasons without losses are left out.
 */
export function lostReasonReport(cases: CaseFact[], actions: ActionFact[], opts: { reasonOrder: number[]; recurringMin: number; from?: string | null; to?: string | null }): LostReasonReport {
  const byReasonGroups = group(cases, (c) => c.reasonId);
  const order = new Map(opts.reasonOrder.map((id, i) => [id, i]));
  const byReason: ReasonFigures[] = [...byReasonGroups.entries()]
    .map(([reasonId, g]) => {
      const mine = reasonId === null ? [] : actions.filter((a) => a.reasonId === reasonId);
      const done = mine.filter((a) => a.status === 'done' && a.doneOn !== null);
      const lastDoneOn = done.reduce<string | null>((max, a) => (max === null || a.doneOn! > max ? a.doneOn : max), null);
      return {
        reasonId,
        losses: g.losses,
        lostRevenue: g.lostRevenue,
        closed: g.closed,
        wonBack: g.wonBack,
        winBackRate: rate(g.wonBack, g.closed),
        recurring: reasonId !== null && g.losses >= opts.recurringMin,
        openActions: mine.length - done.length,
        doneActions: done.length,
        lastDoneOn,
        lossesAfterDone: lastDoneOn === null ? 0 : g.cases.filter((c) => c.lostOn > lastDoneOn).length,
      };
    })
    .sort((a, b) => (a.reasonId === null ? 1 : b.reasonId === null ? -1 : b.losses - a.losses || (order.get(a.reasonId) ?? 1e9) - (order.get(b.reasonId) ?? 1e9)));

  const periods = group(cases, (c) => quarterOf(c.lostOn));
  const byPeriod = [...periods.entries()]
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([key, g]) => {
      const counts: Record<string, number> = {};
      for (const c of g.cases) counts[String(c.reasonId ?? 'none')] = (counts[String(c.reasonId ?? 'none')] ?? 0) + 1;
      return { ...figures(key, g), byReason: counts };
    });

  const managers = group(cases, (c) => c.managerId ?? 0);
  const byManager = [...managers.entries()]
    .map(([id, g]) => ({ ...figures(String(id), g), manager: g.cases[0].manager }))
    .sort((a, b) => b.lostRevenue - a.lostRevenue || a.key.localeCompare(b.key));

  const classes = group(cases, (c) => c.abc ?? '-');
  const byClass = (['A', 'B', 'C', '-'] as const).filter((k) => classes.has(k)).map((k) => figures(k, classes.get(k)!));

  const byOffer: OfferFigures[] = OFFER_KINDS.map((kind) => {
    let offers = 0;
    let accepted = 0;
    let withOffer = 0;
    let wonBack = 0;
    for (const c of cases) {
      const mine = c.offers.filter((o) => o.kind === kind);
      if (!mine.length) continue;
      offers += mine.length;
      accepted += mine.filter((o) => o.answer === 'accepted').length;
      if (c.outcome) {
        withOffer++;
        if (c.outcome === 'won_back') wonBack++;
      }
    }
    return { kind, offers, accepted, cases: withOffer, wonBack, winBackRate: rate(wonBack, withOffer) };
  }).filter((o) => o.offers > 0);

  const closed = cases.filter((c) => c.outcome).length;
  const wonBack = cases.filter((c) => c.outcome === 'won_back').length;
  return {
    from: opts.from ?? null,
    to: opts.to ?? null,
    losses: cases.length,
    lostRevenue: cases.reduce((s, c) => s + c.lostRevenue, 0),
    closed,
    wonBack,
    winBackRate: rate(wonBack, closed),
    byReason,
    byPeriod,
    byManager,
    byClass,
    byOffer,
    recurringAfterAction: byReason.filter((r) => r.reasonId !== null && r.lossesAfterDone > 0).map((r) => r.reasonId!),
  };
}
