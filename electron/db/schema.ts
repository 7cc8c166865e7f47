// Every table, for Drizzle and drizzle-kit: the kernel's, then one line per feature that has tables.
export * from './kernel-schema';
export * from '../features/accounts/schema';
export * from '../features/analytics/schema';
export * from '../features/import/schema';
