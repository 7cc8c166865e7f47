import type { ActionStatus, OfferKind, ProspectSource } from './enums';

/** What the lost-reason report, the referrals and the prospects screens receive. */

/** One "who referred whom": from the client record (`client`) or recorded on a recovery case (`recovery`). */
export interface Referral {
  /** Unique per row: `c<referred id>` for a client record's referrer, `r<id>` for a recovery referral. */
  key: string;
  via: 'client' | 'recovery';
  id: number | null;
  caseId: number | null;
  referrerId: number;
  referrerName: string;
  referredId: number;
  referredName: string;
  referredStatus: string;
  contactName: string | null;
  note: string | null;
  createdAt: string;
  referredRevenue12m: number;
}

export interface ReasonFigures {
  reasonId: number | null;
  losses: number;
  lostRevenue: number;
  closed: number;
  wonBack: number;
  /** Won back among closed cases; null with none closed. */
  winBackRate: number | null;
  /** At least the set number of losses in the period. */
  recurring: boolean;
  openActions: number;
  doneActions: number;
  /** The last corrective action marked done, and the losses for this reason after it. */
  lastDoneOn: string | null;
  lossesAfterDone: number;
}

export interface GroupFigures {
  key: string;
  losses: number;
  lostRevenue: number;
  wonBack: number;
}

export interface OfferFigures {
  kind: OfferKind;
  offers: number;
  accepted: number;
  /** Closed cases where such an offer was made, and how many of them came back. */
  cases: number;
  wonBack: number;
  winBackRate: number | null;
}

export interface LostReasonReport {
  from: string | null;
  to: string | null;
  losses: number;
  lostRevenue: number;
  closed: number;
  wonBack: number;
  winBackRate: number | null;
  byReason: ReasonFigures[];
  /** Quarters as their first month (YYYY-MM), oldest first, each with its losses per reason. */
  byPeriod: (GroupFigures & { byReason: Record<string, number> })[];
  byManager: (GroupFigures & { manager: string | null })[];
  byClass: GroupFigures[];
  byOffer: OfferFigures[];
  /** Reasons that came back after their corrective action was done. */
  recurringAfterAction: number[];
}

export interface CorrectiveAction {
  id: number;
  reasonId: number;
  what: string;
  owner: string | null;
  dueDate: string | null;
  status: ActionStatus;
  doneOn: string | null;
  notes: string | null;
  archivedAt: string | null;
  /** Losses for this reason after the action was done. */
  lossesAfter: number;
  overdue: boolean;
}

export interface ReferralNode {
  id: number;
  name: string;
  status: string;
  revenue12m: number;
  revenueTotal: number;
  /** Revenue of everyone below this client in the tree (the clients it brought, and theirs). */
  broughtTotal: number;
  via: 'client' | 'recovery' | 'both' | null;
  children: ReferralNode[];
}

export interface ReferrerRow {
  id: number;
  name: string;
  status: string;
  referred: number;
  referredRevenue12m: number;
  referredRevenueTotal: number;
}

export interface ReferralsResult {
  roots: ReferralNode[];
  referrers: ReferrerRow[];
  referrals: Referral[];
  /** Revenue of all referred clients. */
  revenue12m: number;
  revenueTotal: number;
}

export interface ProspectRow {
  id: number;
  name: string;
  code: string | null;
  typeId: number | null;
  type: string | null;
  source: ProspectSource | null;
  /** The source as the user typed it when it is not one of ours. */
  sourceText: string | null;
  referredById: number | null;
  referredBy: string | null;
  city: string | null;
  country: string | null;
  potentialAnnual: number | null;
  createdAt: string;
  /** 0–1: how closely type and portrait match the A clients. */
  score: number;
  /** Portrait fields that match the A clients well (their labels). */
  matches: string[];
  filled: number;
}

export interface ProspectsResult {
  bestClients: number;
  prospects: ProspectRow[];
}
