import type { AbcClass } from '../analytics';
import type { Referral } from './report-types';
import type {
  BuiltinReason, CandidateReason, CaseStage, MeetingKind, MeetingStatus, OfferAnswer, OfferKind, Outcome, ReasonCategory, Term,
} from './enums';

export interface Reason {
  id: number;
  /** Set for the reasons every database starts with: their name is translated unless the user renamed them. */
  code: BuiltinReason | null;
  label: string | null;
  category: ReasonCategory;
  position: number;
  archivedAt: string | null;
}

export interface MonthRevenue {
  month: string;
  revenue: number;
}

/** A key account or A client that looks lost, with the figures that say so. */
export interface Candidate {
  clientId: number;
  code: string | null;
  name: string;
  manager: string | null;
  reasons: CandidateReason[];
  abc: AbcClass | null;
  key: boolean;
  lastPurchase: string;
  daysSinceLastPurchase: number;
  occasions: number;
  /** Median days between purchase days; null with too little history. */
  rhythmDays: number | null;
  /** Days without a purchase after which the client is overdue (factor × rhythm). */
  overdueAfterDays: number | null;
  revenueRecent: number;
  revenueYearBefore: number;
  /** Change of the recent window against the same days a year before, as a fraction (-0.6 = down 60%); null without a base. */
  change: number | null;
  revenue12m: number;
  revenuePrevious12m: number;
  /** The last 24 months, oldest first: the small trend chart. */
  trend: MonthRevenue[];
}

export interface CandidatesResult {
  asOf: string;
  window: { recentFrom: string; recentTo: string; beforeFrom: string; beforeTo: string };
  candidates: Candidate[];
}

/** One line of the cases list. */
export interface CaseRow {
  id: number;
  clientId: number;
  clientName: string;
  clientCode: string | null;
  manager: string | null;
  lostOn: string;
  stage: CaseStage;
  /** Days since the loss (until the case closed, for a closed one). */
  days: number;
  meetingDue: string;
  meetingStatus: MeetingStatus;
  meetingDate: string | null;
  /** The first meeting was not held within the target. */
  meetingOverdue: boolean;
  reasonId: number | null;
  outcome: Outcome | null;
  outcomeOn: string | null;
  lostRevenue: number;
  abc: AbcClass | null;
  archived: boolean;
}

export interface Offer {
  id: number;
  caseId: number;
  kind: OfferKind;
  offer: string;
  answer: OfferAnswer | null;
  answerNote: string | null;
  archivedAt: string | null;
}

export interface CaseTask {
  id: number;
  clientId: number;
  title: string;
  dueDate: string;
  doneAt: string | null;
}

export interface RecoveryCase {
  id: number;
  clientId: number;
  clientName: string;
  clientStatus: string;
  lostOn: string;
  noticedBy: string | null;
  firstReasonId: number | null;
  firstReasonNote: string | null;
  proposedAs: CandidateReason | null;
  statusBefore: string;
  abc: AbcClass | null;
  keyAtLoss: boolean;
  meeting: {
    askedBy: string | null;
    contactId: number | null;
    kind: MeetingKind | null;
    place: string | null;
    gift: string | null;
    proposedDate: string | null;
    status: MeetingStatus;
    heldOn: string | null;
  };
  interview: {
    reasonId: number | null;
    competitor: string | null;
    terms: Term[];
    termsDetail: string | null;
    serviceWhat: string | null;
    serviceWho: string | null;
    reasonNote: string | null;
    notes: string | null;
    interviewedOn: string | null;
  };
  outcome: Outcome | null;
  outcomeOn: string | null;
  agreedTerms: string | null;
  outcomeNote: string | null;
  closedAt: string | null;
  archivedAt: string | null;
  stage: CaseStage;
  days: number;
  meetingDue: string;
  meetingOverdue: boolean;
  lostRevenue: number;
  offers: Offer[];
  tasks: CaseTask[];
  referrals: Referral[];
  contacts: { id: number; name: string; level: string; role: string | null }[];
}

/** What the client page shows about recovery: the latest case, if any. */
export interface ClientRecovery {
  clientId: number;
  status: string;
  openCaseId: number | null;
  latest: CaseRow | null;
  cases: number;
}

export * from './report-types';
