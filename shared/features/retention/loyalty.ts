/** What a loyalty programme gives on one purchase; rounded to cents as a till would. */
const cents = (v: number) => Math.round(v * 100) / 100;

/** Cashback credited on a purchase: 5% of 5,000 credits 250. */
export const cashbackCredit = (amount: number, pct: number): number => cents((amount * pct) / 100);

/** Points earned: whole points only, per unit of money spent. */
export const pointsEarned = (amount: number, pointsPerUnit: number): number => Math.floor(amount * pointsPerUnit + 1e-9);

/** The price after a card's discount. */
export const discountedPrice = (amount: number, pct: number): number => cents(amount * (1 - pct / 100));
