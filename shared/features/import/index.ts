/** Import as other features may use it: its types and the field lists. */
export * from './types';
export { IMPORT_FIELDS, IMPORT_KINDS, type ImportKind } from './fields';
export { ENCODINGS, type Encoding } from './csv';
