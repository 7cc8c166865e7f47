import { z } from 'zod';

const whole = (min: number, max: number, key: 'meetingDays' | 'windowDays' | 'recurringMin') =>
  z.number({ error: `recovery:errors.${key}` }).int(`recovery:errors.${key}`).min(min, `recovery:errors.${key}`).max(max, `recovery:errors.${key}`);

/** The recovery feature's thresholds (Settings → Lost accounts). */
export const recoverySettingsSchema = z.strictObject({
  /** The first meeting should be held within this many days of the loss; later cases show in red. */
  meetingTargetDays: whole(1, 365, 'meetingDays'),
  /** Overdue: no purchase for more than this many times the client's median gap between purchase days. */
  overdueFactor: z.number({ error: 'recovery:errors.overdueFactor' }).finite().min(1, 'recovery:errors.overdueFactor').max(10, 'recovery:errors.overdueFactor'),
  /** Fell: revenue over the last window is down by more than this share on the same days a year before. */
  fallShare: z.number({ error: 'recovery:errors.fallShare' }).finite().gt(0, 'recovery:errors.fallShare').lt(1, 'recovery:errors.fallShare'),
  fallWindowDays: whole(14, 365, 'windowDays'),
  /** A reason with at least this many losses in the period is recurring and asks for a corrective action. */
  recurringMin: whole(2, 50, 'recurringMin'),
});
export type RecoverySettings = z.output<typeof recoverySettingsSchema>;

export const DEFAULT_RECOVERY_SETTINGS: RecoverySettings = {
  meetingTargetDays: 7,
  overdueFactor: 2,
  fallShare: 0.5,
  fallWindowDays: 90,
  recurringMin: 2,
};
