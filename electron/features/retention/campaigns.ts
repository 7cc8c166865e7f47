import type { z } from 'zod';
import { seededSplit } from '../../../shared/features/retention/holdout';
import type { callListInput, campaignCreate } from '../../../shared/features/retention/schemas';
import type { CallList, CallListRow, Campaign, Segment } from '../../../shared/features/retention/types';
import { packCallRows } from '../../../shared/features/retention/call-list';
import type { CallOutcome } from '../../../shared/features/retention/enums';
import type { Db } from '../../db/connection';
import { AppError, fieldError, notFound } from '../../errors';
import { classesBySlot, clientFacts } from './facts';
import { fileMark } from './marks';
import { dormancyRows, dormancyState, modelUsed, rowOf, todayIso } from './views';

/** A campaign as its row reads: the segment still JSON, archived as a date. */
type CampaignRow = Omit<Campaign, 'segment' | 'archived'> & { segment: string; archivedAt: string | null };

const SELECT = `SELECT c.id, c.name, c.reason, c.reason_text AS reasonText, c.news, c.offer, c.offer_until AS offerUntil, c.offer_why AS offerWhy,
                       c.reactivation_days AS reactivationDays, c.holdout_share AS holdoutShare, c.seed, c.start_date AS startDate, c.segment,
                       c.archived_at AS archivedAt,
                       (SELECT count(*) FROM retention_campaign_members m WHERE m.campaign_id = c.id) AS members,
                       (SELECT count(*) FROM retention_campaign_members m WHERE m.campaign_id = c.id AND m.arm = 'offer') AS offerMembers,
                       (SELECT count(DISTINCT k.client_id) FROM retention_calls k WHERE k.campaign_id = c.id) AS called
                  FROM retention_campaigns c`;

const decode = ({ archivedAt, segment, ...r }: CampaignRow): Campaign => ({ ...r, segment: JSON.parse(segment) as Segment, archived: archivedAt !== null });

export function listCampaigns(db: Db, includeArchived: boolean): Campaign[] {
  return (db.sqlite.prepare(`${SELECT} WHERE ? OR c.archived_at IS NULL ORDER BY c.id DESC`).all(includeArchived ? 1 : 0) as CampaignRow[]).map(decode);
}

export function getCampaign(db: Db, id: number): Campaign {
  const row = db.sqlite.prepare(`${SELECT} WHERE c.id = ?`).get(id) as CampaignRow | undefined;
  if (!row) throw notFound('retention:nouns.campaign', id);
  return decode(row);
}

/** A seed the user did not choose: from the name and the day, so the same campaign set up again splits the same way. */
function seedFrom(text: string): number {
  let h = 2166136261;
  for (const ch of text) h = Math.imul(h ^ ch.charCodeAt(0), 16777619) >>> 0;
  return (h % 2147483646) + 1;
}

/**
 * Starts a campaign: the clients of its segment are fixed now (ranked by
 * value at risk), and when it keeps a holdout, a seeded random share of them
 * goes to the control group, who are not called.
 */
export function createCampaign(db: Db, input: z.output<typeof campaignCreate>): { id: number; members: number; control: number } {
  const st = dormancyState(db, input.asOf);
  if (input.offerUntil < st.asOf) throw fieldError('offerUntil', 'retention:errors.offerEnded');
  const rows = dormancyRows(db, st, input.segment);
  if (rows.length === 0) throw fieldError('segment', 'retention:errors.emptySegment');
  const seed = input.seed ?? seedFrom(`${input.name}|${st.asOf}`);
  const { control } = seededSplit(rows.map((r) => r.id), input.holdoutShare, seed);
  const inControl = new Set(control);
  const id = Number(
    db.sqlite
      .prepare(`INSERT INTO retention_campaigns (name, reason, reason_text, news, offer, offer_until, offer_why, reactivation_days, holdout_share, seed, start_date, segment)
                VALUES (@name, @reason, @reasonText, @news, @offer, @offerUntil, @offerWhy, @reactivationDays, @holdoutShare, @seed, @startDate, @segment)`)
      .run({
        name: input.name, reason: input.reason, reasonText: input.reasonText, news: input.news, offer: input.offer, offerUntil: input.offerUntil,
        offerWhy: input.offerWhy, reactivationDays: input.reactivationDays, holdoutShare: input.holdoutShare, seed, startDate: st.asOf, segment: JSON.stringify(input.segment),
      }).lastInsertRowid,
  );
  const member = db.sqlite.prepare(`INSERT INTO retention_campaign_members (campaign_id, client_id, arm, value_at_risk) VALUES (?, ?, ?, ?)`);
  for (const r of rows) member.run(id, r.id, inControl.has(r.id) ? 'control' : 'offer', r.valueAtRisk);
  return { id, members: rows.length, control: control.length };
}

export function archiveCampaign(db: Db, id: number): { id: number } {
  getCampaign(db, id);
  db.sqlite.prepare(`UPDATE retention_campaigns SET archived_at = strftime('%Y-%m-%dT%H:%M:%fZ','now'), updated_at = strftime('%Y-%m-%dT%H:%M:%fZ','now') WHERE id = ?`).run(id);
  return { id };
}

/**
 * Whom to call: without a campaign, the dormant clients now; in a campaign,
 * its offer group (the control group is never on the list) with each
 * client's last call, whether or not it is still dormant.
 */
const callLists = new WeakMap<Db['sqlite'], { key: string; lists: Map<string, CallList> }>();

/**
 * The call list, answered again from memory while nothing in the file
 * changed and the day is the same: its rows and their packing take ≈300 ms
 * at 50,000 clients, each time Win-back or a call screen opens. A few
 * segments are kept (the list's filter, a call screen's campaign): each is
 * ≈5 MB packed at 50,000 clients.
 */
export function callList(db: Db, input: z.output<typeof callListInput>): CallList {
  const key = `${fileMark(db)}|${todayIso()}`;
  let memo = callLists.get(db.sqlite);
  if (memo?.key !== key) callLists.set(db.sqlite, (memo = { key, lists: new Map() }));
  const asked = JSON.stringify(input);
  let list = memo.lists.get(asked);
  if (!list) {
    if (memo.lists.size >= 4) memo.lists.clear();
    memo.lists.set(asked, (list = callListNow(db, input)));
  }
  return list;
}

function callListNow(db: Db, input: z.output<typeof callListInput>): CallList {
  const st = dormancyState(db, input.asOf);
  const filter = { managerId: input.managerId, abc: input.abc, typeId: input.typeId };
  if (!input.campaignId) {
    return { asOf: st.asOf, fit: st.fit, modelUsed: modelUsed(st), campaign: null, rows: packCallRows(dormancyRows(db, st, { ...filter, dormantOnly: true }).map((r) => ({ ...r, lastCall: null }))) };
  }
  const campaign = getCampaign(db, input.campaignId);
  const members = db.sqlite.prepare(`SELECT client_id AS id, value_at_risk AS risk FROM retention_campaign_members WHERE campaign_id = ? AND arm = 'offer'`).all(campaign.id) as { id: number; risk: number }[];
  const lastCalls = new Map(
    (db.sqlite
      .prepare(`SELECT client_id AS id, date, outcome FROM retention_calls WHERE campaign_id = ? ORDER BY date, id`)
      .all(campaign.id) as { id: number; date: string; outcome: CallOutcome }[]).map((c) => [c.id, { date: c.date, outcome: c.outcome }]),
  );
  const facts = clientFacts(db, st.s);
  const classes = classesBySlot(db, st.s, st.asOf);
  const managers = new Map(st.s.org.managers.map((m) => [m.id, m.name]));
  const rows: (CallListRow & { risk: number })[] = [];
  for (const m of members) {
    const c = st.s.clientSlot(m.id);
    if (c < 0 || st.s.cArchived[c]) continue;
    const row = rowOf(st, facts, classes, managers, c);
    if (filter.managerId && row.managerId !== filter.managerId) continue;
    if (filter.typeId && row.typeId !== filter.typeId) continue;
    if (filter.abc && row.abc !== filter.abc) continue;
    rows.push({ ...row, lastCall: lastCalls.get(m.id) ?? null, risk: m.risk });
  }
  // Not yet called first, then by the value at risk the campaign started with.
  rows.sort((a, b) => Number(a.lastCall !== null) - Number(b.lastCall !== null) || b.risk - a.risk || a.id - b.id);
  return { asOf: st.asOf, fit: st.fit, modelUsed: modelUsed(st), campaign, rows: packCallRows(rows.map(({ risk: _r, ...r }) => r)) };
}

/** A campaign's arm for a client; refuses a client the campaign does not call. */
export function armOf(db: Db, campaignId: number, clientId: number): 'offer' {
  const m = db.sqlite.prepare(`SELECT arm FROM retention_campaign_members WHERE campaign_id = ? AND client_id = ?`).get(campaignId, clientId) as { arm: string } | undefined;
  if (!m) throw new AppError('invalid_input', 'retention:errors.notInCampaign');
  if (m.arm === 'control') throw new AppError('conflict', 'retention:errors.controlGroup');
  return 'offer';
}
