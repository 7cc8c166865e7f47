import { z } from 'zod';
import { isIsoDate } from './dates';

/**
 * Field schemas every feature's forms share. Messages are translation keys
 * (see shared/kernel/errors.ts): main sends them as they are, and the
 * renderer shows them in the user's language.
 */

// Form inputs arrive as strings; empty means "not given" and is stored as null.
export const optText = (max = 500) =>
  z
    .string()
    .trim()
    .max(max, 'common:errors.tooLong')
    .nullish()
    .transform((v) => (v ? v : null));

export const reqText = (max = 200) =>
  z.string({ error: 'common:errors.required' }).trim().min(1, 'common:errors.required').max(max, 'common:errors.tooLong');

export const id = z.number({ error: 'common:errors.id' }).int().positive();
export const optId = id.nullish().transform((v) => v ?? null);

export const isoDate = z.string({ error: 'common:errors.date' }).refine(isIsoDate, 'common:errors.date');

/** Above this an amount is a typing slip, and sums of such amounts stop being exact. */
export const MAX_AMOUNT = 1e13;

/** A number the user typed; `notANumber` is the key of the message that names the field. */
export const money = (notANumber: string) =>
  z.number({ error: notANumber }).finite(notANumber).refine((n) => Math.abs(n) <= MAX_AMOUNT, 'common:errors.tooLarge');

export const optEmail = optText(200).refine((v) => v === null || z.email().safeParse(v).success, 'common:errors.email');

export const optUrl = optText(500).refine((v) => {
  if (v === null) return true;
  try {
    const u = new URL(v);
    return u.protocol === 'http:' || u.protocol === 'https:';
  } catch {
    return false;
  }
}, 'common:errors.url');
