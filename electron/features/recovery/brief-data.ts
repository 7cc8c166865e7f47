import { dayNumber } from '../../../shared/features/recovery/candidates';
import type { RecoveryCase, Reason } from '../../../shared/features/recovery/types';
import { rhythmDays } from '../../../shared/features/retention';
import { addMonths, toIsoDate } from '../../../shared/kernel/dates';
import type { Db } from '../../db/connection';
import { getCase } from './case-rows';
import { listReasons } from './reasons';

/** What one page can hold: the brief lists at most this many of each. */
export const BRIEF_LIMITS = { years: 4, products: 5, people: 6, interactions: 4, tasks: 4, offers: 4 } as const;

export interface BriefData {
  asOf: string;
  recoveryCase: RecoveryCase;
  client: { name: string; code: string | null; city: string | null; country: string | null; type: string | null; manager: string | null; potentialAnnual: number | null };
  reasons: Map<number, Reason>;
  years: { year: string; revenue: number }[];
  products: { product: string; revenue: number; quantity: number; last: string }[];
  firstPurchase: string | null;
  lastPurchase: string | null;
  rhythmDays: number | null;
  people: {
    name: string; level: string; role: string | null; birthday: string | null; family: string | null; hobbies: string | null;
    foodPreferences: string | null; preferredChannel: string | null; lastContact: string | null; meetingContact: boolean;
  }[];
  interactions: { date: string; kind: string; summary: string; outcome: string | null }[];
  openTasks: { title: string; dueDate: string }[];
  more: { people: number; interactions: number; tasks: number };
}

/** The meeting brief's facts for one case: history, people, what went wrong, what we can offer. */
export function briefData(db: Db, caseId: number, asOf = toIsoDate(new Date())): BriefData {
  const c = getCase(db, caseId, asOf);
  const s = db.sqlite;
  const client = s
    .prepare(`SELECT c.name, c.code, c.city, c.country, t.name AS type, m.name AS manager, c.potential_annual AS potentialAnnual
                FROM clients c LEFT JOIN client_types t ON t.id = c.type_id LEFT JOIN managers m ON m.id = c.manager_id WHERE c.id = ?`)
    .get(c.clientId) as BriefData['client'];
  const years = (s
    .prepare(`SELECT substr(date, 1, 4) AS year, SUM(amount) AS revenue FROM purchases WHERE client_id = ? AND archived_at IS NULL GROUP BY year ORDER BY year DESC LIMIT ?`)
    .all(c.clientId, BRIEF_LIMITS.years) as BriefData['years']).reverse();
  const products = s
    .prepare(`SELECT COALESCE(product, '') AS product, SUM(amount) AS revenue, SUM(quantity) AS quantity, MAX(date) AS last
                FROM purchases WHERE client_id = ? AND archived_at IS NULL AND date > ? GROUP BY COALESCE(product, '') ORDER BY revenue DESC LIMIT ?`)
    .all(c.clientId, addMonths(c.lostOn, -36), BRIEF_LIMITS.products) as BriefData['products'];
  const days = (s.prepare(`SELECT date FROM purchases WHERE client_id = ? AND archived_at IS NULL GROUP BY date HAVING SUM(amount) > 0 ORDER BY date`).all(c.clientId) as { date: string }[]).map((r) => r.date);
  const people = s
    .prepare(`SELECT ct.name, ct.level, ct.role, ct.birthday, ct.family, ct.hobbies, ct.food_preferences AS foodPreferences, ct.preferred_channel AS preferredChannel,
                     (SELECT MAX(i.date) FROM interactions i WHERE i.contact_id = ct.id AND i.archived_at IS NULL) AS lastContact, ct.id = ? AS meetingContact
                FROM contacts ct WHERE ct.client_id = ? AND ct.archived_at IS NULL
               ORDER BY ct.id = ? DESC, CASE ct.level WHEN 'owner' THEN 0 WHEN 'executive' THEN 1 WHEN 'purchasing' THEN 2 WHEN 'finance' THEN 3 ELSE 4 END, ct.name`)
    .all(c.meeting.contactId ?? 0, c.clientId, c.meeting.contactId ?? 0) as (Omit<BriefData['people'][number], 'meetingContact'> & { meetingContact: number })[];
  const interactions = s
    .prepare(`SELECT date, kind, summary, outcome FROM interactions WHERE client_id = ? AND archived_at IS NULL ORDER BY date DESC, id DESC`)
    .all(c.clientId) as BriefData['interactions'];
  const openTasks = s
    .prepare(`SELECT title, due_date AS dueDate FROM tasks WHERE client_id = ? AND archived_at IS NULL AND done_at IS NULL ORDER BY due_date, id`)
    .all(c.clientId) as BriefData['openTasks'];
  return {
    asOf,
    recoveryCase: c,
    client,
    reasons: new Map(listReasons(db, true).map((r) => [r.id, r])),
    years: years.map((y) => ({ ...y, revenue: Math.round(y.revenue * 100) / 100 })),
    products,
    firstPurchase: days[0] ?? null,
    lastPurchase: days[days.length - 1] ?? null,
    rhythmDays: rhythmDays(days.map(dayNumber)),
    people: people.slice(0, BRIEF_LIMITS.people).map((p) => ({ ...p, meetingContact: p.meetingContact === 1 })),
    interactions: interactions.slice(0, BRIEF_LIMITS.interactions),
    openTasks: openTasks.slice(0, BRIEF_LIMITS.tasks),
    more: {
      people: Math.max(0, people.length - BRIEF_LIMITS.people),
      interactions: Math.max(0, interactions.length - BRIEF_LIMITS.interactions),
      tasks: Math.max(0, openTasks.length - BRIEF_LIMITS.tasks),
    },
  };
}
