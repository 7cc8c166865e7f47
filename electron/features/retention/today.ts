import { TODAY_GROUPS, type TodayGroup } from '../../../shared/features/retention/enums';
import type { Today, TodayItem } from '../../../shared/features/retention/types';
import type { Db } from '../../db/connection';
import type { AppContext } from '../../context';
import { offMain } from '../analytics';
import { runTaskHere } from '../../jobs/tasks';
import { lastPurchaseOf, todayContexts } from './context';
import type { LastPurchase } from '../../../shared/features/retention/types';
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

/**
 * Today's lists as gathered, with each listed client's last purchase (what
 * the items' context shows): plain data, so the host can send it.
 */
export interface Gathered {
  drafts: Draft[];
  lastPurchases: [clientId: number, last: LastPurchase | null][];
}

interface Lists {
  drafts: Draft[];
  lastPurchase: Map<number, LastPurchase | null>;
}

const collected = new WeakMap<Db['sqlite'], { key: string; lists: Lists }>();
const gathering = new WeakMap<Db['sqlite'], { key: string; lists: Promise<Lists> }>();

/** Who gathers Today's lists when this connection has none for the mark and date. */
export type Gatherer = (db: Db, asOf: string) => Promise<Gathered>;

const gatherHere: Gatherer = async (db, asOf) => gather(db, asOf);

/** What main asks the analytics host for (electron/offload.ts HOST_ONLY): no window calls it. */
export const TODAY_LISTS = 'retention.todayLists';

/** The host's side of TODAY_LISTS: the lists gathered on its own connection, where the store is warm. */
export function todayLists(db: Db, input: unknown): Gathered {
  const asOf = (input as { asOf?: unknown } | null)?.asOf;
  if (typeof asOf !== 'string') throw new TypeError('todayLists: asOf');
  return gather(db, asOf);
}

/**
 * The lists gathered by the analytics host, off the main process: a new
 * day's first Today reads every client's dates and history (hundreds of
 * milliseconds at 50,000 clients). They come back to main, which keeps them
 * under its own mark, so a snooze or a done after it is answered here from
 * memory as before. Without a host (tests, the CLI) they are gathered here.
 */
export function todayGatherer(ctx: Pick<AppContext, 'runTask'>): Gatherer {
  // As electron/app.ts decides for every heavy read: work in this thread means no host.
  if (ctx.runTask === runTaskHere) return gatherHere;
  return (db, asOf) => offMain(db, ctx, TODAY_LISTS, { asOf }, () => gather(db, asOf));
}

/**
 * Today's items before their context: the lists are gathered again only when
 * something in the file other than a reminder's state changed (or the date
 * did); what the user did with each item is applied on every call.
 */
async function collect(db: Db, asOf: string, via: Gatherer): Promise<{ due: Draft[]; lists: Lists }> {
  const key = `${listsMark(db)}|${asOf}`;
  const hit = collected.get(db.sqlite);
  if (hit && hit.key === key) return { due: stillDue(db, hit.lists.drafts, asOf), lists: hit.lists };
  // The badge and the page ask together at start: one gathering for both.
  let run = gathering.get(db.sqlite);
  if (run?.key !== key) {
    const lists = via(db, asOf).then((g): Lists => ({ drafts: g.drafts, lastPurchase: new Map(g.lastPurchases) }));
    gathering.set(db.sqlite, (run = { key, lists }));
  }
  try {
    const lists = await run.lists;
    // Keyed on the mark read before the work: a change committed while it ran makes the next call compute again.
    collected.set(db.sqlite, { key, lists });
    return { due: stillDue(db, lists.drafts, asOf), lists };
  } finally {
    if (gathering.get(db.sqlite) === run) gathering.delete(db.sqlite);
  }
}

function gather(db: Db, asOf: string): Gathered {
  const s = storeOf(db);
  const sc = scopeOf(db, s, getRetentionSettings(db), asOf);
  const drafts = [...campaignCalls(sc), ...tasksDue(sc), ...birthdays(sc), ...anniversaries(sc), ...visits(sc)];
  const clients = [...new Set(drafts.map((d) => d.clientId))];
  return { drafts, lastPurchases: clients.map((id) => [id, lastPurchaseOf(s, id, sc.asOfDay)]) };
}

const answered = new WeakMap<Db['sqlite'], { key: string; today: Today }>();

/**
 * Everything due or overdue today, grouped, each item with what the caller
 * needs: the last purchase, the last three notes, the contact's family and
 * hobbies, and the reason (the item itself says why).
 */
export async function today(db: Db, asOf = todayIso(), perGroup = SHOWN_PER_GROUP, via = gatherHere): Promise<Today> {
  const key = `${fileMark(db)}|${asOf}|${perGroup}`;
  const hit = answered.get(db.sqlite);
  if (hit && hit.key === key) return hit.today;
  const result = await todayNow(db, asOf, perGroup, via);
  answered.set(db.sqlite, { key, today: result });
  return result;
}

async function todayNow(db: Db, asOf: string, perGroup: number, via: Gatherer): Promise<Today> {
  const { due: drafts, lists } = await collect(db, asOf, via);
  const groups = Object.fromEntries(TODAY_GROUPS.map((g) => [g, { total: 0, items: [] as TodayItem[] }])) as Today['groups'];
  const byGroup = new Map<TodayGroup, Draft[]>(TODAY_GROUPS.map((g) => [g, []]));
  for (const d of drafts) byGroup.get(d.group)!.push(d);
  const shown: Draft[] = [];
  for (const g of TODAY_GROUPS) {
    const list = byGroup.get(g)!.slice().sort((a, b) => a.rank - b.rank || a.clientId - b.clientId || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
    groups[g].total = list.length;
    shown.push(...list.slice(0, perGroup));
  }
  // Everything here is read from the lists and a few rows: nothing that walks the whole base on main.
  const contexts = todayContexts(db, shown, (id) => lists.lastPurchase.get(id) ?? null);
  shown.forEach(({ rank: _rank, contactId: _contact, ...d }, i) => groups[d.group].items.push({ ...d, context: contexts[i] }));
  return { asOf, count: drafts.length, groups };
}

/** The number on the Today badge: the same items, without their context. */
export const todayCount = async (db: Db, asOf = todayIso(), via = gatherHere): Promise<number> => (await collect(db, asOf, via)).due.length;
