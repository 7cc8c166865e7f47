import { TODAY_GROUPS, type TodayGroup } from '../../../shared/features/retention/enums';
import type { Today, TodayItem } from '../../../shared/features/retention/types';
import type { Db } from '../../db/connection';
import { todayContexts } from './context';
import { storeOf } from './facts';
import { fileMark, listsMark } from './marks';
import { getRetentionSettings } from './settings';
import { anniversaries, birthdays, campaignCalls, scopeOf, tasksDue, visits, type Draft } from './today-items';
import { todayIso } from './views';

/** Items shown per group; the count (and the badge) covers them all. */
export const SHOWN_PER_GROUP = 100;

interface ReminderState {
  state: string;
  until: string | null;
}

const statesCache = new WeakMap<Db['sqlite'], { mark: string; states: Map<string, ReminderState> }>();

/**
 * What the user did with reminders, held in memory: every write replaces its
 * row (a new rowid) and a client's deletion removes rows, so the count and
 * the highest rowid say exactly when to read the table again.
 */
function reminderStates(db: Db): Map<string, ReminderState> {
  const m = db.sqlite.prepare(`SELECT count(*) AS n, COALESCE(MAX(rowid), 0) AS hi FROM retention_reminders`).get() as { n: number; hi: number };
  const mark = `${m.n}:${m.hi}`;
  const hit = statesCache.get(db.sqlite);
  if (hit && hit.mark === mark) return hit.states;
  const states = new Map<string, ReminderState>();
  for (const r of db.sqlite.prepare(`SELECT key, state, until FROM retention_reminders`).all() as (ReminderState & { key: string })[]) states.set(r.key, r);
  statesCache.set(db.sqlite, { mark, states });
  return states;
}

/** Hides what the user marked done, and what is snoozed past today. */
function stillDue(db: Db, drafts: Draft[], asOf: string): Draft[] {
  if (drafts.length === 0) return drafts;
  const states = reminderStates(db);
  return drafts.filter((d) => {
    const st = states.get(d.key);
    if (!st) return true;
    if (st.state === 'done') return false;
    return st.until === null || st.until <= asOf;
  });
}

const collected = new WeakMap<Db['sqlite'], { key: string; drafts: Draft[] }>();

/**
 * Today's items before their context: the lists are gathered again only when
 * something in the file other than a reminder's state changed (or the date
 * did); what the user did with each item is applied on every call.
 */
function collect(db: Db, asOf: string): Draft[] {
  const key = `${listsMark(db)}|${asOf}`;
  const hit = collected.get(db.sqlite);
  // Keyed on the mark read before the work: a change committed while it ran makes the next call compute again.
  const drafts = hit && hit.key === key ? hit.drafts : gather(db, asOf);
  if (drafts !== hit?.drafts) collected.set(db.sqlite, { key, drafts });
  return stillDue(db, drafts, asOf);
}

function gather(db: Db, asOf: string): Draft[] {
  const s = storeOf(db);
  const sc = scopeOf(db, s, getRetentionSettings(db), asOf);
  return [...campaignCalls(sc), ...tasksDue(sc), ...birthdays(sc), ...anniversaries(sc), ...visits(sc)];
}

const answered = new WeakMap<Db['sqlite'], { key: string; today: Today }>();

/**
 * Everything due or overdue today, grouped, each item with what the caller
 * needs: the last purchase, the last three notes, the contact's family and
 * hobbies, and the reason (the item itself says why).
 */
export function today(db: Db, asOf = todayIso(), perGroup = SHOWN_PER_GROUP): Today {
  const key = `${fileMark(db)}|${asOf}|${perGroup}`;
  const hit = answered.get(db.sqlite);
  if (hit && hit.key === key) return hit.today;
  const result = todayNow(db, asOf, perGroup);
  answered.set(db.sqlite, { key, today: result });
  return result;
}

function todayNow(db: Db, asOf: string, perGroup: number): Today {
  const drafts = collect(db, asOf);
  const groups = Object.fromEntries(TODAY_GROUPS.map((g) => [g, { total: 0, items: [] as TodayItem[] }])) as Today['groups'];
  const byGroup = new Map<TodayGroup, Draft[]>(TODAY_GROUPS.map((g) => [g, []]));
  for (const d of drafts) byGroup.get(d.group)!.push(d);
  const shown: Draft[] = [];
  for (const g of TODAY_GROUPS) {
    const list = byGroup.get(g)!.slice().sort((a, b) => a.rank - b.rank || a.clientId - b.clientId || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
    groups[g].total = list.length;
    shown.push(...list.slice(0, perGroup));
  }
  const s = storeOf(db);
  const contexts = todayContexts(db, s, scopeOf(db, s, getRetentionSettings(db), asOf).asOfDay, shown);
  shown.forEach(({ rank: _rank, contactId: _contact, ...d }, i) => groups[d.group].items.push({ ...d, context: contexts[i] }));
  return { asOf, count: drafts.length, groups };
}

/** The number on the Today badge: the same items, without their context. */
export const todayCount = (db: Db, asOf = todayIso()): number => collect(db, asOf).length;
