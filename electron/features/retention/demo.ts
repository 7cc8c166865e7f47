import type { DemoSeed } from '../settings';

/** The retention feature's part of the demo data. */
export const retentionDemo: DemoSeed = { name: 'retention', seed: () => {} };
