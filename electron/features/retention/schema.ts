import { sql } from 'drizzle-orm';
import { index, integer, primaryKey, real, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { stamps } from '../../db/columns';
import { clients, contacts, interactions, tasks } from '../accounts/schema';

const now = sql`(strftime('%Y-%m-%dT%H:%M:%fZ','now'))`;

/**
 * BG/NBD fits, keyed by the data's change mark and the as-of date, so screens
 * read the parameters instead of fitting 50,000 clients again. Only the
 * newest few are kept.
 */
export const retentionFits = sqliteTable('retention_fits', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  mark: text('mark').notNull(),
  asOf: text('as_of').notNull(),
  status: text('status').notNull(),
  r: real('r'),
  alpha: real('alpha'),
  a: real('a'),
  b: real('b'),
  logLik: real('loglik'),
  clients: integer('clients').notNull(),
  repeatOccasions: integer('repeat_occasions').notNull(),
  evaluations: integer('evaluations').notNull().default(0),
  millis: real('millis').notNull().default(0),
  createdAt: text('created_at').notNull().default(now),
}, (t) => [index('retention_fits_mark_idx').on(t.mark, t.asOf)]);

/** Clients whose page has been opened: a client imported in bulk gets no reminders before that. */
export const retentionSeen = sqliteTable('retention_seen', {
  clientId: integer('client_id').primaryKey().references(() => clients.id, { onDelete: 'cascade' }),
  seenAt: text('seen_at').notNull().default(now),
});

/**
 * Each client's latest live interaction, kept by triggers on interactions
 * (see the migration), so the visit cadence of 50,000 clients is one read.
 * No foreign key: a client's cascade delete fires those triggers while the
 * client row is already gone; rows of deleted clients are ignored by joins.
 */
export const retentionTouch = sqliteTable('retention_touch', {
  clientId: integer('client_id').primaryKey(),
  lastDate: text('last_date').notNull(),
});

/** Counts the trigger updates of retention_touch: the cached cadence reloads when it moves. */
export const retentionEpoch = sqliteTable('retention_epoch', {
  id: integer('id').primaryKey(),
  touches: integer('touches').notNull(),
});

/** What the user did with a reminder occurrence: done, or snoozed until a date. */
export const retentionReminders = sqliteTable('retention_reminders', {
  key: text('key').primaryKey(),
  clientId: integer('client_id').notNull().references(() => clients.id, { onDelete: 'cascade' }),
  state: text('state').notNull(),
  until: text('until'),
  updatedAt: text('updated_at').notNull().default(now),
}, (t) => [index('retention_reminders_client_idx').on(t.clientId)]);

/** Planned visits, each with its purpose. */
export const retentionVisits = sqliteTable('retention_visits', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  clientId: integer('client_id').notNull().references(() => clients.id, { onDelete: 'cascade' }),
  date: text('date').notNull(),
  purpose: text('purpose').notNull(),
  doneAt: text('done_at'),
  ...stamps,
}, (t) => [index('retention_visits_client_idx').on(t.clientId), index('retention_visits_date_idx').on(t.date)]);

/** A client's own visit cadence, over its class's. */
export const retentionCadence = sqliteTable('retention_cadence', {
  clientId: integer('client_id').primaryKey().references(() => clients.id, { onDelete: 'cascade' }),
  idealDays: integer('ideal_days').notNull(),
  maxDays: integer('max_days').notNull(),
});

export const retentionCampaigns = sqliteTable('retention_campaigns', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  name: text('name').notNull(),
  reason: text('reason').notNull(),
  reasonText: text('reason_text'),
  news: text('news').notNull(),
  offer: text('offer').notNull(),
  offerUntil: text('offer_until').notNull(),
  offerWhy: text('offer_why').notNull(),
  reactivationDays: integer('reactivation_days').notNull(),
  holdoutShare: real('holdout_share').notNull().default(0),
  seed: integer('seed').notNull(),
  startDate: text('start_date').notNull(),
  segment: text('segment').notNull().default('{}'),
  ...stamps,
});

/** Who a campaign is for, fixed when it starts: the offer group, and the control group a holdout keeps. */
export const retentionCampaignMembers = sqliteTable('retention_campaign_members', {
  campaignId: integer('campaign_id').notNull().references(() => retentionCampaigns.id, { onDelete: 'cascade' }),
  clientId: integer('client_id').notNull().references(() => clients.id, { onDelete: 'cascade' }),
  arm: text('arm').notNull(),
  valueAtRisk: real('value_at_risk').notNull().default(0),
}, (t) => [primaryKey({ columns: [t.campaignId, t.clientId] }), index('retention_members_client_idx').on(t.clientId)]);

/** Each win-back call: the three stages' answers, the outcome, and what it created. */
export const retentionCalls = sqliteTable('retention_calls', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  campaignId: integer('campaign_id').notNull().references(() => retentionCampaigns.id, { onDelete: 'cascade' }),
  clientId: integer('client_id').notNull().references(() => clients.id, { onDelete: 'cascade' }),
  contactId: integer('contact_id').references(() => contacts.id, { onDelete: 'set null' }),
  date: text('date').notNull(),
  outcome: text('outcome').notNull(),
  wellbeing: text('wellbeing'),
  complaint: text('complaint'),
  callbackDate: text('callback_date'),
  interactionId: integer('interaction_id').references(() => interactions.id, { onDelete: 'set null' }),
  complaintTaskId: integer('complaint_task_id').references(() => tasks.id, { onDelete: 'set null' }),
  callbackTaskId: integer('callback_task_id').references(() => tasks.id, { onDelete: 'set null' }),
  createdAt: text('created_at').notNull().default(now),
}, (t) => [index('retention_calls_campaign_idx').on(t.campaignId, t.clientId), index('retention_calls_callback_idx').on(t.callbackTaskId)]);

export const retentionProgrammes = sqliteTable('retention_programmes', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  name: text('name').notNull(),
  kind: text('kind').notNull(),
  tiers: text('tiers').notNull().default('[]'),
  pointsPerUnit: real('points_per_unit'),
  cashbackPct: real('cashback_pct'),
  partners: text('partners'),
  notes: text('notes'),
  ...stamps,
});

export const retentionMemberships = sqliteTable('retention_memberships', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  programmeId: integer('programme_id').notNull().references(() => retentionProgrammes.id, { onDelete: 'cascade' }),
  clientId: integer('client_id').notNull().references(() => clients.id, { onDelete: 'cascade' }),
  tier: text('tier'),
  startDate: text('start_date').notNull(),
  endDate: text('end_date'),
  ...stamps,
}, (t) => [uniqueIndex('retention_memberships_uq').on(t.programmeId, t.clientId), index('retention_memberships_client_idx').on(t.clientId)]);
