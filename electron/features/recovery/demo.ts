import type { DemoSeed } from '../settings';

/** The recovery feature's part of the demo data. */
export const recoveryDemo: DemoSeed = { name: 'recovery', seed: () => {} };
