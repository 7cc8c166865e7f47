import { sql } from 'drizzle-orm';
import { integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';

/**
 * Every erasure, as proof that it happened: when, what kind of subject, its
 * id and how many records went or were rewritten. Never a name: the log
 * must not keep what it records erasing.
 */
export const privacyErasures = sqliteTable('privacy_erasures', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  at: text('at').notNull().default(sql`(strftime('%Y-%m-%dT%H:%M:%fZ','now'))`),
  kind: text('kind').notNull(),
  subjectId: integer('subject_id').notNull(),
  removed: integer('removed').notNull(),
  redacted: integer('redacted').notNull(),
});
