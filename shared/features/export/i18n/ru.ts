// Placeholder until the ru translation lands: English, so nothing is missing.
export { en as ru } from './en';
