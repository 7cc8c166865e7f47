import { addDays, daysBetween } from '../../kernel/dates';
import type { CaseStage, MeetingStatus, Outcome } from './enums';

export interface ClockFacts {
  lostOn: string;
  meetingStatus: MeetingStatus;
  heldOn: string | null;
  interviewReasonId: number | null;
  interviewedOn: string | null;
  outcome: Outcome | null;
  outcomeOn: string | null;
}

/** Meeting first; once it is held (or refused) the interview; once a reason is heard the outcome; closed with one. */
export function caseStage(c: ClockFacts): CaseStage {
  if (c.outcome) return 'closed';
  if (c.interviewedOn !== null || c.interviewReasonId !== null || c.meetingStatus === 'declined') return 'outcome';
  if (c.meetingStatus === 'held') return 'interview';
  return 'meeting';
}

/**
 * The clock since the loss (stopped when the case closed) and the meeting
 * target: the first meeting is due `targetDays` after the loss. A meeting held
 * after that, or an open case still without one, is overdue.
 */
export function caseClock(c: ClockFacts, asOf: string, targetDays: number) {
  const meetingDue = addDays(c.lostOn, targetDays);
  const end = c.outcome && c.outcomeOn ? c.outcomeOn : asOf;
  const meetingOverdue = c.heldOn !== null ? c.heldOn > meetingDue : c.outcome === null && asOf > meetingDue;
  return { stage: caseStage(c), days: Math.max(0, daysBetween(c.lostOn, end)), meetingDue, meetingOverdue };
}
