import { integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';

/** Key → JSON value: every feature's settings, saved layouts and mappings. */
export const settings = sqliteTable('settings', {
  key: text('key').primaryKey(),
  value: text('value').notNull(),
});

/**
 * Rows updated since a given point, in commit order: the analytics cache
 * follows this (and new row ids) instead of timestamps, which a moving clock
 * breaks. Triggers on UPDATE fill it (see 0004); old entries are pruned.
 */
export const changeLog = sqliteTable('change_log', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  tableName: text('table_name').notNull(),
  rowId: integer('row_id').notNull(),
});
