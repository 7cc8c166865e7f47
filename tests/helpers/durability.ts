import { appendFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';

export const DURABILITY_LOG = join(__dirname, '..', 'output', 'durability.jsonl');

export interface DurabilityFigures {
  suite: string;
  /** Runs of the scenario (one kill, one full disk…). */
  trials: number;
  /** Failures forced on the program: kills, full disks, clocks moved, damaged bytes. */
  faults: number;
  /** Writes the program answered as saved, each then looked for on disk. */
  acked: number;
  /** Acknowledged rows missing afterwards, or rows present that were never acknowledged. */
  lost: number;
}

/** One line per durability test; scripts/run-tests.mjs adds them up into the summary line. */
export function recordDurability(f: DurabilityFigures): void {
  mkdirSync(join(__dirname, '..', 'output'), { recursive: true });
  appendFileSync(DURABILITY_LOG, JSON.stringify(f) + '\n');
}
