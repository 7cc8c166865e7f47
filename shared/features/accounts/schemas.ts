import { z } from 'zod';
import { isBirthday } from '../../kernel/dates';
import { CURRENCIES } from '../../kernel/enums';
import { completeWebsite } from '../../kernel/format';
import { id, isoDate, MAX_AMOUNT, money, optEmail, optId, optText, optUrl, reqText } from '../../kernel/schema-parts';
import { CLIENT_STATUSES, CONTACT_CHANNELS, CONTACT_LEVELS, FIELD_KINDS, INTERACTION_KINDS } from './enums';

/**
 * A rule across fields runs in the same round as the fields' own checks, so a
 * form shows every problem at once; it only waits for the fields it reads.
 */
const whenFieldsRead = (...fields: string[]) => ({
  when: (payload: { value: unknown; issues: readonly { path?: readonly PropertyKey[] }[] }) =>
    typeof payload.value === 'object' && payload.value !== null &&
    !payload.issues.some((i) => !i.path?.length || fields.includes(String(i.path[0]))),
});

/** "orion.example" is completed to "https://orion.example" on both sides before the address check. */
const website = z.string().trim().nullish().transform((v) => (v ? completeWebsite(v) : v)).pipe(optUrl);

export const profileValue = z.union([z.string().max(2000), z.number().finite(), z.boolean(), z.array(z.string().max(200)).max(200), z.null()]);

const clientShape = {
  name: reqText(200),
  code: optText(50),
  typeId: optId,
  status: z.enum(CLIENT_STATUSES).default('active'),
  managerId: optId,
  departmentId: optId,
  country: optText(60),
  city: optText(100),
  taxId: optText(50),
  email: optEmail,
  phone: optText(50),
  website,
  potentialAnnual: z.number({ error: 'accounts:errors.potentialNumber' }).finite().min(0, 'accounts:errors.potentialNegative').nullish().transform((v) => v ?? null),
  reputation: z.boolean().default(false),
  innovator: z.boolean().default(false),
  demanding: z.boolean().default(false),
  keyPotential: z.boolean().default(false),
  referredById: optId,
  source: optText(200),
  notes: optText(20000),
  profile: z.record(z.string().max(60), profileValue).default({}),
};
export const clientCreate = z.strictObject(clientShape);
export const clientUpdate = z.strictObject({ id, ...clientShape }).refine((c) => c.referredById !== c.id, {
  message: 'accounts:errors.selfReferral',
  path: ['referredById'],
  ...whenFieldsRead('id', 'referredById'),
});

const contactShape = {
  clientId: id,
  name: reqText(200),
  level: z.enum(CONTACT_LEVELS, { error: 'accounts:errors.chooseLevel' }),
  role: optText(200),
  reportsToId: optId,
  birthday: optText(10).refine((v) => v === null || isBirthday(v), 'accounts:errors.birthday'),
  family: optText(2000),
  hobbies: optText(2000),
  foodPreferences: optText(2000),
  preferredChannel: z.enum(CONTACT_CHANNELS).nullish().transform((v) => v ?? null),
  language: optText(50),
  email: optEmail,
  phone: optText(50),
  notes: optText(20000),
};
export const contactCreate = z.strictObject(contactShape);
export const contactUpdate = z.strictObject({ id, ...contactShape }).refine((c) => c.reportsToId !== c.id, {
  message: 'accounts:errors.selfReport',
  path: ['reportsToId'],
  ...whenFieldsRead('id', 'reportsToId'),
});

const purchaseShape = {
  clientId: id,
  date: isoDate,
  invoice: optText(100),
  product: optText(200),
  description: optText(2000),
  // Negative quantities are credit notes and returns: kept, they net out in revenue.
  quantity: money('accounts:errors.quantityNumber').refine((q) => q !== 0, 'accounts:errors.quantityZero'),
  unitPrice: money('accounts:errors.unitPriceNumber').nullish().transform((v) => v ?? null),
  amount: money('accounts:errors.amountNumber').nullish().transform((v) => v ?? null),
  currency: z.enum(CURRENCIES).nullish().transform((v) => v ?? null),
};
const needsAmountOrPrice = (p: { amount: number | null; unitPrice: number | null }) => p.amount !== null || p.unitPrice !== null;
const amountMessage = { message: 'accounts:errors.amountOrPrice', path: ['amount'], ...whenFieldsRead('amount', 'unitPrice') };
const computedFits = (p: { amount: number | null; unitPrice: number | null; quantity: number }) =>
  p.amount !== null || Math.abs(p.quantity * (p.unitPrice ?? 0)) <= MAX_AMOUNT;
const computedMessage = { message: 'accounts:errors.computedTooLarge', path: ['unitPrice'], ...whenFieldsRead('amount', 'unitPrice', 'quantity') };
export const purchaseCreate = z.strictObject(purchaseShape).refine(needsAmountOrPrice, amountMessage).refine(computedFits, computedMessage);
export const purchaseUpdate = z.strictObject({ id, ...purchaseShape }).refine(needsAmountOrPrice, amountMessage).refine(computedFits, computedMessage);

const interactionShape = {
  clientId: id,
  contactId: optId,
  kind: z.enum(INTERACTION_KINDS, { error: 'accounts:errors.chooseKind' }),
  date: isoDate,
  summary: reqText(5000),
  outcome: optText(5000),
};
export const interactionCreate = z.strictObject(interactionShape);
export const interactionUpdate = z.strictObject({ id, ...interactionShape });

const taskShape = {
  clientId: id,
  contactId: optId,
  title: reqText(300),
  dueDate: isoDate,
  doneAt: isoDate.nullish().transform((v) => v ?? null),
  notes: optText(5000),
};
export const taskCreate = z.strictObject(taskShape);
export const taskUpdate = z.strictObject({ id, ...taskShape });

const managerShape = { name: reqText(200), email: optEmail, departmentId: optId };
export const managerCreate = z.strictObject(managerShape);
export const managerUpdate = z.strictObject({ id, ...managerShape });

const departmentShape = { name: reqText(200) };
export const departmentCreate = z.strictObject(departmentShape);
export const departmentUpdate = z.strictObject({ id, ...departmentShape });

export const clientTypeCreate = z.strictObject({ name: reqText(100) });
export const clientTypeUpdate = z.strictObject({ id, name: reqText(100) });

const fieldShape = {
  typeId: id,
  label: reqText(100),
  kind: z.enum(FIELD_KINDS, { error: 'accounts:errors.chooseFieldKind' }),
  options: z.array(z.string().trim().min(1).max(100)).max(100).default([]),
};
const selectNeedsOptions = (f: { kind: string; options: string[] }) => f.kind !== 'select' || f.options.length > 0;
const optionsMessage = { message: 'accounts:errors.optionsNeeded', path: ['options'], ...whenFieldsRead('kind', 'options') };
export const fieldCreate = z.strictObject(fieldShape).refine(selectNeedsOptions, optionsMessage);
export const fieldUpdate = z.strictObject({ id, ...fieldShape }).refine(selectNeedsOptions, optionsMessage);

/** The client pickers: a few matches for what was typed, or the names of given ids (the value a form already holds). */
export const clientOptionsInput = z.strictObject({
  search: z.string().max(200).default(''),
  ids: z.array(id).max(50).default([]),
  exclude: optId,
  limit: z.number().int().min(1).max(100).default(50),
  includeArchived: z.boolean().default(false),
});

export const mergeInput = z
  .strictObject({ keepId: id, mergeId: id })
  .refine((m) => m.keepId !== m.mergeId, { message: 'accounts:errors.mergeSame', path: ['mergeId'], ...whenFieldsRead('keepId', 'mergeId') });

export const taskDoneInput = z.strictObject({ id, done: z.boolean({ error: 'accounts:errors.doneYesNo' }) });

export type ClientInput = z.input<typeof clientCreate>;
export type ContactInput = z.input<typeof contactCreate>;
export type PurchaseInput = z.input<typeof purchaseCreate>;
export type InteractionInput = z.input<typeof interactionCreate>;
export type TaskInput = z.input<typeof taskCreate>;
