import type { Reason } from '../../../shared/features/recovery/types';
import type { Db } from '../../db/connection';
import { inEnglish } from '../../i18n';
import { findCandidates } from './candidates';
import { listReasons } from './reasons';
import { recoveryReport } from './report';

/** One row per candidate, snake_case, shares as fractions: the stable `--json` of `recovery candidates`. */
export function candidatesJson(db: Db, asOf?: string) {
  const r = findCandidates(db, { asOf });
  return {
    as_of: r.asOf,
    window: { recent_from: r.window.recentFrom, recent_to: r.window.recentTo, before_from: r.window.beforeFrom, before_to: r.window.beforeTo },
    candidates: r.candidates.map((c) => ({
      id: c.clientId,
      code: c.code,
      name: c.name,
      reason: c.reasons[0],
      reasons: c.reasons,
      class: c.abc,
      key_account: c.key,
      last_purchase: c.lastPurchase,
      days_since_last_purchase: c.daysSinceLastPurchase,
      purchase_days: c.occasions,
      rhythm_days: c.rhythmDays,
      overdue_after_days: c.overdueAfterDays,
      revenue_recent: c.revenueRecent,
      revenue_year_before: c.revenueYearBefore,
      change: c.change,
      revenue_12m: c.revenue12m,
      revenue_previous_12m: c.revenuePrevious12m,
    })),
  };
}

export function candidatesText(j: ReturnType<typeof candidatesJson>): string {
  if (j.candidates.length === 0) return `No key account or A client looks lost as of ${j.as_of}.\n`;
  return j.candidates
    .map((c) => `${c.code ?? ''}\t${c.name}\t${c.reasons.join('+')}\tlast ${c.last_purchase} (${c.days_since_last_purchase} days; rhythm ${c.rhythm_days ?? '—'})\t${c.change === null ? '' : `${(c.change * 100).toFixed(0)}%`}\n`)
    .join('');
}

const reasonName = (r: Reason | undefined) => (r === undefined ? inEnglish('recovery:reasons.unknown') : r.label ?? (r.code ? inEnglish(`recovery:reasons.builtin.${r.code}`) : ''));

/** Losses, lost revenue and win-backs by reason (and by offer): the stable `--json` of `recovery report`. */
export function reportJson(db: Db, period: { from?: string; to?: string }) {
  const r = recoveryReport(db, period);
  const reasons = new Map(listReasons(db, true).map((x) => [x.id, x]));
  return {
    from: r.from,
    to: r.to,
    losses: r.losses,
    lost_revenue: r.lostRevenue,
    closed: r.closed,
    won_back: r.wonBack,
    win_back_rate: r.winBackRate,
    by_reason: r.byReason.map((x) => ({
      reason_id: x.reasonId,
      reason: reasonName(x.reasonId === null ? undefined : reasons.get(x.reasonId)),
      category: x.reasonId === null ? null : reasons.get(x.reasonId)?.category ?? null,
      losses: x.losses,
      lost_revenue: x.lostRevenue,
      closed: x.closed,
      won_back: x.wonBack,
      win_back_rate: x.winBackRate,
      recurring: x.recurring,
      last_action_done_on: x.lastDoneOn,
      losses_after_action: x.lossesAfterDone,
    })),
    by_offer: r.byOffer.map((o) => ({ kind: o.kind, offers: o.offers, accepted: o.accepted, cases: o.cases, won_back: o.wonBack, win_back_rate: o.winBackRate })),
    recurring_after_action: r.recurringAfterAction.map((id) => reasonName(reasons.get(id))),
  };
}

export function reportText(j: ReturnType<typeof reportJson>): string {
  const pct = (x: number | null) => (x === null ? '—' : `${(x * 100).toFixed(0)}%`);
  const head = `${j.losses} losses, ${j.lost_revenue.toFixed(2)} lost revenue, ${j.won_back} of ${j.closed} closed won back (${pct(j.win_back_rate)})\n`;
  return head + j.by_reason.map((x) => `${x.reason}\t${x.losses}\t${x.lost_revenue.toFixed(2)}\twon back ${x.won_back}/${x.closed}${x.losses_after_action ? `\tBACK ${x.losses_after_action}× after its action` : ''}\n`).join('');
}
