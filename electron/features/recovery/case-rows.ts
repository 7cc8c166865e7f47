import type { AbcClass } from '../../../shared/features/analytics';
import { caseClock } from '../../../shared/features/recovery/clock';
import type { CandidateReason, MeetingKind, MeetingStatus, Outcome, Term } from '../../../shared/features/recovery/enums';
import type { CaseRow, RecoveryCase } from '../../../shared/features/recovery/types';
import { toIsoDate } from '../../../shared/kernel/dates';
import type { Db } from '../../db/connection';
import { notFound } from '../../errors';
import { getRecoverySettings } from './settings';

/** A case as stored, with the client's name and the revenue of its last 12 months before the loss. */
export interface CaseRecord {
  id: number;
  client_id: number;
  client_name: string;
  client_code: string | null;
  client_status: string;
  manager_id: number | null;
  manager: string | null;
  lost_on: string;
  noticed_by: string | null;
  first_reason_id: number | null;
  first_reason_note: string | null;
  proposed_as: CandidateReason | null;
  status_before: string;
  class_at_loss: AbcClass | null;
  key_at_loss: number;
  meeting_asked_by: string | null;
  meeting_contact_id: number | null;
  meeting_kind: MeetingKind | null;
  meeting_place: string | null;
  meeting_gift: string | null;
  meeting_date: string | null;
  meeting_status: MeetingStatus;
  meeting_held_on: string | null;
  reason_id: number | null;
  competitor: string | null;
  terms: string;
  terms_detail: string | null;
  service_what: string | null;
  service_who: string | null;
  reason_note: string | null;
  interview_notes: string | null;
  interviewed_on: string | null;
  outcome: Outcome | null;
  outcome_on: string | null;
  agreed_terms: string | null;
  outcome_note: string | null;
  closed_at: string | null;
  archived_at: string | null;
  lost_revenue: number;
}

// The 12 months before the loss: lost_on − 12 months < date ≤ lost_on, off the (client, date, amount) index.
const SELECT = `
SELECT rc.*, c.name AS client_name, c.code AS client_code, c.status AS client_status, c.manager_id AS manager_id, m.name AS manager,
       (SELECT COALESCE(SUM(p.amount), 0) FROM purchases p
         WHERE p.client_id = rc.client_id AND p.archived_at IS NULL AND p.date > date(rc.lost_on, '-12 months') AND p.date <= rc.lost_on) AS lost_revenue
  FROM recovery_cases rc
  JOIN clients c ON c.id = rc.client_id
  LEFT JOIN managers m ON m.id = c.manager_id`;

export function caseRecords(db: Db, where = '1 = 1', params: unknown[] = []): CaseRecord[] {
  return db.sqlite.prepare(`${SELECT} WHERE ${where} ORDER BY rc.outcome IS NOT NULL, rc.lost_on DESC, rc.id DESC`).all(...params) as CaseRecord[];
}

export function caseRecord(db: Db, id: number): CaseRecord {
  const [row] = caseRecords(db, 'rc.id = ?', [id]);
  if (!row) throw notFound('recovery:nouns.case', id);
  return row;
}

export const effectiveReason = (r: Pick<CaseRecord, 'reason_id' | 'first_reason_id'>): number | null => r.reason_id ?? r.first_reason_id;

function clockOf(r: CaseRecord, asOf: string, targetDays: number) {
  return caseClock(
    { lostOn: r.lost_on, meetingStatus: r.meeting_status, heldOn: r.meeting_held_on, interviewReasonId: r.reason_id, interviewedOn: r.interviewed_on, outcome: r.outcome, outcomeOn: r.outcome_on },
    asOf,
    targetDays,
  );
}

export function toCaseRow(r: CaseRecord, asOf: string, targetDays: number): CaseRow {
  const clock = clockOf(r, asOf, targetDays);
  return {
    id: r.id,
    clientId: r.client_id,
    clientName: r.client_name,
    clientCode: r.client_code,
    manager: r.manager,
    lostOn: r.lost_on,
    stage: clock.stage,
    days: clock.days,
    meetingDue: clock.meetingDue,
    meetingStatus: r.meeting_status,
    meetingDate: r.meeting_held_on ?? r.meeting_date,
    meetingOverdue: clock.meetingOverdue && r.archived_at === null,
    reasonId: effectiveReason(r),
    outcome: r.outcome,
    outcomeOn: r.outcome_on,
    lostRevenue: Math.round(r.lost_revenue * 100) / 100,
    abc: r.class_at_loss,
    archived: r.archived_at !== null,
  };
}

export function listCases(db: Db, opts: { includeClosed: boolean; includeArchived: boolean; asOf?: string }): CaseRow[] {
  const where = [opts.includeClosed ? '1 = 1' : 'rc.outcome IS NULL', opts.includeArchived ? '1 = 1' : 'rc.archived_at IS NULL'].join(' AND ');
  const { meetingTargetDays } = getRecoverySettings(db);
  const asOf = opts.asOf ?? toIsoDate(new Date());
  return caseRecords(db, where).map((r) => toCaseRow(r, asOf, meetingTargetDays));
}

const parseTerms = (text: string): Term[] => {
  try {
    const v = JSON.parse(text);
    return Array.isArray(v) ? (v as Term[]) : [];
  } catch {
    return [];
  }
};

/** Everything the case screen shows: the case with its clock, offers, follow-up tasks, referrals and the client's people. */
export function getCase(db: Db, id: number, asOf = toIsoDate(new Date())): RecoveryCase {
  const r = caseRecord(db, id);
  const clock = clockOf(r, asOf, getRecoverySettings(db).meetingTargetDays);
  const offers = db.sqlite
    .prepare(`SELECT id, case_id AS caseId, kind, offer, answer, answer_note AS answerNote, archived_at AS archivedAt FROM recovery_offers WHERE case_id = ? AND archived_at IS NULL ORDER BY id`)
    .all(id) as RecoveryCase['offers'];
  const tasks = db.sqlite
    .prepare(`SELECT t.id, t.client_id AS clientId, t.title, t.due_date AS dueDate, t.done_at AS doneAt
                FROM recovery_case_tasks ct JOIN tasks t ON t.id = ct.task_id WHERE ct.case_id = ? AND t.archived_at IS NULL ORDER BY t.due_date, t.id`)
    .all(id) as RecoveryCase['tasks'];
  const referrals = db.sqlite
    .prepare(`SELECT rr.id, rr.case_id AS caseId, rr.referrer_id AS referrerId, a.name AS referrerName, rr.referred_id AS referredId, b.name AS referredName,
                     b.status AS referredStatus, rr.contact_name AS contactName, rr.note, rr.created_at AS createdAt
                FROM recovery_referrals rr JOIN clients a ON a.id = rr.referrer_id JOIN clients b ON b.id = rr.referred_id
               WHERE rr.case_id = ? AND rr.archived_at IS NULL ORDER BY rr.id`)
    .all(id) as Omit<RecoveryCase['referrals'][number], 'key' | 'via' | 'referredRevenue12m'>[];
  const contacts = db.sqlite
    .prepare(`SELECT id, name, level, role FROM contacts WHERE client_id = ? AND archived_at IS NULL ORDER BY CASE level WHEN 'owner' THEN 0 WHEN 'executive' THEN 1 ELSE 2 END, name`)
    .all(r.client_id) as RecoveryCase['contacts'];
  return {
    id: r.id,
    clientId: r.client_id,
    clientName: r.client_name,
    clientStatus: r.client_status,
    lostOn: r.lost_on,
    noticedBy: r.noticed_by,
    firstReasonId: r.first_reason_id,
    firstReasonNote: r.first_reason_note,
    proposedAs: r.proposed_as,
    statusBefore: r.status_before,
    abc: r.class_at_loss,
    keyAtLoss: r.key_at_loss === 1,
    meeting: {
      askedBy: r.meeting_asked_by, contactId: r.meeting_contact_id, kind: r.meeting_kind, place: r.meeting_place, gift: r.meeting_gift,
      proposedDate: r.meeting_date, status: r.meeting_status, heldOn: r.meeting_held_on,
    },
    interview: {
      reasonId: r.reason_id, competitor: r.competitor, terms: parseTerms(r.terms), termsDetail: r.terms_detail, serviceWhat: r.service_what,
      serviceWho: r.service_who, reasonNote: r.reason_note, notes: r.interview_notes, interviewedOn: r.interviewed_on,
    },
    outcome: r.outcome,
    outcomeOn: r.outcome_on,
    agreedTerms: r.agreed_terms,
    outcomeNote: r.outcome_note,
    closedAt: r.closed_at,
    archivedAt: r.archived_at,
    stage: clock.stage,
    days: clock.days,
    meetingDue: clock.meetingDue,
    meetingOverdue: clock.meetingOverdue && r.archived_at === null,
    lostRevenue: Math.round(r.lost_revenue * 100) / 100,
    offers,
    tasks,
    referrals: referrals.map((x) => ({ ...x, key: `r${x.id}`, via: 'recovery' as const, referredRevenue12m: 0 })),
    contacts,
  };
}
