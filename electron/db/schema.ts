// Every table, for Drizzle and drizzle-kit: the kernel's, then one line per feature that has tables.
export * from './kernel-schema';
export * from '../features/accounts/schema';
export * from '../features/analytics/schema';
export * from '../features/import/schema';
export * from '../features/dossiers/schema';
export * from '../features/retention/schema';
export * from '../features/recovery/schema';
export * from '../features/privacy/schema';
