import type { PackedTable } from '../../kernel/packed-table';
import type { BgnbdParams, FitStatus } from './bgnbd';
import type { DormantReason } from './dormancy';
import type { Arm, CallOutcome, CallReason, ProgrammeKind, TodayGroup, TodayKind } from './enums';
import type { Interval, Verdict } from './holdout';
import type { Cadence, CadenceState } from './reminders';
import type { Class, RetentionSettings } from './settings';

/** The BG/NBD fit the figures use. */
export interface FitInfo {
  /** 'none': never fitted on this base. */
  status: FitStatus | 'none';
  /** Fitted on the data as it is now and for this as-of date; otherwise the newest older fit is used until a new one is done. */
  current: boolean;
  params: BgnbdParams | null;
  logLik: number | null;
  clients: number;
  repeatOccasions: number;
  asOf: string | null;
  fittedAt: string | null;
  /** Where the purchase data stands now: a screen asks for a new fit once per mark. */
  dataMark: string;
}

/** One client's dormancy: its rhythm, how overdue it is, the model's view, and what is at stake. */
export interface DormancyRow {
  id: number;
  code: string | null;
  name: string;
  managerId: number | null;
  manager: string | null;
  typeId: number | null;
  type: string | null;
  abc: Class | null;
  occasions: number;
  firstPurchase: string | null;
  lastPurchase: string | null;
  rhythmDays: number | null;
  daysSince: number | null;
  overdueDays: number | null;
  pAlive: number | null;
  /** Purchase occasions expected in the horizon. */
  expected: number | null;
  /** Usual yearly revenue: the last three years' (or the whole history's, if shorter) per year. */
  annualRevenue: number;
  valueAtRisk: number;
  dormant: boolean;
  reasons: DormantReason[];
}

export interface DormancyOverview {
  asOf: string;
  fit: FitInfo;
  /** Whether P(alive) takes part in the rule (a usable fit exists). */
  modelUsed: boolean;
  rule: Pick<RetentionSettings, 'gapFactor' | 'pAliveBelow' | 'minOccasions' | 'horizonDays'>;
  clients: number;
  withRhythm: number;
  dormant: number;
  valueAtRisk: number;
}

/** The clients grid's extra columns, one entry per client, column by column (compact for 50,000 rows). */
export interface GridValues {
  fit: FitInfo;
  ids: number[];
  dormant: number[];
  pAlive: (number | null)[];
  overdueDays: (number | null)[];
}

export interface PlannedVisit {
  id: number;
  date: string;
  purpose: string;
}

export interface ClientRetention {
  clientId: number;
  asOf: string;
  occasions: number;
  rhythmDays: number | null;
  lastPurchase: string | null;
  daysSince: number | null;
  pAlive: number | null;
  expected: number | null;
  horizonDays: number;
  dormant: boolean;
  reasons: DormantReason[];
  fit: FitInfo['status'];
  /** Imported in bulk and never opened before: no reminders fire for it yet. */
  quiet: boolean;
  visit: {
    cls: Class | null;
    cadence: Cadence;
    own: boolean;
    lastContact: string | null;
    daysSince: number | null;
    state: CadenceState;
    planned: PlannedVisit[];
  };
  memberships: { id: number; programmeId: number; programme: string; tier: string | null; startDate: string }[];
}

export interface Segment {
  managerId: number | null;
  abc: Class | null;
  typeId: number | null;
  dormantOnly: boolean;
}

export interface Campaign {
  id: number;
  name: string;
  reason: CallReason;
  reasonText: string | null;
  news: string;
  offer: string;
  offerUntil: string;
  offerWhy: string;
  reactivationDays: number;
  holdoutShare: number;
  seed: number;
  startDate: string;
  segment: Segment;
  archived: boolean;
  members: number;
  offerMembers: number;
  called: number;
}

export interface CallListRow extends DormancyRow {
  /** In a campaign: the last call made to this client in it. */
  lastCall: { date: string; outcome: CallOutcome } | null;
}

export interface CallList {
  asOf: string;
  fit: FitInfo;
  modelUsed: boolean;
  campaign: Campaign | null;
  /** As columns (33,000 rows at 50,000 clients); callListRows gives the rows back. */
  rows: PackedTable<CallListRow>;
}

export interface ContactBrief {
  id: number;
  name: string;
  level: string;
  role: string | null;
  phone: string | null;
  email: string | null;
  birthday: string | null;
  family: string | null;
  hobbies: string | null;
  foodPreferences: string | null;
}

export interface LastPurchase {
  date: string;
  product: string | null;
  amount: number;
}

export interface Note {
  date: string;
  kind: string;
  summary: string;
  outcome: string | null;
}

export interface CallContext {
  client: { id: number; name: string; code: string | null; phone: string | null };
  campaign: Campaign;
  lastPurchase: LastPurchase | null;
  rhythmDays: number | null;
  daysSince: number | null;
  pAlive: number | null;
  contacts: ContactBrief[];
  notes: Note[];
  calls: { date: string; outcome: CallOutcome }[];
}

export interface LoggedCall {
  callId: number;
  interactionId: number;
  taskIds: number[];
}

export interface RateGroup {
  clients: number;
  buyers: number;
  rate: number;
  revenuePerClient: number;
}

export interface CampaignResultRow {
  id: number;
  name: string;
  code: string | null;
  arm: Arm;
  calledOn: string | null;
  outcome: CallOutcome | null;
  boughtOn: string | null;
  revenue: number;
}

export interface CampaignResults {
  campaign: Campaign;
  asOf: string;
  windowEnds: string;
  windowOver: boolean;
  called: number;
  reached: number;
  outcomes: Record<CallOutcome, number>;
  reactivated: number;
  reactivatedRevenue: number;
  /** Reactivated ÷ called; null before any call. */
  reactivationRate: number | null;
  holdout: null | {
    offer: RateGroup;
    control: RateGroup;
    difference: Interval & { difference: number };
    revenueDifference: Interval & { difference: number };
    mde: number | null;
    verdict: Verdict;
  };
  rows: CampaignResultRow[];
}

export interface TodayContext {
  lastPurchase: LastPurchase | null;
  notes: Note[];
  contactName: string | null;
  family: string | null;
  hobbies: string | null;
}

export interface TodayItem {
  key: string;
  group: TodayGroup;
  kind: TodayKind;
  clientId: number;
  clientName: string;
  /** When it is due (the birthday, the anniversary, the end of the ideal period, the task's date). */
  date: string;
  overdue: boolean;
  contactName?: string;
  age?: number | null;
  product?: string | null;
  purchaseDate?: string;
  amount?: number;
  cadence?: { state: CadenceState; daysSince: number | null; ideal: number; max: number };
  purpose?: string;
  title?: string;
  campaignId?: number;
  campaignName?: string;
  news?: string;
  context: TodayContext;
}

export interface Today {
  asOf: string;
  count: number;
  groups: Record<TodayGroup, { total: number; items: TodayItem[] }>;
}

export interface Tier {
  name: string;
  discountPct: number;
}

export interface Programme {
  id: number;
  name: string;
  kind: ProgrammeKind;
  tiers: Tier[];
  pointsPerUnit: number | null;
  cashbackPct: number | null;
  partners: string | null;
  notes: string | null;
  archived: boolean;
  members: number;
}

export interface Membership {
  id: number;
  programmeId: number;
  clientId: number;
  clientName: string;
  tier: string | null;
  startDate: string;
  endDate: string | null;
}

export interface WindowFigures {
  clients: number;
  repeatRate: number;
  revenuePerClient: number;
}

export interface ProgrammeEffect {
  programmeId: number;
  asOf: string;
  windowDays: number;
  members: number;
  /** Members who joined at least a full window ago: the others cannot be compared yet. */
  measured: number;
  joined: { before: WindowFigures; after: WindowFigures };
  others: { before: WindowFigures; after: WindowFigures };
  /** (members after − before) − (others after − before). */
  revenueLift: number;
  repeatLift: number;
}
