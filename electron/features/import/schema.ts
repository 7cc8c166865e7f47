import { sql } from 'drizzle-orm';
import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';

/** Every import: what file, what it did; `undoneAt` once reverted. */
export const imports = sqliteTable('imports', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  kind: text('kind').notNull(),
  fileName: text('file_name').notNull(),
  fileHash: text('file_hash').notNull(),
  fileSize: integer('file_size').notNull(),
  summary: text('summary').notNull(),
  createdAt: text('created_at').notNull().default(sql`(strftime('%Y-%m-%dT%H:%M:%fZ','now'))`),
  undoneAt: text('undone_at'),
}, (t) => [index('imports_hash_idx').on(t.fileHash)]);

/** A row's values before an import updated it (a client or a contact), for undo. */
export const importChanges = sqliteTable('import_changes', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  importId: integer('import_id').notNull().references(() => imports.id, { onDelete: 'cascade' }),
  tableName: text('table_name').notNull(),
  rowId: integer('row_id').notNull(),
  before: text('before').notNull(),
  // What the import wrote: undo restores a field only while it still holds this value.
  after: text('after'),
}, (t) => [index('import_changes_import_idx').on(t.importId)]);
