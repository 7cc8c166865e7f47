import { sql } from 'drizzle-orm';
import { index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { stamps } from '../../db/columns';
import { clients, contacts, tasks } from '../accounts/schema';

/** Why clients leave: the built-in reasons carry a code (translated), the user's own a label. */
export const recoveryReasons = sqliteTable('recovery_reasons', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  code: text('code'),
  label: text('label'),
  category: text('category').notNull(),
  position: integer('position').notNull().default(0),
  ...stamps,
}, (t) => [uniqueIndex('recovery_reasons_code_uq').on(t.code)]);

/** One lost account's recovery: the loss, the meeting request, the interview and the outcome. */
export const recoveryCases = sqliteTable('recovery_cases', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  clientId: integer('client_id').notNull().references(() => clients.id, { onDelete: 'cascade' }),
  lostOn: text('lost_on').notNull(),
  noticedBy: text('noticed_by'),
  firstReasonId: integer('first_reason_id').references(() => recoveryReasons.id, { onDelete: 'set null' }),
  firstReasonNote: text('first_reason_note'),
  proposedAs: text('proposed_as'),
  // What the client was before it was marked lost, so a case opened by mistake can be taken back.
  statusBefore: text('status_before').notNull(),
  // Its class and key-account standing over the 12 months before the loss, as they were then.
  classAtLoss: text('class_at_loss'),
  keyAtLoss: integer('key_at_loss', { mode: 'boolean' }).notNull().default(false),
  meetingAskedBy: text('meeting_asked_by'),
  meetingContactId: integer('meeting_contact_id').references(() => contacts.id, { onDelete: 'set null' }),
  meetingKind: text('meeting_kind'),
  meetingPlace: text('meeting_place'),
  meetingGift: text('meeting_gift'),
  meetingDate: text('meeting_date'),
  meetingStatus: text('meeting_status').notNull().default('to_ask'),
  meetingHeldOn: text('meeting_held_on'),
  reasonId: integer('reason_id').references(() => recoveryReasons.id, { onDelete: 'set null' }),
  competitor: text('competitor'),
  terms: text('terms').notNull().default('[]'),
  termsDetail: text('terms_detail'),
  serviceWhat: text('service_what'),
  serviceWho: text('service_who'),
  reasonNote: text('reason_note'),
  interviewNotes: text('interview_notes'),
  interviewedOn: text('interviewed_on'),
  outcome: text('outcome'),
  outcomeOn: text('outcome_on'),
  agreedTerms: text('agreed_terms'),
  outcomeNote: text('outcome_note'),
  closedAt: text('closed_at'),
  ...stamps,
}, (t) => [
  index('recovery_cases_client_idx').on(t.clientId),
  index('recovery_cases_lost_idx').on(t.lostOn),
  // One open case per client: marking a client lost twice is refused by the file itself, not only by the service.
  uniqueIndex('recovery_cases_open_uq').on(t.clientId).where(sql`outcome IS NULL AND archived_at IS NULL`),
]);

/** "What if we fixed that / matched those terms?": each offer with the client's answer. */
export const recoveryOffers = sqliteTable('recovery_offers', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  caseId: integer('case_id').notNull().references(() => recoveryCases.id, { onDelete: 'cascade' }),
  kind: text('kind').notNull(),
  offer: text('offer').notNull(),
  answer: text('answer'),
  answerNote: text('answer_note'),
  ...stamps,
}, (t) => [index('recovery_offers_case_idx').on(t.caseId)]);

/** A company a lost client introduced (kept as a prospect referred by it). */
export const recoveryReferrals = sqliteTable('recovery_referrals', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  caseId: integer('case_id').references(() => recoveryCases.id, { onDelete: 'set null' }),
  referrerId: integer('referrer_id').notNull().references(() => clients.id, { onDelete: 'cascade' }),
  referredId: integer('referred_id').notNull().references(() => clients.id, { onDelete: 'cascade' }),
  contactName: text('contact_name'),
  note: text('note'),
  ...stamps,
}, (t) => [index('recovery_referrals_referrer_idx').on(t.referrerId), index('recovery_referrals_referred_idx').on(t.referredId)]);

/** The follow-up tasks a case's outcome created (the tasks themselves are the accounts feature's). */
export const recoveryCaseTasks = sqliteTable('recovery_case_tasks', {
  caseId: integer('case_id').notNull().references(() => recoveryCases.id, { onDelete: 'cascade' }),
  taskId: integer('task_id').notNull().references(() => tasks.id, { onDelete: 'cascade' }),
}, (t) => [uniqueIndex('recovery_case_tasks_uq').on(t.caseId, t.taskId)]);

/** What we change because of a reason clients leave for. */
export const recoveryActions = sqliteTable('recovery_actions', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  reasonId: integer('reason_id').notNull().references(() => recoveryReasons.id, { onDelete: 'cascade' }),
  what: text('what').notNull(),
  owner: text('owner'),
  dueDate: text('due_date'),
  status: text('status').notNull().default('planned'),
  doneOn: text('done_on'),
  notes: text('notes'),
  ...stamps,
}, (t) => [index('recovery_actions_reason_idx').on(t.reasonId)]);
