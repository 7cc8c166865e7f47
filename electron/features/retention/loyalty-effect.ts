import { dayOfIso, isoOfDay } from '../../../shared/features/retention/days';
import type { ProgrammeEffect, WindowFigures } from '../../../shared/features/retention/types';
import type { Db } from '../../db/connection';
import { classesBySlot, storeOf } from './facts';
import { historyOf, lastEntryOnOrBefore, type History } from './history';
import { getProgramme } from './loyalty';
import { todayIso } from './views';

/** Occasions and net revenue of slot c in [from, to]. */
function inWindow(h: History, c: number, from: number, to: number): { occasions: number; revenue: number } {
  let occasions = 0;
  let revenue = 0;
  for (let e = lastEntryOnOrBefore(h, c, from - 1) + 1; e < h.start[c + 1] && h.day[e] <= to; e++) {
    revenue += h.revenue[e];
    occasions += h.occasion[e];
  }
  return { occasions, revenue };
}

class Tally {
  clients = 0;
  repeaters = 0;
  revenue = 0;
  add(w: { occasions: number; revenue: number }, weight = 1) {
    this.clients += weight;
    if (w.occasions >= 2) this.repeaters += weight;
    this.revenue += w.revenue * weight;
  }
  figures(): WindowFigures {
    return { clients: Math.round(this.clients), repeatRate: this.clients ? this.repeaters / this.clients : 0, revenuePerClient: this.clients ? this.revenue / this.clients : 0 };
  }
}

/**
 * Does the programme work? Members' repeat rate (two or more purchase days in
 * the window) and revenue per client in the window before joining and the
 * window after, against comparable non-members over the same windows:
 * clients of the same ABC class at the joining month who were buying in the
 * year before. The
 * non-members' windows are placed at the first of each member's joining
 * month, so a base of 50,000 is walked once per class and month, not once
 * per member. Members who joined less than a window ago are not measured yet.
 */
export function programmeEffect(db: Db, input: { programmeId: number; asOf?: string; windowDays: number }): ProgrammeEffect {
  getProgramme(db, input.programmeId);
  const asOf = input.asOf ?? todayIso();
  const asOfDay = dayOfIso(asOf);
  const W = input.windowDays;
  const s = storeOf(db);
  const h = historyOf(s);
  // Comparable means alike before joining: the class each client had at the first of the joining month.
  const classesAt = new Map<number, Uint8Array>();
  const classesOn = (day: number) => {
    let c = classesAt.get(day);
    if (!c) classesAt.set(day, (c = classesBySlot(db, s, isoOfDay(day)).slice()));
    return c;
  };
  const members = db.sqlite
    .prepare(`SELECT client_id AS clientId, start_date AS startDate FROM retention_memberships WHERE programme_id = ? AND archived_at IS NULL`)
    .all(input.programmeId) as { clientId: number; startDate: string }[];
  const memberSlots = new Set(members.map((m) => s.clientSlot(m.clientId)));
  const joinedBefore = new Tally();
  const joinedAfter = new Tally();
  const groups = new Map<string, { cls: number; day: number; n: number }>();
  let measured = 0;
  for (const m of members) {
    const c = s.clientSlot(m.clientId);
    const start = dayOfIso(m.startDate);
    if (c < 0 || start + W > asOfDay) continue;
    measured++;
    joinedBefore.add(inWindow(h, c, start - W, start - 1));
    joinedAfter.add(inWindow(h, c, start, start + W - 1));
    const monthStart = dayOfIso(`${m.startDate.slice(0, 8)}01`);
    const cls = classesOn(monthStart)[c];
    const key = `${cls}:${monthStart}`;
    const g = groups.get(key) ?? { cls, day: monthStart, n: 0 };
    g.n++;
    groups.set(key, g);
  }
  const othersBefore = new Tally();
  const othersAfter = new Tally();
  for (const g of groups.values()) {
    const pre = new Tally();
    const post = new Tally();
    const classes = classesOn(g.day);
    for (let c = 0; c < s.clientCount; c++) {
      if (classes[c] !== g.cls || memberSlots.has(c) || s.cArchived[c]) continue;
      if (inWindow(h, c, g.day - 365, g.day - 1).occasions === 0) continue;
      pre.add(inWindow(h, c, g.day - W, g.day - 1));
      post.add(inWindow(h, c, g.day, g.day + W - 1));
    }
    if (pre.clients === 0) continue;
    // Each month's comparison counts as much as the members who joined that month.
    const f = g.n / pre.clients;
    othersBefore.clients += g.n;
    othersBefore.repeaters += pre.repeaters * f;
    othersBefore.revenue += pre.revenue * f;
    othersAfter.clients += g.n;
    othersAfter.repeaters += post.repeaters * f;
    othersAfter.revenue += post.revenue * f;
  }
  const joined = { before: joinedBefore.figures(), after: joinedAfter.figures() };
  const others = { before: othersBefore.figures(), after: othersAfter.figures() };
  return {
    programmeId: input.programmeId,
    asOf,
    windowDays: W,
    members: members.length,
    measured,
    joined,
    others,
    revenueLift: joined.after.revenuePerClient - joined.before.revenuePerClient - (others.after.revenuePerClient - others.before.revenuePerClient),
    repeatLift: joined.after.repeatRate - joined.before.repeatRate - (others.after.repeatRate - others.before.repeatRate),
  };
}
