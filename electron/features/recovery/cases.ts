import type { z } from 'zod';
import { CLIENT_STATUSES, type ClientStatus } from '../../../shared/features/accounts';
import type * as s from '../../../shared/features/recovery/schemas';
import { toIsoDate } from '../../../shared/kernel/dates';
import type { Db } from '../../db/connection';
import { AppError, fieldError } from '../../errors';
import { clientsService, tasksService } from '../accounts';
import { caseRecord, effectiveReason, type CaseRecord } from './case-rows';
import { setClientStatus } from './client-status';
import { checkReason } from './reasons';
import { createReferral } from './referral-writes';
import { standingAt } from './standing';

const NOW = `strftime('%Y-%m-%dT%H:%M:%fZ','now')`;

function openCaseOf(db: Db, clientId: number, except = 0): number | null {
  const row = db.sqlite.prepare(`SELECT id FROM recovery_cases WHERE client_id = ? AND outcome IS NULL AND archived_at IS NULL AND id <> ?`).get(clientId, except) as { id: number } | undefined;
  return row?.id ?? null;
}

/** A case that can still be worked on: not archived, no outcome yet. */
function requireOpen(db: Db, id: number): CaseRecord {
  const r = caseRecord(db, id);
  if (r.archived_at !== null) throw new AppError('conflict', 'recovery:errors.caseArchived');
  if (r.outcome !== null) throw new AppError('conflict', 'recovery:errors.caseClosed');
  return r;
}

/**
 * Opens a recovery case and marks the client lost (through the accounts
 * service). Its class and key standing over the year before the loss are
 * kept with the case, so later analytics see the account as it was.
 */
export function markLost(db: Db, input: z.output<typeof s.markLost>, today = toIsoDate(new Date())): { id: number } {
  const client = clientsService.get(db, input.clientId);
  if (client.archivedAt) throw fieldError('clientId', 'recovery:errors.clientArchived', { name: client.name });
  if (client.status === 'prospect') throw fieldError('clientId', 'recovery:errors.prospectNotLost', { name: client.name });
  if (input.lostOn > today) throw fieldError('lostOn', 'recovery:errors.lostInFuture');
  if (openCaseOf(db, client.id) !== null) throw new AppError('conflict', 'recovery:errors.alreadyOpen', { name: client.name });
  checkReason(db, 'firstReasonId', input.firstReasonId);
  const standing = standingAt(db, client.id, input.lostOn);
  const res = db.sqlite
    .prepare(`INSERT INTO recovery_cases (client_id, lost_on, noticed_by, first_reason_id, first_reason_note, proposed_as, status_before, class_at_loss, key_at_loss)
              VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`)
    .run(client.id, input.lostOn, input.noticedBy, input.firstReasonId, input.firstReasonNote, input.proposedAs, client.status, standing.abc, standing.key ? 1 : 0);
  setClientStatus(db, client.id, 'lost');
  return { id: Number(res.lastInsertRowid) };
}

export function saveMeeting(db: Db, input: z.output<typeof s.saveMeeting>): { id: number } {
  const r = requireOpen(db, input.caseId);
  if (input.contactId !== null) {
    const ok = db.sqlite.prepare(`SELECT 1 FROM contacts WHERE id = ? AND client_id = ?`).get(input.contactId, r.client_id);
    if (!ok) throw fieldError('contactId', 'recovery:errors.contactOfClient');
  }
  // Held means a date: the one given, else the date that was proposed.
  const heldOn = input.status === 'held' ? (input.heldOn ?? input.proposedDate) : null;
  if (heldOn !== null && heldOn < r.lost_on) throw fieldError('heldOn', 'recovery:errors.beforeLoss');
  db.sqlite
    .prepare(`UPDATE recovery_cases SET meeting_asked_by = ?, meeting_contact_id = ?, meeting_kind = ?, meeting_place = ?, meeting_gift = ?, meeting_date = ?,
              meeting_status = ?, meeting_held_on = ?, updated_at = ${NOW} WHERE id = ?`)
    .run(input.askedBy, input.contactId, input.kind, input.place, input.gift, input.proposedDate, input.status, heldOn, r.id);
  return { id: r.id };
}

export function saveInterview(db: Db, input: z.output<typeof s.saveInterview>): { id: number } {
  const r = requireOpen(db, input.caseId);
  checkReason(db, 'reasonId', input.reasonId);
  if (input.interviewedOn !== null && input.interviewedOn < r.lost_on) throw fieldError('interviewedOn', 'recovery:errors.beforeLoss');
  db.sqlite
    .prepare(`UPDATE recovery_cases SET reason_id = ?, competitor = ?, terms = ?, terms_detail = ?, service_what = ?, service_who = ?, reason_note = ?,
              interview_notes = ?, interviewed_on = ?, updated_at = ${NOW} WHERE id = ?`)
    .run(input.reasonId, input.competitor, JSON.stringify([...new Set(input.terms)]), input.termsDetail, input.serviceWhat, input.serviceWho, input.reasonNote, input.notes, input.interviewedOn, r.id);
  return { id: r.id };
}

export function addOffer(db: Db, input: z.output<typeof s.offerCreate>): { id: number } {
  requireOpen(db, input.caseId);
  const res = db.sqlite.prepare(`INSERT INTO recovery_offers (case_id, kind, offer, answer, answer_note) VALUES (?, ?, ?, ?, ?)`).run(input.caseId, input.kind, input.offer, input.answer, input.answerNote);
  return { id: Number(res.lastInsertRowid) };
}

function offerCase(db: Db, id: number): number {
  const row = db.sqlite.prepare(`SELECT case_id FROM recovery_offers WHERE id = ?`).get(id) as { case_id: number } | undefined;
  if (!row) throw new AppError('not_found', 'common:errors.notFound', { what: { key: 'recovery:nouns.offer' }, id });
  return row.case_id;
}

export function updateOffer(db: Db, input: z.output<typeof s.offerUpdate>): { id: number } {
  requireOpen(db, offerCase(db, input.id));
  db.sqlite.prepare(`UPDATE recovery_offers SET kind = ?, offer = ?, answer = ?, answer_note = ?, updated_at = ${NOW} WHERE id = ?`).run(input.kind, input.offer, input.answer, input.answerNote, input.id);
  return { id: input.id };
}

export function archiveOffer(db: Db, id: number): { id: number } {
  requireOpen(db, offerCase(db, id));
  db.sqlite.prepare(`UPDATE recovery_offers SET archived_at = ${NOW}, updated_at = ${NOW} WHERE id = ?`).run(id);
  return { id };
}

/**
 * Records the outcome. A reason is required (the interview's, else the first
 * one noted). Won back puts the client back to active; a referral becomes a
 * prospect referred by the lost client; the follow-up tasks are created on
 * the client (or on the referred prospect) and linked to the case.
 */
export function closeCase(db: Db, input: z.output<typeof s.closeCase>): { id: number } {
  const r = requireOpen(db, input.caseId);
  if (effectiveReason(r) === null) throw fieldError('reasonId', 'recovery:errors.reasonToClose');
  if (input.outcomeOn < r.lost_on) throw fieldError('outcomeOn', 'recovery:errors.beforeLoss');
  const referredId = input.referral ? createReferral(db, r, input.referral, ['referral']) : null;
  const link = db.sqlite.prepare(`INSERT INTO recovery_case_tasks (case_id, task_id) VALUES (?, ?)`);
  for (const t of input.tasks) {
    const clientId = t.forReferral && referredId !== null ? referredId : r.client_id;
    const { id } = tasksService.create(db, { clientId, contactId: null, title: t.title, dueDate: t.dueDate, doneAt: null, notes: null });
    link.run(r.id, id);
  }
  db.sqlite
    .prepare(`UPDATE recovery_cases SET outcome = ?, outcome_on = ?, agreed_terms = ?, outcome_note = ?, closed_at = ${NOW}, updated_at = ${NOW} WHERE id = ?`)
    .run(input.outcome, input.outcomeOn, input.agreedTerms, input.note, r.id);
  if (input.outcome === 'won_back') setClientStatus(db, r.client_id, 'active');
  return { id: r.id };
}

export function addReferral(db: Db, input: z.output<typeof s.addReferral>): { id: number } {
  const r = caseRecord(db, input.caseId);
  if (r.archived_at !== null) throw new AppError('conflict', 'recovery:errors.caseArchived');
  createReferral(db, r, input.referral, ['referral']);
  return { id: r.id };
}

/** The outcome was a slip: the case is open again (a won-back client lost again); tasks and referrals it made stay. Reopening an open case changes nothing. */
export function reopenCase(db: Db, id: number): { id: number } {
  const r = caseRecord(db, id);
  if (r.archived_at !== null) throw new AppError('conflict', 'recovery:errors.caseArchived');
  // Already open: nothing to undo (a second click, a retried call).
  if (r.outcome === null) return { id };
  if (openCaseOf(db, r.client_id, r.id) !== null) throw new AppError('conflict', 'recovery:errors.alreadyOpen', { name: r.client_name });
  db.sqlite.prepare(`UPDATE recovery_cases SET outcome = NULL, outcome_on = NULL, closed_at = NULL, updated_at = ${NOW} WHERE id = ?`).run(id);
  if (r.outcome === 'won_back') setClientStatus(db, r.client_id, 'lost');
  return { id };
}

// A client already marked lost before its case (by hand, or by an import) stays lost when the case goes.
const statusBefore = (r: CaseRecord): ClientStatus => (CLIENT_STATUSES.includes(r.status_before as ClientStatus) ? (r.status_before as ClientStatus) : 'active');

/** A case opened by mistake: archived; while it was open the client gets back the status it had before. */
export function archiveCase(db: Db, id: number): { id: number } {
  const r = caseRecord(db, id);
  if (r.archived_at !== null) return { id };
  db.sqlite.prepare(`UPDATE recovery_cases SET archived_at = ${NOW}, updated_at = ${NOW} WHERE id = ?`).run(id);
  if (r.outcome === null && r.client_status === 'lost') setClientStatus(db, r.client_id, statusBefore(r));
  return { id };
}

export function restoreCase(db: Db, id: number): { id: number } {
  const r = caseRecord(db, id);
  if (r.archived_at === null) return { id };
  if (r.outcome === null && openCaseOf(db, r.client_id, r.id) !== null) throw new AppError('conflict', 'recovery:errors.alreadyOpen', { name: r.client_name });
  db.sqlite.prepare(`UPDATE recovery_cases SET archived_at = NULL, updated_at = ${NOW} WHERE id = ?`).run(id);
  if (r.outcome === null) setClientStatus(db, r.client_id, 'lost');
  return { id };
}
