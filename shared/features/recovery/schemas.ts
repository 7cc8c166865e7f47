import { z } from 'zod';
import { id, isoDate, money, optEmail, optId, optText, reqText } from '../../kernel/schema-parts';
import { MEETING_KINDS, MEETING_STATUSES, OFFER_ANSWERS, OFFER_KINDS, OUTCOMES, PROSPECT_SOURCES, REASON_CATEGORIES, TERMS, ACTION_STATUSES } from './enums';

const optDate = isoDate.nullish().transform((v) => v ?? null);
const choice = <V extends string>(values: readonly [V, ...V[]], key: string) => z.enum(values, { error: key });
const optChoice = <V extends string>(values: readonly [V, ...V[]], key: string) => z.enum(values, { error: key }).nullish().transform((v) => v ?? null);

/** "Today" for the clocks and candidates; tests and the CLI pass a fixed day. */
export const asOfInput = z.strictObject({ asOf: isoDate.optional() }).default({});

export const markLost = z.strictObject({
  clientId: id,
  lostOn: isoDate,
  noticedBy: optText(200),
  firstReasonId: optId,
  firstReasonNote: optText(2000),
  /** Set when the loss was taken from the candidates list: what made Rapport propose it. */
  proposedAs: optChoice(['overdue', 'fell'], 'recovery:errors.proposedAs'),
});

export const saveMeeting = z
  .strictObject({
    caseId: id,
    askedBy: optText(200),
    contactId: optId,
    kind: optChoice(MEETING_KINDS, 'recovery:errors.meetingKind'),
    place: optText(300),
    gift: optText(300),
    proposedDate: optDate,
    status: choice(MEETING_STATUSES, 'recovery:errors.meetingStatus'),
    heldOn: optDate,
  })
  .refine((m) => m.status !== 'held' || m.heldOn !== null || m.proposedDate !== null, { message: 'recovery:errors.heldNeedsDate', path: ['heldOn'] });

export const saveInterview = z.strictObject({
  caseId: id,
  reasonId: optId,
  competitor: optText(200),
  terms: z.array(choice(TERMS, 'recovery:errors.term')).max(TERMS.length).default([]),
  termsDetail: optText(2000),
  serviceWhat: optText(2000),
  serviceWho: optText(300),
  reasonNote: optText(2000),
  notes: optText(20000),
  interviewedOn: optDate,
});

const offerShape = {
  kind: choice(OFFER_KINDS, 'recovery:errors.offerKind'),
  offer: reqText(2000),
  answer: optChoice(OFFER_ANSWERS, 'recovery:errors.offerAnswer'),
  answerNote: optText(2000),
};
export const offerCreate = z.strictObject({ caseId: id, ...offerShape });
export const offerUpdate = z.strictObject({ id, ...offerShape });

/** The company a lost client introduces: it becomes a prospect referred by that client. */
export const referralInput = z.strictObject({
  /** An existing client or prospect instead of a new one. */
  existingClientId: optId,
  name: optText(200),
  typeId: optId,
  contactName: optText(200),
  phone: optText(50),
  email: optEmail,
  city: optText(100),
  note: optText(2000),
}).refine((r) => r.existingClientId !== null || r.name !== null, { message: 'recovery:errors.referralName', path: ['name'] });
export type ReferralInput = z.output<typeof referralInput>;

export const followUpTask = z.strictObject({
  title: reqText(300),
  dueDate: isoDate,
  /** The task belongs to the referred prospect rather than the lost client. */
  forReferral: z.boolean().default(false),
});

export const closeCase = z
  .strictObject({
    caseId: id,
    outcome: choice(OUTCOMES, 'recovery:errors.outcome'),
    outcomeOn: isoDate,
    agreedTerms: optText(2000),
    note: optText(5000),
    tasks: z.array(followUpTask).max(20).default([]),
    referral: referralInput.nullish().transform((v) => v ?? null),
  })
  .refine((c) => c.outcome !== 'won_back' || c.agreedTerms !== null, { message: 'recovery:errors.agreedTerms', path: ['agreedTerms'] })
  .refine((c) => c.referral !== null || !c.tasks.some((t) => t.forReferral), { message: 'recovery:errors.taskNeedsReferral', path: ['tasks'] });

export const addReferral = z.strictObject({ caseId: id, referral: referralInput });

const reasonShape = {
  label: optText(200),
  category: choice(REASON_CATEGORIES, 'recovery:errors.category'),
};
export const reasonCreate = z.strictObject({ ...reasonShape, label: reqText(200) });
export const reasonUpdate = z.strictObject({ id, ...reasonShape });

const actionShape = {
  reasonId: id,
  what: reqText(2000),
  owner: optText(200),
  dueDate: optDate,
  status: choice(ACTION_STATUSES, 'recovery:errors.actionStatus').default('planned'),
  doneOn: optDate,
  notes: optText(5000),
};
const doneNeedsDate = (a: { status: string; doneOn: string | null }) => a.status !== 'done' || a.doneOn !== null;
const doneMessage = { message: 'recovery:errors.doneNeedsDate', path: ['doneOn'] };
export const actionCreate = z.strictObject(actionShape).refine(doneNeedsDate, doneMessage);
export const actionUpdate = z.strictObject({ id, ...actionShape }).refine(doneNeedsDate, doneMessage);

export const prospectCreate = z.strictObject({
  name: reqText(200),
  typeId: optId,
  source: choice(PROSPECT_SOURCES, 'recovery:errors.source'),
  referredById: optId,
  city: optText(100),
  country: optText(60),
  email: optEmail,
  phone: optText(50),
  potentialAnnual: money('recovery:errors.potential').min(0, 'recovery:errors.potential').nullish().transform((v) => v ?? null),
  notes: optText(20000),
});

export const reportInput = z
  .strictObject({ from: isoDate.optional(), to: isoDate.optional() })
  .refine((p) => !p.from || !p.to || p.from <= p.to, { message: 'recovery:errors.periodOrder', path: ['to'] })
  .default({});
export type ReportInput = z.output<typeof reportInput>;

export const casesInput = z
  .strictObject({ includeClosed: z.boolean().default(true), includeArchived: z.boolean().default(false), asOf: isoDate.optional() })
  .default({ includeClosed: true, includeArchived: false });
