/** Settings as other features may use them: the locale and currency every file and message follows. */
export { getSettings, updateSettings } from './service';
export { generateDemo } from './demo/generate';
export type { DemoSeed } from './demo/generate';
