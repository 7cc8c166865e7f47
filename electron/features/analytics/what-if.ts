import { portfolio, riskBand, shareOf } from '../../../shared/features/analytics/concentration';
import { discountEffect, groupKey, inGroup, type DiscountTier } from '../../../shared/features/analytics/discounts';
import { dayKey } from '../../../shared/features/analytics/period';
import type { WhatIfInput, WhatIfResult } from '../../../shared/features/analytics/types';
import type { Db } from '../../db/connection';
import { discountsRepo } from './discounts';
import { AppError } from '../../errors';
import { scopeRanking, type ScopeRanking } from './ranking';
import { getAnalyticsSettings } from './report';
import { purchaseStore, type PurchaseStore } from './store';

/** Band changes listed at most; a base of thousands of small clients would otherwise all move a little. */
const BAND_CHANGES_SHOWN = 200;

/**
 * "What if these clients leave?" on the period and scope: the revenue lost, the
 * concentration of what remains, and the supplier discounts the lost volume
 * takes with it (suppliers count the whole company's volume, so that part is
 * company-wide whatever the scope).
 */
export function whatIf(db: Db, input: WhatIfInput): WhatIfResult {
  const store = purchaseStore(db);
  const settings = getAnalyticsSettings(db);
  const tiers = discountsRepo.list(db) as DiscountTier[];
  const started = performance.now();
  const r = scopeRanking(store, input, settings);

  const removedSlots = new Uint8Array(store.clientCount);
  for (const [i, id] of input.clientIds.entries()) {
    const slot = store.clientSlot(id);
    if (slot < 0 || !r.inScope[slot]) {
      const params = { id, scope: r.scopeName ?? { key: 'analytics:company' as const } };
      throw new AppError('invalid_input', 'analytics:errors.notInScope', params, [{ path: ['clientIds', i], key: 'analytics:errors.notInScope', params }]);
    }
    removedSlots[slot] = 1;
  }

  const { order, revenue, total } = r.ranking;
  const remaining: number[] = [];
  const remainingSlots: number[] = [];
  let lost = 0;
  for (let i = 0; i < order.length; i++) {
    if (removedSlots[order[i]]) lost += revenue[i];
    else {
      remaining.push(revenue[i]);
      remainingSlots.push(order[i]);
    }
  }
  const after = portfolio(remaining, total - lost);

  const bandChanges: WhatIfResult['bandChanges'] = [];
  for (let i = 0; i < remaining.length && bandChanges.length < BAND_CHANGES_SHOWN; i++) {
    const shareBefore = shareOf(remaining[i], total);
    const shareAfter = shareOf(remaining[i], total - lost);
    const bandBefore = riskBand(shareBefore, settings.bands);
    const bandAfter = riskBand(shareAfter, settings.bands);
    if (bandBefore !== bandAfter) bandChanges.push({ id: store.cId[remainingSlots[i]], name: store.cName[remainingSlots[i]], shareBefore, shareAfter, bandBefore, bandAfter });
  }

  const discounts = discountEffects(store, r, tiers, removedSlots);
  const extraCost = discounts.reduce((a, d) => a + d.extraCost, 0);
  let companyRemaining = 0;
  for (let c = 0; c < store.clientCount; c++) if (!removedSlots[c] && r.company.present[c]) companyRemaining += r.company.revenue[c];

  return {
    removed: input.clientIds.map((id) => {
      const slot = store.clientSlot(id);
      return { id, name: store.cName[slot], revenue: r.company.revenue[slot], share: shareOf(r.company.revenue[slot], total) };
    }),
    revenueLost: lost,
    revenueLostShare: shareOf(lost, total),
    before: r.portfolio,
    after,
    bandChanges,
    discounts,
    extraCost,
    priceRiseNeeded: companyRemaining > 0 ? extraCost / companyRemaining : 0,
    computeMs: performance.now() - started,
  };
}

/** One pass over the period's lines: each group's volume, with and without the leaving clients. */
function discountEffects(store: PurchaseStore, r: ScopeRanking, tiers: DiscountTier[], removed: Uint8Array) {
  if (tiers.length === 0) return [];
  const byGroup = new Map<string, DiscountTier[]>();
  for (const t of tiers) byGroup.set(groupKey(t), [...(byGroup.get(groupKey(t)) ?? []), t]);
  const groups = [...byGroup.values()];
  // Which groups each distinct product falls in, worked out once per product, not per line.
  const groupsOfProduct = store.products.map((p) => groups.flatMap((g, gi) => (inGroup(p, g[0].productGroup) ? [gi] : [])));
  const before = new Float64Array(groups.length);
  const leaving = new Float64Array(groups.length);
  const from = dayKey(r.period.from);
  const to = dayKey(r.period.to);
  for (let i = 0; i < store.size; i++) {
    const d = store.pDay[i];
    if (d < from || d > to || store.pAlive[i] === 0) continue;
    const c = store.pClient[i];
    if (store.cArchived[c] === 1) continue;
    for (const g of groupsOfProduct[store.pProduct[i]]) {
      before[g] += store.pQuantity[i];
      if (removed[c]) leaving[g] += store.pQuantity[i];
    }
  }
  return groups.map((g, gi) => discountEffect(g, before[gi], before[gi] - leaving[gi]));
}
