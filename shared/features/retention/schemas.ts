import { z } from 'zod';
import { id, isoDate, optId, optText, reqText } from '../../kernel/schema-parts';
import { CALL_OUTCOMES, CALL_REASONS, PROGRAMME_KINDS, REMINDER_ACTIONS } from './enums';
import { ABC_CLASSES } from './settings';

/** Today unless given (tests and the CLI pass a date). */
const asOf = isoDate.optional();
export const asOfInput = z.strictObject({ asOf }).default({});

export const segmentSchema = z.strictObject({
  managerId: optId,
  abc: z.enum(ABC_CLASSES).nullish().transform((v) => v ?? null),
  typeId: optId,
  dormantOnly: z.boolean().default(true),
});

export const callListInput = z.strictObject({
  asOf,
  managerId: optId,
  abc: z.enum(ABC_CLASSES).nullish().transform((v) => v ?? null),
  typeId: optId,
  campaignId: optId,
});

export const clientInput = z.strictObject({ clientId: id, asOf });

/**
 * A win-back campaign: the news that makes the call worth making, and a
 * concrete offer with a real end and a believable reason for it.
 */
export const campaignCreate = z
  .strictObject({
    name: reqText(200),
    reason: z.enum(CALL_REASONS, { error: 'retention:errors.reasonNeeded' }),
    reasonText: optText(500),
    news: z.string({ error: 'retention:errors.newsNeeded' }).trim().min(1, 'retention:errors.newsNeeded').max(2000, 'common:errors.tooLong'),
    offer: reqText(1000),
    offerUntil: isoDate,
    offerWhy: reqText(1000),
    reactivationDays: z.number({ error: 'retention:errors.wholeDays' }).int('retention:errors.wholeDays').min(1, 'retention:errors.wholeDays').max(365, 'retention:errors.wholeDays'),
    holdoutShare: z.number({ error: 'common:errors.number' }).min(0, 'retention:errors.holdoutShare').max(0.5, 'retention:errors.holdoutShare'),
    seed: z.number().int().min(1).max(2 ** 31 - 1).nullish().transform((v) => v ?? null),
    segment: segmentSchema,
    asOf,
  })
  .refine((c) => c.reason !== 'own' || c.reasonText !== null, { message: 'retention:errors.ownReason', path: ['reasonText'] });

export const logCallInput = z
  .strictObject({
    campaignId: id,
    clientId: id,
    contactId: optId,
    date: isoDate,
    wellbeing: optText(2000),
    complaint: optText(5000),
    outcome: z.enum(CALL_OUTCOMES, { error: 'retention:errors.outcomeNeeded' }),
    callbackDate: isoDate.nullish().transform((v) => v ?? null),
    notes: optText(5000),
  })
  .refine((c) => c.outcome !== 'complaint' || c.complaint !== null, { message: 'retention:errors.complaintText', path: ['complaint'] })
  .refine((c) => c.outcome !== 'callBack' || c.callbackDate !== null, { message: 'retention:errors.callbackDate', path: ['callbackDate'] })
  .refine((c) => c.callbackDate === null || c.callbackDate >= c.date, { message: 'retention:errors.callbackPast', path: ['callbackDate'] });

export const reminderActInput = z
  .strictObject({
    key: z.string().min(3).max(400),
    action: z.enum(REMINDER_ACTIONS),
    /** Snooze: until when (tomorrow if left out). Reschedule: the new date. */
    date: isoDate.nullish().transform((v) => v ?? null),
    /** Done on a visit: what the visit was about, logged as the interaction. */
    note: optText(5000),
    asOf,
  })
  .refine((a) => a.action !== 'reschedule' || a.date !== null, { message: 'retention:errors.rescheduleDate', path: ['date'] });

export const planVisitInput = z.strictObject({ clientId: id, date: isoDate, purpose: z.string({ error: 'retention:errors.purposeNeeded' }).trim().min(1, 'retention:errors.purposeNeeded').max(1000, 'common:errors.tooLong') });

const cadenceDays = z.number({ error: 'retention:errors.wholeDays' }).int('retention:errors.wholeDays').min(1, 'retention:errors.wholeDays').max(3650, 'retention:errors.wholeDays');
export const clientCadenceInput = z
  .strictObject({ clientId: id, ideal: cadenceDays.nullable(), max: cadenceDays.nullable() })
  .refine((c) => (c.ideal === null) === (c.max === null), { message: 'retention:errors.bothOrNone', path: ['max'] })
  .refine((c) => c.ideal === null || c.max === null || c.ideal <= c.max, { message: 'retention:errors.idealAfterMax', path: ['max'] });

const tierSchema = z.strictObject({
  name: reqText(100),
  discountPct: z.number({ error: 'retention:errors.percent' }).min(0, 'retention:errors.percent').max(100, 'retention:errors.percent'),
});
const percentOrNull = z.number({ error: 'retention:errors.percent' }).min(0, 'retention:errors.percent').max(100, 'retention:errors.percent').nullish().transform((v) => v ?? null);

const programmeShape = {
  name: reqText(200),
  kind: z.enum(PROGRAMME_KINDS, { error: 'retention:errors.kindNeeded' }),
  tiers: z.array(tierSchema).max(20).default([]),
  pointsPerUnit: z.number({ error: 'common:errors.number' }).positive('retention:errors.positive').max(1000).nullish().transform((v) => v ?? null),
  cashbackPct: percentOrNull,
  partners: optText(2000),
  notes: optText(5000),
};
type ProgrammeShape = { kind: string; tiers: unknown[]; pointsPerUnit: number | null; cashbackPct: number | null; partners: string | null };
const programmeRules = <T extends z.ZodType<ProgrammeShape>>(s: T) =>
  s
    .refine((p) => p.kind !== 'discount' || p.tiers.length > 0, { message: 'retention:errors.tiersNeeded', path: ['tiers'] })
    .refine((p) => p.kind !== 'points' || p.pointsPerUnit !== null, { message: 'retention:errors.pointsNeeded', path: ['pointsPerUnit'] })
    .refine((p) => p.kind !== 'cashback' || p.cashbackPct !== null, { message: 'retention:errors.cashbackNeeded', path: ['cashbackPct'] })
    .refine((p) => p.kind !== 'coalition' || p.partners !== null, { message: 'retention:errors.partnersNeeded', path: ['partners'] });
export const programmeCreate = programmeRules(z.strictObject(programmeShape));
export const programmeUpdate = programmeRules(z.strictObject({ id, ...programmeShape }));

const membershipShape = {
  programmeId: id,
  clientId: id,
  tier: optText(100),
  startDate: isoDate,
  endDate: isoDate.nullish().transform((v) => v ?? null),
};
const endAfterStart = { message: 'retention:errors.endBeforeStart', path: ['endDate'] };
export const membershipCreate = z.strictObject(membershipShape).refine((m) => m.endDate === null || m.endDate >= m.startDate, endAfterStart);
export const membershipUpdate = z.strictObject({ id, ...membershipShape }).refine((m) => m.endDate === null || m.endDate >= m.startDate, endAfterStart);

export const effectInput = z.strictObject({
  programmeId: id,
  asOf,
  windowDays: z.number().int().min(30, 'retention:errors.window').max(730, 'retention:errors.window').default(180),
});
