import { sql } from 'drizzle-orm';
import { index, integer, primaryKey, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { stamps } from '../../db/columns';
import { clients, contacts } from '../accounts/schema';

const now = sql`(strftime('%Y-%m-%dT%H:%M:%fZ','now'))`;

export const dossiers = sqliteTable('dossiers', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  // SET NULL, not CASCADE: removing a client (an undone import) must never take years of notes with it.
  clientId: integer('client_id').references(() => clients.id, { onDelete: 'set null' }),
  title: text('title').notNull(),
  lastSectionId: integer('last_section_id'),
  lastPosition: integer('last_position'),
  ...stamps,
}, (t) => [uniqueIndex('dossiers_client_uq').on(t.clientId)]);

export const dossierSections = sqliteTable('dossier_sections', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  dossierId: integer('dossier_id').notNull().references(() => dossiers.id, { onDelete: 'cascade' }),
  position: integer('position').notNull(),
  templateKey: text('template_key'),
  title: text('title').notNull(),
  /** The editor's JSON. */
  doc: text('doc').notNull(),
  /** Plain text derived from `doc`: search snippets and word counts. */
  text: text('text').notNull().default(''),
  words: integer('words').notNull().default(0),
  revision: integer('revision').notNull().default(1),
  savedAt: text('saved_at'),
  // archived_at: taken out of the dossier, kept with its history and restorable.
  ...stamps,
}, (t) => [index('dossier_sections_dossier_idx').on(t.dossierId, t.position)]);

export const dossierRevisions = sqliteTable('dossier_revisions', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  sectionId: integer('section_id').notNull().references(() => dossierSections.id, { onDelete: 'cascade' }),
  revision: integer('revision').notNull(),
  title: text('title').notNull(),
  doc: text('doc').notNull(),
  words: integer('words').notNull().default(0),
  reason: text('reason').notNull(),
  createdAt: text('created_at').notNull().default(now),
}, (t) => [index('dossier_revisions_section_idx').on(t.sectionId, t.id)]);

/** What the dossier knows about a contact beyond the contact record: stance toward us and influence. */
export const dossierPeople = sqliteTable('dossier_people', {
  contactId: integer('contact_id').primaryKey().references(() => contacts.id, { onDelete: 'cascade' }),
  stance: text('stance'),
  influence: integer('influence'),
  updatedAt: text('updated_at').notNull().default(now),
});

/** Informal influence: `fromId` sways `toId`, beside the reporting line. */
export const dossierInfluences = sqliteTable('dossier_influences', {
  fromId: integer('from_id').notNull().references(() => contacts.id, { onDelete: 'cascade' }),
  toId: integer('to_id').notNull().references(() => contacts.id, { onDelete: 'cascade' }),
}, (t) => [primaryKey({ columns: [t.fromId, t.toId] }), index('dossier_influences_to_idx').on(t.toId)]);

/** One row per indexed text (a section, a contact's notes, an interaction): its id is the full-text row id. */
export const dossierSearchDocs = sqliteTable('dossier_search_docs', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  kind: text('kind').notNull(),
  refId: integer('ref_id').notNull(),
  clientId: integer('client_id'),
}, (t) => [uniqueIndex('dossier_search_docs_ref_uq').on(t.kind, t.refId)]);

/** Contacts and interactions changed since they were indexed (filled by triggers); new rows are found by id. */
export const dossierSearchQueue = sqliteTable('dossier_search_queue', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  kind: text('kind').notNull(),
  refId: integer('ref_id').notNull(),
});

/** The index's own state: the ICU it was segmented with, and the highest contact and interaction ids it has seen. */
export const dossierSearchState = sqliteTable('dossier_search_state', {
  id: integer('id').primaryKey(),
  icu: text('icu'),
  contactsSeen: integer('contacts_seen').notNull().default(0),
  interactionsSeen: integer('interactions_seen').notNull().default(0),
  builtAt: text('built_at'),
});
