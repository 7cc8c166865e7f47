import type { z } from 'zod';
import type { discountCreate, discountUpdate } from '../../../shared/features/analytics/schemas';
import type { SupplierDiscount } from '../../../shared/features/analytics/types';
import { crudRepository } from '../../db/crud';
import { recordService } from '../../db/records';
import { supplierDiscounts } from './schema';

/** The volume discounts our suppliers grant us, kept for the what-if. */
export const discountsRepo = crudRepository<SupplierDiscount>(supplierDiscounts, { column: supplierDiscounts.supplier, direction: 'asc' });

export const discountsService = recordService<SupplierDiscount, z.output<typeof discountCreate>, z.output<typeof discountUpdate>>('analytics:nouns.discount', discountsRepo);
