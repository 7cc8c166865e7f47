import { z } from 'zod';

const fraction = () => z.number({ error: 'analytics:errors.shareNumber' }).finite().gt(0, 'analytics:errors.shareAboveZero').lt(1, 'analytics:errors.shareBelowAll');

/**
 * The thresholds of the method, all shares as fractions 0–1. Every boundary is
 * inclusive on its upper side: a share equal to a threshold belongs to the band
 * that starts there.
 */
export const analyticsSettingsSchema = z
  .strictObject({
    /** A: the fewest top clients whose cumulative revenue reaches `classA`; B up to `classB`; C the rest. */
    classA: fraction(),
    classB: fraction(),
    /** Growth variant: promote a C client to B after two years running of at least `growthRate` growth. */
    growthVariant: z.boolean(),
    growthRate: z.number().finite().gt(0, 'analytics:errors.growthAboveZero').max(10, 'analytics:errors.growthMax'),
    /** Lower bounds of the risk bands key, widen, danger, critical (normal is everything under the first). */
    bands: z.tuple([fraction(), fraction(), fraction(), fraction()]),
    /** Share of company, department or manager revenue that makes a client key. */
    keyShare: fraction(),
    kamMaxAccounts: z.number().int().min(1, 'analytics:errors.kamMin').max(100),
    /**
     * Flagged clients (potential, reputation, innovator, demanding) count as
     * key only up to this many key accounts per manager, the largest by
     * revenue first; a client over the key share is key whatever the count.
     * A flag set on one client in ten would otherwise make thousands of key
     * accounts in a large base. Defaulted, so settings saved before it still load.
     */
    keyPerManager: z.number().int().min(1, 'analytics:errors.kamMin').max(100).default(3),
    staleContactDays: z.number().int().min(1).max(3650),
  })
  .refine((s) => s.classA < s.classB, { message: 'analytics:errors.classOrder', path: ['classB'] })
  .refine((s) => s.bands.every((b, i) => i === 0 || b > s.bands[i - 1]), { message: 'analytics:errors.bandOrder', path: ['bands'] });

export type AnalyticsSettings = z.output<typeof analyticsSettingsSchema>;

export const DEFAULT_ANALYTICS_SETTINGS: AnalyticsSettings = {
  classA: 0.8,
  classB: 0.95,
  growthVariant: false,
  growthRate: 0.1,
  bands: [0.1, 0.2, 0.4, 0.5],
  keyShare: 0.1,
  kamMaxAccounts: 3,
  keyPerManager: 3,
  staleContactDays: 90,
};

export const RISK_BANDS = ['normal', 'key', 'widen', 'danger', 'critical'] as const;
export type RiskBand = (typeof RISK_BANDS)[number];
export type AbcClass = 'A' | 'B' | 'C';
