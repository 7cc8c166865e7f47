// Placeholder until the th translation lands: English, so nothing is missing.
export { en as th } from './en';
