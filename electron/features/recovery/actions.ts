import type { z } from 'zod';
import type { actionCreate, actionUpdate } from '../../../shared/features/recovery/schemas';
import type { CorrectiveAction } from '../../../shared/features/recovery/types';
import { toIsoDate } from '../../../shared/kernel/dates';
import type { Db } from '../../db/connection';
import { fieldError, notFound } from '../../errors';

const NOW = `strftime('%Y-%m-%dT%H:%M:%fZ','now')`;

// Losses after the action: cases for its reason (the interview's, else the first noted) lost after it was done.
const LIST = `
SELECT a.id, a.reason_id AS reasonId, a.what, a.owner, a.due_date AS dueDate, a.status, a.done_on AS doneOn, a.notes, a.archived_at AS archivedAt,
       CASE WHEN a.done_on IS NULL THEN 0 ELSE (SELECT count(*) FROM recovery_cases rc
         WHERE rc.archived_at IS NULL AND COALESCE(rc.reason_id, rc.first_reason_id) = a.reason_id AND rc.lost_on > a.done_on) END AS lossesAfter
  FROM recovery_actions a`;

export function listActions(db: Db, opts: { includeArchived: boolean; asOf?: string }): CorrectiveAction[] {
  const asOf = opts.asOf ?? toIsoDate(new Date());
  const rows = db.sqlite.prepare(`${LIST} ${opts.includeArchived ? '' : 'WHERE a.archived_at IS NULL'} ORDER BY a.status = 'done', a.due_date IS NULL, a.due_date, a.id`).all() as Omit<CorrectiveAction, 'overdue'>[];
  return rows.map((a) => ({ ...a, overdue: a.status !== 'done' && a.dueDate !== null && a.dueDate < asOf }));
}

function checkReasonExists(db: Db, reasonId: number): void {
  if (!db.sqlite.prepare(`SELECT 1 FROM recovery_reasons WHERE id = ?`).get(reasonId)) throw fieldError('reasonId', 'recovery:errors.chooseReason');
}

// Only a done action has a done date: one set back to planned forgets it, so "after the action" stays true.
const doneOn = (a: { status: string; doneOn: string | null }) => (a.status === 'done' ? a.doneOn : null);

export function createAction(db: Db, input: z.output<typeof actionCreate>): { id: number } {
  checkReasonExists(db, input.reasonId);
  const res = db.sqlite
    .prepare(`INSERT INTO recovery_actions (reason_id, what, owner, due_date, status, done_on, notes) VALUES (?, ?, ?, ?, ?, ?, ?)`)
    .run(input.reasonId, input.what, input.owner, input.dueDate, input.status, doneOn(input), input.notes);
  return { id: Number(res.lastInsertRowid) };
}

function requireAction(db: Db, id: number): void {
  if (!db.sqlite.prepare(`SELECT 1 FROM recovery_actions WHERE id = ?`).get(id)) throw notFound('recovery:nouns.action', id);
}

export function updateAction(db: Db, input: z.output<typeof actionUpdate>): { id: number } {
  requireAction(db, input.id);
  checkReasonExists(db, input.reasonId);
  db.sqlite
    .prepare(`UPDATE recovery_actions SET reason_id = ?, what = ?, owner = ?, due_date = ?, status = ?, done_on = ?, notes = ?, updated_at = ${NOW} WHERE id = ?`)
    .run(input.reasonId, input.what, input.owner, input.dueDate, input.status, doneOn(input), input.notes, input.id);
  return { id: input.id };
}

export function setActionArchived(db: Db, id: number, archived: boolean): { id: number } {
  requireAction(db, id);
  db.sqlite.prepare(`UPDATE recovery_actions SET archived_at = ${archived ? NOW : 'NULL'}, updated_at = ${NOW} WHERE id = ?`).run(id);
  return { id };
}
