/** One supplier volume-discount tier, as the user records it. */
export interface DiscountTier {
  id: number;
  supplier: string;
  productGroup: string;
  thresholdQuantity: number;
  discountPct: number;
  listUnitCost: number;
}

export interface DiscountEffect {
  supplier: string;
  productGroup: string;
  volumeBefore: number;
  volumeAfter: number;
  discountBeforePct: number;
  discountAfterPct: number;
  /** Thresholds the volume falls below when the clients leave, ascending. */
  thresholdsLost: number[];
  /** What the remaining volume now costs more per period. */
  extraCost: number;
}

/** Tiers of one supplier and product group, keyed the way the scenario groups them. */
export const groupKey = (t: Pick<DiscountTier, 'supplier' | 'productGroup'>) => `${t.supplier}\u0000${t.productGroup.trim().toLowerCase()}`;

/** A product belongs to a group when its name starts with the group (case-insensitive); an empty group takes everything. */
export const inGroup = (product: string | null, group: string) => {
  const g = group.trim().toLowerCase();
  return g === '' || (product ?? '').trim().toLowerCase().startsWith(g);
};

/** The best discount the volume earns: the highest tier whose threshold it reaches (thresholds are inclusive). */
export function discountAt(tiers: DiscountTier[], volume: number): number {
  let best = 0;
  for (const t of tiers) if (volume >= t.thresholdQuantity && t.discountPct > best) best = t.discountPct;
  return best;
}

/**
 * What losing volume does to one group's price: the tiers left behind and the
 * extra cost of the units still bought. Tiers of a group should share a list
 * cost; where they differ the highest is used, so the cost is never understated.
 */
export function discountEffect(tiers: DiscountTier[], volumeBefore: number, volumeAfter: number): DiscountEffect {
  const before = discountAt(tiers, volumeBefore);
  const after = discountAt(tiers, volumeAfter);
  const unitCost = Math.max(0, ...tiers.map((t) => t.listUnitCost));
  const thresholdsLost = [...new Set(tiers.filter((t) => volumeBefore >= t.thresholdQuantity && volumeAfter < t.thresholdQuantity).map((t) => t.thresholdQuantity))].sort((a, b) => a - b);
  return {
    supplier: tiers[0].supplier,
    productGroup: tiers[0].productGroup,
    volumeBefore,
    volumeAfter,
    discountBeforePct: before,
    discountAfterPct: after,
    thresholdsLost,
    extraCost: Math.max(0, volumeAfter) * unitCost * ((before - after) / 100),
  };
}
