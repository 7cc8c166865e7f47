import { lastTwelveMonths } from '../../../shared/features/analytics';
import { referralForest, type NodeInfo, type ReferralEdge } from '../../../shared/features/recovery/referral-tree';
import type { Referral, ReferralsResult, ReferrerRow } from '../../../shared/features/recovery/types';
import { toIsoDate } from '../../../shared/kernel/dates';
import type { Db } from '../../db/connection';

interface EdgeRow {
  via: 'client' | 'recovery';
  id: number | null;
  caseId: number | null;
  referrerId: number;
  referredId: number;
  contactName: string | null;
  note: string | null;
  createdAt: string;
}

/**
 * Who referred whom, from the client records' "referred by" and from the
 * referrals recorded on recovery cases, with the revenue the referred clients
 * brought (over the twelve months up to `asOf`, and in all).
 */
export function referralsReport(db: Db, opts: { asOf?: string } = {}): ReferralsResult {
  const asOf = opts.asOf ?? toIsoDate(new Date());
  const edges = db.sqlite
    .prepare(`SELECT 'client' AS via, NULL AS id, NULL AS caseId, c.referred_by_id AS referrerId, c.id AS referredId, NULL AS contactName, NULL AS note, c.created_at AS createdAt
                FROM clients c JOIN clients r ON r.id = c.referred_by_id
               WHERE c.referred_by_id IS NOT NULL AND c.archived_at IS NULL AND r.archived_at IS NULL
              UNION ALL
              SELECT 'recovery', rr.id, rr.case_id, rr.referrer_id, rr.referred_id, rr.contact_name, rr.note, rr.created_at
                FROM recovery_referrals rr JOIN clients a ON a.id = rr.referrer_id JOIN clients b ON b.id = rr.referred_id
               WHERE rr.archived_at IS NULL AND a.archived_at IS NULL AND b.archived_at IS NULL`)
    .all() as EdgeRow[];
  const ids = [...new Set(edges.flatMap((e) => [e.referrerId, e.referredId]))];
  const from = lastTwelveMonths(asOf).from;
  const info = new Map(
    (db.sqlite
      .prepare(`SELECT c.id, c.name, c.status,
                       COALESCE((SELECT SUM(p.amount) FROM purchases p WHERE p.client_id = c.id AND p.archived_at IS NULL AND p.date >= @from AND p.date <= @to), 0) AS revenue12m,
                       COALESCE((SELECT SUM(p.amount) FROM purchases p WHERE p.client_id = c.id AND p.archived_at IS NULL AND p.date <= @to), 0) AS revenueTotal
                  FROM clients c WHERE c.id IN (SELECT value FROM json_each(@ids))`)
      .all({ ids: JSON.stringify(ids), from, to: asOf }) as NodeInfo[]).map((n) => [n.id, { ...n, revenue12m: round(n.revenue12m), revenueTotal: round(n.revenueTotal) }]),
  );

  const referrals: Referral[] = edges.map((e) => ({
    key: e.via === 'client' ? `c${e.referredId}` : `r${e.id}`,
    via: e.via,
    id: e.id,
    caseId: e.caseId,
    referrerId: e.referrerId,
    referrerName: info.get(e.referrerId)!.name,
    referredId: e.referredId,
    referredName: info.get(e.referredId)!.name,
    referredStatus: info.get(e.referredId)!.status,
    contactName: e.contactName,
    note: e.note,
    createdAt: e.createdAt,
    referredRevenue12m: info.get(e.referredId)!.revenue12m,
  }));

  // Each referred client counts once per referrer, even when both sources name the pair.
  const pairs = new Map<number, Set<number>>();
  for (const e of edges) pairs.set(e.referrerId, (pairs.get(e.referrerId) ?? new Set()).add(e.referredId));
  const referrers: ReferrerRow[] = [...pairs].map(([id, referred]) => {
    const n = info.get(id)!;
    const list = [...referred].map((r) => info.get(r)!);
    return {
      id, name: n.name, status: n.status, referred: list.length,
      referredRevenue12m: round(list.reduce((s, r) => s + r.revenue12m, 0)),
      referredRevenueTotal: round(list.reduce((s, r) => s + r.revenueTotal, 0)),
    };
  }).sort((a, b) => b.referredRevenueTotal - a.referredRevenueTotal || a.id - b.id);

  const referred = [...new Set(edges.map((e) => e.referredId))].map((id) => info.get(id)!);
  return {
    roots: referralForest(edges.map((e): ReferralEdge => ({ referrerId: e.referrerId, referredId: e.referredId, via: e.via })), info),
    referrers,
    referrals,
    revenue12m: round(referred.reduce((s, r) => s + r.revenue12m, 0)),
    revenueTotal: round(referred.reduce((s, r) => s + r.revenueTotal, 0)),
  };
}

const round = (n: number) => Math.round(n * 100) / 100;
