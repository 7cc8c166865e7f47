/** Why a win-back call is made: there is always news, or there is no call. */
export const CALL_REASONS = ['newProduct', 'newTerms', 'sale', 'loyaltyCard', 'workshop', 'own'] as const;
export type CallReason = (typeof CALL_REASONS)[number];

export const CALL_OUTCOMES = ['willCome', 'complaint', 'notInterested', 'noAnswer', 'callBack'] as const;
export type CallOutcome = (typeof CALL_OUTCOMES)[number];

export const PROGRAMME_KINDS = ['discount', 'points', 'cashback', 'coalition'] as const;
export type ProgrammeKind = (typeof PROGRAMME_KINDS)[number];

export const TODAY_GROUPS = ['calls', 'birthdays', 'anniversaries', 'visits', 'tasks'] as const;
export type TodayGroup = (typeof TODAY_GROUPS)[number];

export const TODAY_KINDS = ['campaignCall', 'callback', 'birthday', 'anniversary', 'visit', 'plannedVisit', 'task'] as const;
export type TodayKind = (typeof TODAY_KINDS)[number];

export const REMINDER_ACTIONS = ['done', 'snooze', 'reschedule'] as const;
export type ReminderAction = (typeof REMINDER_ACTIONS)[number];

export const ARMS = ['offer', 'control'] as const;
export type Arm = (typeof ARMS)[number];
