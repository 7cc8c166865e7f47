import { sql } from 'drizzle-orm';
import { text } from 'drizzle-orm/sqlite-core';

/** Timestamps are ISO strings so rows cross IPC as plain JSON without conversion. */
export const stamps = {
  createdAt: text('created_at').notNull().default(sql`(strftime('%Y-%m-%dT%H:%M:%fZ','now'))`),
  updatedAt: text('updated_at').notNull().default(sql`(strftime('%Y-%m-%dT%H:%M:%fZ','now'))`),
  archivedAt: text('archived_at'),
};

