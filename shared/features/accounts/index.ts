/** The accounts feature as other features may use it: clients, contacts, purchases, interactions, tasks, organisation, client types. */
export * from './enums';
export * from './schemas';
export * from './types';
export * from './grid-order';
