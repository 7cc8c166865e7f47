import { addYearsIso, dayOfIso, isoOfDay, ymdOfIso } from '../../../shared/features/retention/days';
import { ageOn, cadenceFor, cadenceState, isSeasonal, nextBirthday } from '../../../shared/features/retention/reminders';
import type { RetentionSettings } from '../../../shared/features/retention/settings';
import type { TodayItem } from '../../../shared/features/retention/types';
import { addDays } from '../../../shared/kernel/dates';
import type { Db } from '../../db/connection';
import { CLASS_OF_CODE, classesBySlot, clientFacts, lastTouchBySlot, quietBySlot } from './facts';
import { historyOf, type PurchaseStore } from './history';
import { seenMark } from './marks';

/** A Today item before its context is attached (only the shown ones get one). */
export type Draft = Omit<TodayItem, 'context'> & { contactId?: number; rank: number };

export interface Scope {
  db: Db;
  s: PurchaseStore;
  settings: RetentionSettings;
  asOf: string;
  asOfDay: number;
  /** Live clients whose reminders fire: not archived, not a bulk import nobody has opened yet. */
  fires: (slot: number) => boolean;
}

export function scopeOf(db: Db, s: PurchaseStore, settings: RetentionSettings, asOf: string): Scope {
  const quiet = quietBySlot(db, s);
  return { db, s, settings, asOf, asOfDay: dayOfIso(asOf), fires: (c) => c >= 0 && !s.cArchived[c] && !quiet[c] };
}

/** Birthdays from today to `birthdayDaysAhead` days on, those with the year unknown included. */
export function birthdays(sc: Scope): Draft[] {
  const days = sc.settings.birthdayDaysAhead;
  const monthDays = new Set<string>();
  for (let i = 0; i <= days; i++) monthDays.add(addDays(sc.asOf, i).slice(5));
  // 29 February is remembered on 28 February in a common year.
  if (monthDays.has('02-28')) monthDays.add('02-29');
  const rows = sc.db.sqlite
    // The migration indexes substr(birthday, -5) of live contacts: this reads only the few days asked for.
    .prepare(`SELECT id, client_id AS clientId, name, birthday FROM contacts
               WHERE archived_at IS NULL AND birthday IS NOT NULL AND substr(birthday, -5) IN (SELECT value FROM json_each(?))`)
    .all(JSON.stringify([...monthDays])) as { id: number; clientId: number; name: string; birthday: string }[];
  const out: Draft[] = [];
  for (const r of rows) {
    const c = sc.s.clientSlot(r.clientId);
    if (!sc.fires(c)) continue;
    const date = nextBirthday(r.birthday, sc.asOf, days);
    if (!date) continue;
    out.push({
      key: `birthday:${r.id}:${date}`, group: 'birthdays', kind: 'birthday', clientId: r.clientId, clientName: sc.s.cName[c], date, overdue: false,
      contactId: r.id, contactName: r.name, age: ageOn(r.birthday, date), rank: dayOfIso(date),
    });
  }
  return out;
}

/**
 * Purchases made about a year ago that tend to repeat: a line the client has
 * bought on more than one day, or one the user marked gift-like/seasonal;
 * reminded from `anniversaryLeadDays` before the date to the date itself,
 * unless the client has bought it again since.
 */
export function anniversaries(sc: Scope): Draft[] {
  // A pass over every purchase line: worth keeping while the store, the seen clients, the date and the settings it reads stay as they are
  // (a snooze or a task done must not pay for it again).
  const { s, settings } = sc;
  const key = `${s.version}|${seenMark(sc.db)}|${sc.asOf}|${settings.anniversaryLeadDays}|${JSON.stringify(settings.seasonalWords)}`;
  const hit = anniversaryCache.get(s);
  if (hit && hit.key === key) return hit.drafts;
  const drafts = anniversariesNow(sc);
  anniversaryCache.set(s, { key, drafts });
  return drafts;
}

const anniversaryCache = new WeakMap<PurchaseStore, { key: string; drafts: Draft[] }>();

function anniversariesNow(sc: Scope): Draft[] {
  const { s, settings } = sc;
  const h = historyOf(s);
  const lo = ymdOfIso(addYearsIso(sc.asOf, -1));
  const hi = ymdOfIso(addYearsIso(addDays(sc.asOf, settings.anniversaryLeadDays), -1));
  const { pDay, pAlive, pAmount, pClient, pProduct } = s;
  // The latest line of each (client, product) in the window, keyed by number: client slot × products + product.
  const width = s.products.length;
  const hits = new Map<number, number>();
  for (let i = 0; i < s.size; i++) {
    const d = pDay[i];
    if (d < lo || d > hi || !pAlive[i] || pAmount[i] <= 0) continue;
    const c = pClient[i];
    if (!sc.fires(c)) continue;
    const key = c * width + pProduct[i];
    const prev = hits.get(key);
    if (prev === undefined || pDay[prev] <= d) hits.set(key, i);
  }
  // Whether a product line is gift-like, once per product rather than once per purchase.
  const seasonal = new Map<number, boolean>();
  const isGift = (pi: number) => {
    let v = seasonal.get(pi);
    if (v === undefined) seasonal.set(pi, (v = isSeasonal(s.products[pi], settings.seasonalWords)));
    return v;
  };
  const out: Draft[] = [];
  for (const i of hits.values()) {
    const c = pClient[i];
    const pi = pProduct[i];
    const product = s.products[pi];
    if (!product) continue;
    const boughtDay = h.lineDay[i];
    let daysBought = 0;
    let last = -1;
    let again = false;
    for (let k = h.lineStart[c]; k < h.lineStart[c + 1]; k++) {
      const j = h.lineSlots[k];
      if (pProduct[j] !== pi || pAmount[j] <= 0) continue;
      const d = h.lineDay[j];
      if (d > boughtDay + 300) again = true;
      if (d <= boughtDay && d !== last) (daysBought++, (last = d));
    }
    if (again || !(daysBought >= 2 || isGift(pi))) continue;
    const purchaseDate = isoOfDay(boughtDay);
    const date = addYearsIso(purchaseDate, 1);
    out.push({
      key: `anniversary:${s.cId[c]}:${date}:${product}`, group: 'anniversaries', kind: 'anniversary', clientId: s.cId[c], clientName: s.cName[c], date,
      overdue: false, product, purchaseDate, amount: pAmount[i], rank: dayOfIso(date),
    });
  }
  return out;
}

/**
 * Visits: planned ones that are due, and every client whose time since the
 * last contact (any logged interaction; the day it was added if never) is
 * past its cadence — yellow past the ideal, red past the maximum. A client
 * with a visit planned is not reminded of its cadence too.
 */
export function visits(sc: Scope): Draft[] {
  const { db, s, settings } = sc;
  const out: Draft[] = [];
  const planned = db.sqlite
    .prepare(`SELECT v.id, v.client_id AS clientId, v.date, v.purpose FROM retention_visits v WHERE v.done_at IS NULL AND v.archived_at IS NULL`)
    .all() as { id: number; clientId: number; date: string; purpose: string }[];
  const hasPlan = new Set<number>();
  for (const v of planned) {
    hasPlan.add(v.clientId);
    const c = s.clientSlot(v.clientId);
    if (v.date > sc.asOf || !sc.fires(c)) continue;
    out.push({
      key: `planned:${v.id}`, group: 'visits', kind: 'plannedVisit', clientId: v.clientId, clientName: s.cName[c], date: v.date, overdue: v.date < sc.asOf,
      purpose: v.purpose, rank: dayOfIso(v.date),
    });
  }
  const own = new Map(
    (db.sqlite.prepare(`SELECT client_id AS id, ideal_days AS ideal, max_days AS max FROM retention_cadence`).all() as { id: number; ideal: number; max: number }[]).map((r) => [r.id, r]),
  );
  const facts = clientFacts(db, s);
  const classes = classesBySlot(db, s, sc.asOf);
  const touch = lastTouchBySlot(db, s);
  for (let c = 0; c < s.clientCount; c++) {
    if (!sc.fires(c) || hasPlan.has(s.cId[c])) continue;
    const status = facts.status[c];
    if (status !== 'active' && status !== 'dormant') continue;
    const cadence = cadenceFor(CLASS_OF_CODE[classes[c]], own.get(s.cId[c]) ?? null, settings);
    const from = touch[c] >= 0 ? touch[c] : facts.created[c];
    const since = sc.asOfDay - from;
    const state = cadenceState(since, cadence);
    if (state === 'ok') continue;
    out.push({
      key: `visit:${s.cId[c]}:${isoOfDay(from)}`, group: 'visits', kind: 'visit', clientId: s.cId[c], clientName: s.cName[c], date: isoOfDay(from + cadence.ideal),
      overdue: true, cadence: { state, daysSince: touch[c] >= 0 ? since : null, ideal: cadence.ideal, max: cadence.max }, rank: from + cadence.ideal,
    });
  }
  return out;
}

/** Open tasks due today or before; a call-back a call created counts as a call. */
export function tasksDue(sc: Scope): Draft[] {
  const rows = sc.db.sqlite
    .prepare(`SELECT t.id, t.client_id AS clientId, t.contact_id AS contactId, t.title, t.due_date AS due, k.campaign_id AS campaignId, g.name AS campaignName
                FROM tasks t LEFT JOIN retention_calls k ON k.callback_task_id = t.id LEFT JOIN retention_campaigns g ON g.id = k.campaign_id
               WHERE t.done_at IS NULL AND t.archived_at IS NULL AND t.due_date <= ?`)
    .all(sc.asOf) as { id: number; clientId: number; contactId: number | null; title: string; due: string; campaignId: number | null; campaignName: string | null }[];
  const out: Draft[] = [];
  for (const r of rows) {
    const c = sc.s.clientSlot(r.clientId);
    // Tasks are the user's own: they are due whether or not the client was ever opened.
    if (c < 0 || sc.s.cArchived[c]) continue;
    const callback = r.campaignId !== null;
    out.push({
      key: `task:${r.id}`, group: callback ? 'calls' : 'tasks', kind: callback ? 'callback' : 'task', clientId: r.clientId, clientName: sc.s.cName[c], date: r.due,
      overdue: r.due < sc.asOf, title: r.title, contactId: r.contactId ?? undefined, ...(callback ? { campaignId: r.campaignId!, campaignName: r.campaignName! } : {}),
      rank: dayOfIso(r.due),
    });
  }
  return out;
}

/** Members of running campaigns (offer still open) not yet called, the most at stake first. */
export function campaignCalls(sc: Scope): Draft[] {
  const rows = sc.db.sqlite
    .prepare(`SELECT m.client_id AS clientId, g.id AS campaignId, g.name AS campaignName, g.news, g.start_date AS startDate, m.value_at_risk AS risk
                FROM retention_campaign_members m JOIN retention_campaigns g ON g.id = m.campaign_id
               WHERE g.archived_at IS NULL AND g.offer_until >= ? AND g.start_date <= ? AND m.arm = 'offer'
                 AND NOT EXISTS (SELECT 1 FROM retention_calls k WHERE k.campaign_id = g.id AND k.client_id = m.client_id)`)
    .all(sc.asOf, sc.asOf) as { clientId: number; campaignId: number; campaignName: string; news: string; startDate: string; risk: number }[];
  const out: Draft[] = [];
  for (const r of rows) {
    const c = sc.s.clientSlot(r.clientId);
    if (!sc.fires(c)) continue;
    out.push({
      key: `call:${r.campaignId}:${r.clientId}`, group: 'calls', kind: 'campaignCall', clientId: r.clientId, clientName: sc.s.cName[c], date: r.startDate,
      overdue: r.startDate < sc.asOf, campaignId: r.campaignId, campaignName: r.campaignName, news: r.news, rank: 1e12 - r.risk,
    });
  }
  return out;
}
