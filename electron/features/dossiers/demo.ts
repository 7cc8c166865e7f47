import type { DemoSeed } from '../settings';

/** The dossiers feature's part of the demo data. */
export const dossiersDemo: DemoSeed = { name: 'dossiers', seed: () => {} };
