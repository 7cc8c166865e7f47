// Placeholder until the hu translation lands: English, so nothing is missing.
export { en as hu } from './en';
