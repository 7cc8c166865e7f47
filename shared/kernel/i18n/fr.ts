// Placeholder until the fr translation lands: English, so nothing is missing.
export { en as fr } from './en';
