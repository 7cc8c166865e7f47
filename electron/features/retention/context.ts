import { isoOfDay } from '../../../shared/features/retention/days';
import type { ContactBrief, LastPurchase, Note, TodayContext } from '../../../shared/features/retention/types';
import type { Db } from '../../db/connection';
import { historyOf, type PurchaseStore } from './history';

/**
 * What a person needs in front of them before calling: what the client last
 * bought, the last three notes, and the people (family, hobbies). Read per
 * client shown, never for the whole base.
 */
export function lastPurchaseOf(s: PurchaseStore, clientId: number, asOfDay: number): LastPurchase | null {
  const c = s.clientSlot(clientId);
  if (c < 0) return null;
  const h = historyOf(s);
  for (let e = h.start[c + 1] - 1; e >= h.start[c]; e--) {
    if (h.day[e] > asOfDay || !h.occasion[e]) continue;
    const line = h.topLine[e];
    return { date: isoOfDay(h.day[e]), product: s.products[s.pProduct[line]] || null, amount: s.pAmount[line] };
  }
  return null;
}

/** Level order: the owner first, staff last (the order a caller asks for people in). */
const LEVEL_ORDER = `CASE level WHEN 'owner' THEN 0 WHEN 'executive' THEN 1 WHEN 'purchasing' THEN 2 WHEN 'finance' THEN 3 ELSE 4 END`;

export function contactsOf(db: Db, clientIds: number[]): Map<number, ContactBrief[]> {
  const out = new Map<number, ContactBrief[]>();
  if (clientIds.length === 0) return out;
  const rows = db.sqlite
    .prepare(`SELECT id, client_id AS clientId, name, level, role, phone, email, birthday, family, hobbies, food_preferences AS foodPreferences
                FROM contacts WHERE archived_at IS NULL AND client_id IN (SELECT value FROM json_each(?))
               ORDER BY client_id, ${LEVEL_ORDER}, name, id`)
    .all(JSON.stringify(clientIds)) as (ContactBrief & { clientId: number })[];
  for (const { clientId, ...c } of rows) out.set(clientId, [...(out.get(clientId) ?? []), c]);
  return out;
}

/** The last `n` live interactions of each client, newest first. */
export function notesOf(db: Db, clientIds: number[], n = 3): Map<number, Note[]> {
  const out = new Map<number, Note[]>();
  if (clientIds.length === 0) return out;
  const rows = db.sqlite
    .prepare(`SELECT client_id AS clientId, date, kind, summary, outcome FROM (
                SELECT client_id, date, kind, summary, outcome, ROW_NUMBER() OVER (PARTITION BY client_id ORDER BY date DESC, id DESC) AS k
                  FROM interactions WHERE archived_at IS NULL AND client_id IN (SELECT value FROM json_each(?)))
               WHERE k <= ? ORDER BY clientId, date DESC`)
    .all(JSON.stringify(clientIds), n) as (Note & { clientId: number })[];
  for (const { clientId, ...note } of rows) out.set(clientId, [...(out.get(clientId) ?? []), note]);
  return out;
}

/** The context line of a Today item: the named contact's family and hobbies, or the client's first contact's. */
export function todayContexts(db: Db, items: { clientId: number; contactId?: number }[], lastPurchase: (clientId: number) => LastPurchase | null): TodayContext[] {
  const ids = [...new Set(items.map((i) => i.clientId))];
  const contacts = contactsOf(db, ids);
  const notes = notesOf(db, ids);
  return items.map((i) => {
    const people = contacts.get(i.clientId) ?? [];
    const person = people.find((p) => p.id === i.contactId) ?? people[0] ?? null;
    return {
      lastPurchase: lastPurchase(i.clientId),
      notes: notes.get(i.clientId) ?? [],
      contactName: person?.name ?? null,
      family: person?.family ?? null,
      hobbies: person?.hobbies ?? null,
    };
  });
}
