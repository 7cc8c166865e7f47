import { index, integer, real, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { stamps } from '../../db/columns';

export const departments = sqliteTable('departments', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  name: text('name').notNull(),
  ...stamps,
});

export const managers = sqliteTable('managers', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  name: text('name').notNull(),
  email: text('email'),
  departmentId: integer('department_id').references(() => departments.id, { onDelete: 'set null' }),
  ...stamps,
});

export const clientTypes = sqliteTable('client_types', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  key: text('key').notNull(),
  name: text('name').notNull(),
  ...stamps,
}, (t) => [uniqueIndex('client_types_key_uq').on(t.key)]);

export const clientTypeFields = sqliteTable('client_type_fields', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  typeId: integer('type_id').notNull().references(() => clientTypes.id, { onDelete: 'cascade' }),
  key: text('key').notNull(),
  label: text('label').notNull(),
  kind: text('kind').notNull(),
  options: text('options').notNull().default('[]'),
  position: integer('position').notNull().default(0),
  ...stamps,
}, (t) => [uniqueIndex('client_type_fields_type_key_uq').on(t.typeId, t.key)]);

export const clients = sqliteTable('clients', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  code: text('code'),
  name: text('name').notNull(),
  typeId: integer('type_id').references(() => clientTypes.id, { onDelete: 'set null' }),
  status: text('status').notNull().default('active'),
  managerId: integer('manager_id').references(() => managers.id, { onDelete: 'set null' }),
  departmentId: integer('department_id').references(() => departments.id, { onDelete: 'set null' }),
  country: text('country'),
  city: text('city'),
  taxId: text('tax_id'),
  email: text('email'),
  phone: text('phone'),
  website: text('website'),
  potentialAnnual: real('potential_annual'),
  reputation: integer('reputation', { mode: 'boolean' }).notNull().default(false),
  innovator: integer('innovator', { mode: 'boolean' }).notNull().default(false),
  demanding: integer('demanding', { mode: 'boolean' }).notNull().default(false),
  // Key for what it could buy from us: it buys little here and a lot elsewhere.
  keyPotential: integer('key_potential', { mode: 'boolean' }).notNull().default(false),
  referredById: integer('referred_by_id').references((): any => clients.id, { onDelete: 'set null' }),
  source: text('source'),
  notes: text('notes'),
  profile: text('profile').notNull().default('{}'),
  // The import that created the row, so the import can be undone as a whole.
  importId: integer('import_id'),
  ...stamps,
}, (t) => [
  uniqueIndex('clients_code_uq').on(t.code),
  index('clients_manager_idx').on(t.managerId),
]);

export const contacts = sqliteTable('contacts', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  clientId: integer('client_id').notNull().references(() => clients.id, { onDelete: 'cascade' }),
  name: text('name').notNull(),
  level: text('level').notNull(),
  role: text('role'),
  reportsToId: integer('reports_to_id').references((): any => contacts.id, { onDelete: 'set null' }),
  birthday: text('birthday'),
  family: text('family'),
  hobbies: text('hobbies'),
  foodPreferences: text('food_preferences'),
  preferredChannel: text('preferred_channel'),
  language: text('language'),
  email: text('email'),
  phone: text('phone'),
  notes: text('notes'),
  importId: integer('import_id'),
  ...stamps,
}, (t) => [index('contacts_client_idx').on(t.clientId)]);

export const purchases = sqliteTable('purchases', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  clientId: integer('client_id').notNull().references(() => clients.id, { onDelete: 'cascade' }),
  date: text('date').notNull(),
  invoice: text('invoice'),
  product: text('product'),
  description: text('description'),
  quantity: real('quantity').notNull().default(1),
  unitPrice: real('unit_price'),
  amount: real('amount').notNull(),
  currency: text('currency'),
  // No index: only an undo looks rows up by import, and a scan is cheaper than slowing every import's inserts.
  importId: integer('import_id'),
  ...stamps,
}, (t) => [
  // Covers the grid's per-client aggregate without touching the table.
  index('purchases_client_date_amount_idx').on(t.clientId, t.date, t.amount, t.archivedAt),
  // Covers revenue over a date window (the denominator of every share) without table lookups.
  index('purchases_date_amount_idx').on(t.date, t.amount, t.archivedAt),
]);

export const interactions = sqliteTable('interactions', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  clientId: integer('client_id').notNull().references(() => clients.id, { onDelete: 'cascade' }),
  contactId: integer('contact_id').references(() => contacts.id, { onDelete: 'set null' }),
  kind: text('kind').notNull(),
  date: text('date').notNull(),
  summary: text('summary').notNull(),
  outcome: text('outcome'),
  ...stamps,
}, (t) => [index('interactions_client_date_idx').on(t.clientId, t.date)]);

export const tasks = sqliteTable('tasks', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  clientId: integer('client_id').notNull().references(() => clients.id, { onDelete: 'cascade' }),
  contactId: integer('contact_id').references(() => contacts.id, { onDelete: 'set null' }),
  title: text('title').notNull(),
  dueDate: text('due_date').notNull(),
  doneAt: text('done_at'),
  notes: text('notes'),
  ...stamps,
}, (t) => [index('tasks_client_idx').on(t.clientId), index('tasks_due_idx').on(t.dueDate)]);
