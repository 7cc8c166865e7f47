// Placeholder until the lt translation lands: English, so nothing is missing.
export { en as lt } from './en';
