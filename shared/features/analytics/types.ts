import { z } from 'zod';
import { id, isoDate } from '../../kernel/schema-parts';
import type { ContactLevel, Stamps } from '../accounts';
import type { discountCreate } from './schemas';
import type { Portfolio } from './concentration';
import type { DiscountEffect } from './discounts';
import type { Period } from './period';
import type { AbcClass, AnalyticsSettings, RiskBand } from './settings';

export const scopeSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('company') }),
  z.strictObject({ kind: z.literal('department'), id }),
  z.strictObject({ kind: z.literal('manager'), id }),
]);
export type Scope = z.output<typeof scopeSchema>;

export const reportInput = z
  .strictObject({
    from: isoDate.optional(),
    to: isoDate.optional(),
    /** Today unless given; the default period is the twelve months ending here. */
    asOf: isoDate.optional(),
    scope: scopeSchema.default({ kind: 'company' }),
  })
  .refine((p) => !p.from || !p.to || p.from <= p.to, { message: 'analytics:errors.periodOrder', path: ['to'] });
export type ReportInput = z.output<typeof reportInput>;

export const whatIfInput = z.strictObject({
  from: isoDate.optional(),
  to: isoDate.optional(),
  asOf: isoDate.optional(),
  scope: scopeSchema.default({ kind: 'company' }),
  clientIds: z.array(id).min(1, 'analytics:errors.pickClient').max(500),
});
export type WhatIfInput = z.output<typeof whatIfInput>;

export interface DependencyRow {
  id: number;
  name: string;
  manager: string | null;
  department: string | null;
  revenue: number;
  previousRevenue: number;
  share: number;
  cumulativeShare: number;
  abc: AbcClass;
  previousAbc: AbcClass | null;
  band: RiskBand;
  /** Promoted to B by the growth variant. */
  grew: boolean;
}

export interface ParetoPoint {
  /** Null for the bar that gathers the long tail. */
  id: number | null;
  name: string;
  revenue: number;
  cumulativeShare: number;
  clients: number;
}

export interface TrendPoint extends Omit<Portfolio, 'total' | 'monoclient'> {
  month: string;
  /** The period covers only part of this month (the current month, or a period starting mid-month): its figures are not comparable with whole months. */
  partial: boolean;
}

/** A point of the cumulative revenue curve over all clients, largest first (Lorenz-style). */
export interface CurvePoint {
  /** How many clients, from the largest. */
  clients: number;
  /** The same as a share of every client in the ranking, 0–1. */
  clientShare: number;
  /** Their cumulative share of revenue, 0–1. */
  revenueShare: number;
}

export interface KeyReason {
  kind: 'company' | 'department' | 'manager' | 'potential' | 'reputation' | 'innovator' | 'demanding';
  share?: number;
  of?: string;
}

export interface KeyAccount {
  id: number;
  name: string;
  manager: string | null;
  managerId: number | null;
  revenue: number;
  share: number;
  reasons: KeyReason[];
}

export interface KamRow {
  managerId: number | null;
  manager: string;
  keyAccounts: number;
  overLimit: boolean;
  keyRevenueShare: number;
  clients: string[];
}

export interface BreadthRow {
  id: number;
  name: string;
  levels: Record<ContactLevel, number>;
  missingLevels: ContactLevel[];
  contacts: number;
  singleThreaded: boolean;
  /** Contacts with no interaction within the stale limit (or none at all). */
  staleContacts: { id: number; name: string; lastContact: string | null }[];
}

export interface WalletRow {
  id: number;
  name: string;
  revenue: number;
  potential: number;
  walletShare: number;
  gap: number;
}

export interface AnalyticsReport {
  period: Period;
  previous: Period;
  scope: Scope & { name: string | null };
  settings: AnalyticsSettings;
  revenue: number;
  previousRevenue: number;
  pareto: {
    clientsFor80: number | null;
    shareOfClientsFor80: number | null;
    /** Bars for the top clients and one for the rest. */
    points: ParetoPoint[];
    /**
     * The cumulative curve over every client: (0, 0), each of the first
     * clients, then evenly spaced samples, always the client that takes the
     * cumulative share to 80% (`clientsFor80`) and the last; at most ~500 points.
     */
    curve: CurvePoint[];
  };
  abc: {
    counts: Record<AbcClass, number>;
    previousCounts: Record<AbcClass, number>;
    revenue: Record<AbcClass, number>;
    moves: { id: number; name: string; from: AbcClass | null; to: AbcClass | null }[];
  };
  portfolio: Portfolio;
  previousPortfolio: Portfolio;
  bandCounts: Record<RiskBand, number>;
  rows: DependencyRow[];
  trend: TrendPoint[];
  /** Milliseconds spent computing (cache sync excluded), for the status line and benchmarks. */
  computeMs: number;
}

/** The people side of the same period and scope: who is key and why, who carries them, how well we know them. */
export interface AccountsReport {
  keyAccounts: KeyAccount[];
  /** Flagged clients not counted as key: their managers already have `settings.keyPerManager` key accounts (see keyAccounts). */
  flaggedLeftOut: number;
  kam: KamRow[];
  breadth: BreadthRow[];
  wallet: WalletRow[];
  computeMs: number;
}

export interface WhatIfResult {
  removed: { id: number; name: string; revenue: number; share: number }[];
  revenueLost: number;
  revenueLostShare: number;
  before: Portfolio;
  after: Portfolio;
  /** The remaining clients whose band changes, largest first. */
  bandChanges: { id: number; name: string; shareBefore: number; shareAfter: number; bandBefore: RiskBand; bandAfter: RiskBand }[];
  discounts: DiscountEffect[];
  extraCost: number;
  /** How much prices to the remaining clients must rise to carry the lost discounts, as a fraction. */
  priceRiseNeeded: number;
  computeMs: number;
}

export type SupplierDiscount = Stamps & z.output<typeof discountCreate>;
