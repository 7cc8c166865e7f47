import { dossiersDemo } from './features/dossiers/demo';
import { recoveryDemo } from './features/recovery/demo';
import { retentionDemo } from './features/retention/demo';
import type { DemoSeed } from './features/settings/demo/generate';

/** Each feature's part of the demo data, one line per feature that has one; run in this order after the base. */
export const DEMO_SEEDS: readonly DemoSeed[] = [
  dossiersDemo,
  retentionDemo,
  recoveryDemo,
];
