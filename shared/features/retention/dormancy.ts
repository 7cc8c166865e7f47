import type { RetentionSettings } from './settings';

export type DormantReason = 'gap' | 'pAlive';

export interface DormancyFacts {
  rhythmDays: number | null;
  daysSince: number | null;
  /** Null when there is no usable model (too small a base, no convergence, no repeat history). */
  pAlive: number | null;
}

/**
 * The rule the user sees and sets: dormant when the time since the last
 * purchase is more than `gapFactor` times the client's usual gap, or when
 * P(alive) is below `pAliveBelow`. Either part needs its own evidence (a
 * rhythm, a model); without both the client is not called dormant.
 */
export function dormantReasons(f: DormancyFacts, rule: Pick<RetentionSettings, 'gapFactor' | 'pAliveBelow'>): DormantReason[] {
  const reasons: DormantReason[] = [];
  if (f.rhythmDays !== null && f.daysSince !== null && f.rhythmDays > 0 && f.daysSince > rule.gapFactor * f.rhythmDays) reasons.push('gap');
  if (f.pAlive !== null && f.pAlive < rule.pAliveBelow) reasons.push('pAlive');
  return reasons;
}

/** Days past the usual next purchase (0 while not yet due); null without a rhythm. */
export function overdueDays(rhythm: number | null, daysSince: number | null): number | null {
  if (rhythm === null || daysSince === null) return null;
  return Math.max(0, daysSince - rhythm);
}

/**
 * The share of a client's usual revenue at risk: 1 − P(alive) from the
 * model; without one, how far past its rhythm it is (1 − gap ÷ time since
 * the last purchase, 0 while not yet due).
 */
export function riskShare(f: DormancyFacts): number {
  if (f.pAlive !== null) return 1 - f.pAlive;
  if (f.rhythmDays !== null && f.daysSince !== null && f.daysSince > 0) return Math.max(0, 1 - f.rhythmDays / f.daysSince);
  return 0;
}
