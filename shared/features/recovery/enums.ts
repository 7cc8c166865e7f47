/** What a lost client's reason is about; it decides which follow-up questions the interview asks. */
export const REASON_CATEGORIES = ['terms', 'service', 'no_need', 'other'] as const;
export type ReasonCategory = (typeof REASON_CATEGORIES)[number];

/** The reasons every database starts with (shown in the user's language until renamed). */
export const BUILTIN_REASONS = ['better_terms', 'service', 'make_own', 'buy_direct', 'changed_business', 'other'] as const;
export type BuiltinReason = (typeof BUILTIN_REASONS)[number];

/** Which terms a competitor beat us on. */
export const TERMS = ['price', 'payment', 'delivery', 'range'] as const;
export type Term = (typeof TERMS)[number];

/** Lunch on neutral ground is best; otherwise a visit to their office with a gift. */
export const MEETING_KINDS = ['lunch', 'visit'] as const;
export type MeetingKind = (typeof MEETING_KINDS)[number];

export const MEETING_STATUSES = ['to_ask', 'asked', 'agreed', 'held', 'declined'] as const;
export type MeetingStatus = (typeof MEETING_STATUSES)[number];

/** "What if we fixed that?" and "what if we matched those terms?" — and anything else we put on the table. */
export const OFFER_KINDS = ['fix', 'match', 'other'] as const;
export type OfferKind = (typeof OFFER_KINDS)[number];

export const OFFER_ANSWERS = ['accepted', 'considering', 'declined'] as const;
export type OfferAnswer = (typeof OFFER_ANSWERS)[number];

export const OUTCOMES = ['won_back', 'parted_well', 'no_contact'] as const;
export type Outcome = (typeof OUTCOMES)[number];

/** Where a case stands: asking for the meeting, holding the interview, deciding, or closed with an outcome. */
export const CASE_STAGES = ['meeting', 'interview', 'outcome', 'closed'] as const;
export type CaseStage = (typeof CASE_STAGES)[number];

export const ACTION_STATUSES = ['planned', 'in_progress', 'done'] as const;
export type ActionStatus = (typeof ACTION_STATUSES)[number];

/** Where a prospect came from; stored as the code in the client's `source`. */
export const PROSPECT_SOURCES = ['referral', 'directory', 'trade_fair', 'own_research'] as const;
export type ProspectSource = (typeof PROSPECT_SOURCES)[number];

export const isProspectSource = (s: string | null | undefined): s is ProspectSource => PROSPECT_SOURCES.includes(s as ProspectSource);

/** Why a client is proposed as lost: no purchase for longer than its rhythm allows, or revenue fell. */
export const CANDIDATE_REASONS = ['overdue', 'fell'] as const;
export type CandidateReason = (typeof CANDIDATE_REASONS)[number];
