import { z } from 'zod';
import { isBirthday, isIsoDate } from './dates';
import { CLIENT_STATUSES, CONTACT_CHANNELS, CONTACT_LEVELS, CURRENCIES, FIELD_KINDS, INTERACTION_KINDS, LOCALES } from './enums';

// Form inputs arrive as strings; empty means "not given" and is stored as null.
const optText = (max = 500) =>
  z
    .string()
    .trim()
    .max(max, `Use at most ${max} characters`)
    .nullish()
    .transform((v) => (v ? v : null));

const reqText = (max = 200) =>
  z.string({ error: 'This field is required' }).trim().min(1, 'This field is required').max(max, `Use at most ${max} characters`);

export const id = z.number({ error: 'A record id is required' }).int().positive();
const optId = id.nullish().transform((v) => v ?? null);

export const isoDate = z
  .string({ error: 'Enter a date' })
  .refine(isIsoDate, 'Enter a real date as YYYY-MM-DD');

const money = (label: string) =>
  z.number({ error: `${label} must be a number` }).finite(`${label} must be a number`).refine((n) => Math.abs(n) <= 1e13, `${label} is too large to be real; check it`);

const optEmail = optText(200).refine((v) => v === null || z.email().safeParse(v).success, 'Enter an e-mail address like name@example.com');

const optUrl = optText(500).refine((v) => {
  if (v === null) return true;
  try {
    const u = new URL(v);
    return u.protocol === 'http:' || u.protocol === 'https:';
  } catch {
    return false;
  }
}, 'Enter a web address starting with http:// or https://');

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
  website: optUrl,
  potentialAnnual: z.number({ error: 'Potential must be a number' }).finite().min(0, 'Potential cannot be negative').nullish().transform((v) => v ?? null),
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
  message: 'A client cannot refer itself',
  path: ['referredById'],
});

const contactShape = {
  clientId: id,
  name: reqText(200),
  level: z.enum(CONTACT_LEVELS, { error: 'Choose a level' }),
  role: optText(200),
  reportsToId: optId,
  birthday: optText(10).refine((v) => v === null || isBirthday(v), 'Enter the birthday as YYYY-MM-DD, or --MM-DD when the year is unknown'),
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
  message: 'A contact cannot report to themselves',
  path: ['reportsToId'],
});

const purchaseShape = {
  clientId: id,
  date: isoDate,
  invoice: optText(100),
  product: optText(200),
  description: optText(2000),
  // Negative quantities are credit notes and returns: kept, they net out in revenue.
  quantity: money('Quantity').refine((q) => q !== 0, 'Quantity cannot be zero'),
  unitPrice: money('Unit price').nullish().transform((v) => v ?? null),
  amount: money('Amount').nullish().transform((v) => v ?? null),
  currency: z.enum(CURRENCIES).nullish().transform((v) => v ?? null),
};
const needsAmountOrPrice = (p: { amount: number | null; unitPrice: number | null }) => p.amount !== null || p.unitPrice !== null;
const amountMessage = { message: 'Enter an amount, or a unit price to compute it from the quantity', path: ['amount'] };
/** Above this an amount is a typing slip, and sums of such amounts stop being exact. */
export const MAX_AMOUNT = 1e13;
const computedFits = (p: { amount: number | null; unitPrice: number | null; quantity: number }) =>
  p.amount !== null || Math.abs(p.quantity * (p.unitPrice ?? 0)) <= MAX_AMOUNT;
const computedMessage = { message: 'Quantity × unit price is too large to be a real amount; check both', path: ['unitPrice'] };
export const purchaseCreate = z.strictObject(purchaseShape).refine(needsAmountOrPrice, amountMessage).refine(computedFits, computedMessage);
export const purchaseUpdate = z.strictObject({ id, ...purchaseShape }).refine(needsAmountOrPrice, amountMessage).refine(computedFits, computedMessage);

const interactionShape = {
  clientId: id,
  contactId: optId,
  kind: z.enum(INTERACTION_KINDS, { error: 'Choose what kind of contact it was' }),
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

const discountShape = {
  supplier: reqText(200),
  productGroup: z.string().trim().max(200).default(''),
  thresholdQuantity: z.number({ error: 'Threshold must be a number' }).finite().min(0, 'Threshold cannot be negative'),
  discountPct: z.number({ error: 'Discount must be a number' }).finite().gt(0, 'Discount must be above 0%').max(100, 'Discount cannot pass 100%'),
  listUnitCost: z.number({ error: 'Unit cost must be a number' }).finite().min(0, 'Unit cost cannot be negative'),
};
export const discountCreate = z.strictObject(discountShape);
export const discountUpdate = z.strictObject({ id, ...discountShape });

export const clientTypeCreate = z.strictObject({ name: reqText(100) });
export const clientTypeUpdate = z.strictObject({ id, name: reqText(100) });

const fieldShape = {
  typeId: id,
  label: reqText(100),
  kind: z.enum(FIELD_KINDS, { error: 'Choose a field kind' }),
  options: z.array(z.string().trim().min(1).max(100)).max(100).default([]),
};
const selectNeedsOptions = (f: { kind: string; options: string[] }) => f.kind !== 'select' || f.options.length > 0;
const optionsMessage = { message: 'A choice field needs at least one option', path: ['options'] };
export const fieldCreate = z.strictObject(fieldShape).refine(selectNeedsOptions, optionsMessage);
export const fieldUpdate = z.strictObject({ id, ...fieldShape }).refine(selectNeedsOptions, optionsMessage);

export const settingsUpdate = z.strictObject({
  locale: z.enum(LOCALES).optional(),
  currency: z.enum(CURRENCIES).optional(),
});

export type ClientInput = z.input<typeof clientCreate>;
export type ContactInput = z.input<typeof contactCreate>;
export type PurchaseInput = z.input<typeof purchaseCreate>;
export type InteractionInput = z.input<typeof interactionCreate>;
export type TaskInput = z.input<typeof taskCreate>;
