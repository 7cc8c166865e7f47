import { z } from 'zod';
import { id, reqText } from '../../kernel/schema-parts';

/** A supplier's volume discount, as Settings records it for the what-if. */
const discountShape = {
  supplier: reqText(200),
  productGroup: z.string().trim().max(200, 'common:errors.tooLong').default(''),
  thresholdQuantity: z.number({ error: 'analytics:errors.thresholdNumber' }).finite().min(0, 'analytics:errors.thresholdNegative'),
  discountPct: z.number({ error: 'analytics:errors.discountNumber' }).finite().gt(0, 'analytics:errors.discountAboveZero').max(100, 'analytics:errors.discountMax'),
  listUnitCost: z.number({ error: 'analytics:errors.unitCostNumber' }).finite().min(0, 'analytics:errors.unitCostNegative'),
};
export const discountCreate = z.strictObject(discountShape);
export const discountUpdate = z.strictObject({ id, ...discountShape });
