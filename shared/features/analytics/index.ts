/** Key accounts as other features may use them: report types, settings, the period helpers and chart builders. */
export * from './types';
export * from './settings';
export * from './period';
export * from './schemas';
export * from './packing';
