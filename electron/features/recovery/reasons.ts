import type { z } from 'zod';
import type { reasonCreate, reasonUpdate } from '../../../shared/features/recovery/schemas';
import type { Reason } from '../../../shared/features/recovery/types';
import type { Db } from '../../db/connection';
import { fieldError, notFound } from '../../errors';

interface ReasonRow {
  id: number;
  code: Reason['code'];
  label: string | null;
  category: Reason['category'];
  position: number;
  archived_at: string | null;
}

const toReason = (r: ReasonRow): Reason => ({ id: r.id, code: r.code, label: r.label, category: r.category, position: r.position, archivedAt: r.archived_at });

export function listReasons(db: Db, includeArchived = false): Reason[] {
  const rows = db.sqlite
    .prepare(`SELECT id, code, label, category, position, archived_at FROM recovery_reasons ${includeArchived ? '' : 'WHERE archived_at IS NULL'} ORDER BY position, id`)
    .all() as ReasonRow[];
  return rows.map(toReason);
}

export function getReason(db: Db, id: number): Reason {
  const row = db.sqlite.prepare(`SELECT id, code, label, category, position, archived_at FROM recovery_reasons WHERE id = ?`).get(id) as ReasonRow | undefined;
  if (!row) throw notFound('recovery:nouns.reason', id);
  return toReason(row);
}

/** A reason chosen on a case must exist and be in use; `field` names the input it came from. */
export function checkReason(db: Db, field: string, id: number | null): void {
  if (id === null) return;
  const row = db.sqlite.prepare(`SELECT archived_at FROM recovery_reasons WHERE id = ?`).get(id) as { archived_at: string | null } | undefined;
  if (!row) throw fieldError(field, 'recovery:errors.chooseReason');
}

export function createReason(db: Db, input: z.output<typeof reasonCreate>): { id: number } {
  const { next } = db.sqlite.prepare(`SELECT COALESCE(MAX(position), -1) + 1 AS next FROM recovery_reasons`).get() as { next: number };
  const res = db.sqlite.prepare(`INSERT INTO recovery_reasons (label, category, position) VALUES (?, ?, ?)`).run(input.label, input.category, next);
  return { id: Number(res.lastInsertRowid) };
}

/** A built-in reason may be renamed (an empty name gives back the translated one); the user's own needs a name. */
export function updateReason(db: Db, input: z.output<typeof reasonUpdate>): { id: number } {
  const reason = getReason(db, input.id);
  if (reason.code === null && input.label === null) throw fieldError('label', 'common:errors.required');
  db.sqlite
    .prepare(`UPDATE recovery_reasons SET label = ?, category = ?, updated_at = strftime('%Y-%m-%dT%H:%M:%fZ','now') WHERE id = ?`)
    .run(input.label, input.category, input.id);
  return { id: input.id };
}

export function setReasonArchived(db: Db, id: number, archived: boolean): { id: number } {
  getReason(db, id);
  db.sqlite
    .prepare(`UPDATE recovery_reasons SET archived_at = ${archived ? "strftime('%Y-%m-%dT%H:%M:%fZ','now')" : 'NULL'}, updated_at = strftime('%Y-%m-%dT%H:%M:%fZ','now') WHERE id = ?`)
    .run(id);
  return { id };
}
