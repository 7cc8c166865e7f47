import { z } from 'zod';

export const ABC_CLASSES = ['A', 'B', 'C'] as const;
export type Class = (typeof ABC_CLASSES)[number];

const days = (max: number) => z.number({ error: 'retention:errors.wholeDays' }).int('retention:errors.wholeDays').min(1, 'retention:errors.wholeDays').max(max, 'common:zod.too_big');
const cadence = z
  .strictObject({ ideal: days(3650), max: days(3650) })
  .refine((c) => c.ideal <= c.max, { message: 'retention:errors.idealAfterMax', path: ['max'] });

/**
 * What the user decides: when a client counts as dormant, how far ahead
 * reminders look, and how often each class should be visited.
 */
export const retentionSettingsSchema = z.strictObject({
  /** Dormant when the days since the last purchase exceed this many times the client's usual gap… */
  gapFactor: z.number({ error: 'common:errors.number' }).min(1, 'retention:errors.gapFactor').max(20, 'retention:errors.gapFactor'),
  /** …or when P(alive) is below this (0 turns the model's part of the rule off). */
  pAliveBelow: z.number({ error: 'common:errors.number' }).min(0, 'retention:errors.probability').max(1, 'retention:errors.probability'),
  /** Purchase occasions needed before a client has a rhythm of its own. */
  minOccasions: z.number().int().min(2, 'retention:errors.minOccasions').max(50, 'retention:errors.minOccasions'),
  /** The "next N days" of the expected purchases. */
  horizonDays: days(730),
  birthdayDaysAhead: z.number().int().min(0, 'retention:errors.daysAhead').max(60, 'retention:errors.daysAhead'),
  anniversaryLeadDays: z.number().int().min(1, 'retention:errors.daysAhead').max(60, 'retention:errors.daysAhead'),
  /** Words that mark a product line as gift-like or seasonal (flowers, calendar…): a year-old purchase of one is always worth a reminder. */
  seasonalWords: z.array(z.string().trim().min(1, 'common:errors.required').max(100, 'common:errors.tooLong')).max(100),
  cadence: z.strictObject({ A: cadence, B: cadence, C: cadence }),
  /** Default days after a call in which a purchase counts as reactivated. */
  reactivationDays: days(365),
});
export type RetentionSettings = z.output<typeof retentionSettingsSchema>;

export const DEFAULT_RETENTION_SETTINGS: RetentionSettings = {
  gapFactor: 2,
  pAliveBelow: 0.5,
  minOccasions: 3,
  horizonDays: 90,
  birthdayDaysAhead: 7,
  anniversaryLeadDays: 14,
  seasonalWords: [],
  cadence: { A: { ideal: 30, max: 45 }, B: { ideal: 91, max: 120 }, C: { ideal: 365, max: 450 } },
  reactivationDays: 30,
};
