import type { z } from 'zod';
import type * as s from '../../../shared/features/accounts/schemas';
import type { Purchase } from '../../../shared/features/accounts/types';
import { purchasesRepo } from './repository';
import { checkClientExists } from './references';
import { recordService } from '../../db/records';

/** Amount = quantity × unit price when the amount is not given; rounded to cents to avoid float dust. */
export function purchaseAmount(p: { quantity: number; unitPrice: number | null; amount: number | null }): number {
  if (p.amount !== null) return p.amount;
  return Math.round(p.quantity * (p.unitPrice ?? 0) * 100) / 100;
}

export const purchasesService = recordService<Purchase, z.output<typeof s.purchaseCreate>, z.output<typeof s.purchaseUpdate>>('accounts:nouns.purchase', purchasesRepo, {
  check: (db, input) => checkClientExists(db, input.clientId),
  toRow: (_db, input) => ({ ...input, amount: purchaseAmount(input) }),
});
