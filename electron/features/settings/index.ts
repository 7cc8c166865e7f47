/** Settings as other features may use them: the locale and currency every file and message follows. */
export { getLayout, getSettings, updateSettings } from './service';
export { generateDemo } from './demo/generate';
export { rng, type Rng } from './demo/random';
export type { DemoSeed } from './demo/generate';
