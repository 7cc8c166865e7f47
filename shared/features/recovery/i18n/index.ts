import { en } from './en';

/** This namespace in every language Rapport speaks; the languages issue adds one import per language. */
export const i18n = { en };
