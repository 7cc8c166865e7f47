import type { z } from 'zod';
import type { clientCadenceInput, planVisitInput, reminderActInput } from '../../../shared/features/retention/schemas';
import { addDays } from '../../../shared/kernel/dates';
import type { Db } from '../../db/connection';
import { AppError, fieldError, notFound } from '../../errors';
import { shippedLanguage, translate } from '../../i18n';
import { interactionsService, tasksService } from '../accounts';
import { getSettings } from '../settings';
import { countReminderWrite } from './marks';
import { todayIso } from './views';

const KEY = /^(task|planned|visit|birthday|anniversary|call):(\d+)(?::(.*))?$/;

function clientOfKey(db: Db, kind: string, id: number, rest: string | undefined): number {
  const one = (sql: string) => (db.sqlite.prepare(sql).get(id) as { c: number } | undefined)?.c;
  const clientId =
    kind === 'task' ? one(`SELECT client_id AS c FROM tasks WHERE id = ?`)
    : kind === 'planned' ? one(`SELECT client_id AS c FROM retention_visits WHERE id = ?`)
    : kind === 'birthday' ? one(`SELECT client_id AS c FROM contacts WHERE id = ?`)
    : kind === 'call' ? (rest && /^\d+$/.test(rest) ? Number(rest) : undefined)
    : id;
  if (clientId === undefined || !db.sqlite.prepare(`SELECT 1 FROM clients WHERE id = ?`).get(clientId)) throw new AppError('not_found', 'retention:errors.unknownReminder');
  return clientId;
}

// REPLACE, not an upsert: each write gets a new rowid, which is how Today's cache of these rows knows to reload.
function remember(db: Db, key: string, clientId: number, state: 'done' | 'snoozed', until: string | null): void {
  db.sqlite.prepare(`INSERT OR REPLACE INTO retention_reminders (key, client_id, state, until) VALUES (?, ?, ?, ?)`).run(key, clientId, state, until);
  countReminderWrite(db);
}

/**
 * Done, snooze or reschedule one Today item. A task is done or moved in the
 * diary itself; a visit done is logged as an interaction (which resets the
 * client's clock); everything else remembers the user's choice for that
 * occurrence. Snooze without a date means until tomorrow.
 */
export function act(db: Db, input: z.output<typeof reminderActInput>): { key: string } {
  const m = KEY.exec(input.key);
  if (!m) throw new AppError('invalid_input', 'retention:errors.unknownReminder');
  const [, kind, idText, rest] = m;
  const id = Number(idText);
  const clientId = clientOfKey(db, kind, id, rest);
  const asOf = input.asOf ?? todayIso();
  const until = input.date ?? addDays(asOf, 1);
  if (input.action !== 'done' && until <= asOf) throw fieldError('date', 'retention:errors.dateAfterToday');
  const lang = shippedLanguage(getSettings(db).language);
  if (kind === 'task') {
    const { clientId: taskClient, contactId, title, dueDate, doneAt, notes } = tasksService.get(db, id);
    const task = { id, clientId: taskClient, contactId, title, dueDate, doneAt, notes };
    if (input.action === 'done') tasksService.update(db, { ...task, doneAt: asOf });
    else if (input.action === 'reschedule') tasksService.update(db, { ...task, dueDate: until });
    else remember(db, input.key, clientId, 'snoozed', until);
    return { key: input.key };
  }
  if (kind === 'planned') {
    const visit = db.sqlite.prepare(`SELECT purpose FROM retention_visits WHERE id = ?`).get(id) as { purpose: string };
    if (input.action === 'done') {
      interactionsService.create(db, { clientId, contactId: null, kind: 'visit', date: asOf, summary: visit.purpose, outcome: input.note });
      db.sqlite.prepare(`UPDATE retention_visits SET done_at = ?, updated_at = strftime('%Y-%m-%dT%H:%M:%fZ','now') WHERE id = ?`).run(asOf, id);
    } else if (input.action === 'reschedule') {
      db.sqlite.prepare(`UPDATE retention_visits SET date = ?, updated_at = strftime('%Y-%m-%dT%H:%M:%fZ','now') WHERE id = ?`).run(until, id);
    } else remember(db, input.key, clientId, 'snoozed', until);
    return { key: input.key };
  }
  if (kind === 'visit') {
    if (input.action === 'done') {
      interactionsService.create(db, { clientId, contactId: null, kind: 'visit', date: asOf, summary: input.note ?? translate(lang, 'retention:logged.visit'), outcome: null });
    } else if (input.action === 'reschedule') {
      // A planned visit has a purpose: the user says what it is for.
      if (!input.note) throw fieldError('note', 'retention:errors.purposeNeeded');
      planVisit(db, { clientId, date: until, purpose: input.note });
    } else remember(db, input.key, clientId, 'snoozed', until);
    return { key: input.key };
  }
  remember(db, input.key, clientId, input.action === 'done' ? 'done' : 'snoozed', input.action === 'done' ? null : until);
  return { key: input.key };
}

export function planVisit(db: Db, input: z.output<typeof planVisitInput>): { id: number } {
  if (!db.sqlite.prepare(`SELECT 1 FROM clients WHERE id = ?`).get(input.clientId)) throw notFound('accounts:nouns.client', input.clientId);
  const id = Number(db.sqlite.prepare(`INSERT INTO retention_visits (client_id, date, purpose) VALUES (?, ?, ?)`).run(input.clientId, input.date, input.purpose).lastInsertRowid);
  return { id };
}

/** A client's own cadence; both null goes back to its class's. */
export function setCadence(db: Db, input: z.output<typeof clientCadenceInput>): { clientId: number } {
  if (!db.sqlite.prepare(`SELECT 1 FROM clients WHERE id = ?`).get(input.clientId)) throw notFound('accounts:nouns.client', input.clientId);
  if (input.ideal === null || input.max === null) db.sqlite.prepare(`DELETE FROM retention_cadence WHERE client_id = ?`).run(input.clientId);
  else
    db.sqlite
      .prepare(`INSERT INTO retention_cadence (client_id, ideal_days, max_days) VALUES (?, ?, ?) ON CONFLICT (client_id) DO UPDATE SET ideal_days = excluded.ideal_days, max_days = excluded.max_days`)
      .run(input.clientId, input.ideal, input.max);
  return { clientId: input.clientId };
}
