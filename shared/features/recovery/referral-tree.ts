import type { ReferralNode } from './types';

export interface ReferralEdge {
  referrerId: number;
  referredId: number;
  via: 'client' | 'recovery';
}

export interface NodeInfo {
  id: number;
  name: string;
  status: string;
  revenue12m: number;
  revenueTotal: number;
}

/**
 * Who referred whom as a forest. A client is placed once, under its first
 * referrer (the client record's own before a recovery referral); a pair found
 * in both sources is marked 'both'. Cycles (A referred B, B referred A) are
 * broken where they are met, so every client shows once.
 */
export function referralForest(edges: ReferralEdge[], info: Map<number, NodeInfo>): ReferralNode[] {
  const sorted = [...edges].sort((a, b) => (a.via === b.via ? 0 : a.via === 'client' ? -1 : 1));
  const parentOf = new Map<number, number>();
  const via = new Map<string, ReferralNode['via']>();
  for (const e of sorted) {
    if (e.referrerId === e.referredId || !info.has(e.referrerId) || !info.has(e.referredId)) continue;
    const k = `${e.referrerId}>${e.referredId}`;
    via.set(k, via.has(k) && via.get(k) !== e.via ? 'both' : e.via);
    if (!parentOf.has(e.referredId)) parentOf.set(e.referredId, e.referrerId);
  }
  const children = new Map<number, number[]>();
  for (const [child, parent] of parentOf) children.set(parent, [...(children.get(parent) ?? []), child]);
  const placed = new Set<number>();
  const build = (id: number, parent: number | null): ReferralNode => {
    placed.add(id);
    const n = info.get(id)!;
    const kids = (children.get(id) ?? []).filter((c) => !placed.has(c)).sort((a, b) => info.get(b)!.revenueTotal - info.get(a)!.revenueTotal || a - b);
    const built = kids.map((c) => build(c, id));
    return {
      ...n,
      broughtTotal: built.reduce((s, c) => s + c.revenueTotal + c.broughtTotal, 0),
      via: parent === null ? null : via.get(`${parent}>${id}`) ?? null,
      children: built,
    };
  };
  // Every client an edge names, so a referrer whose referral sits under an earlier one still shows.
  const involved = [...new Set(sorted.flatMap((e) => [e.referrerId, e.referredId]))].filter((id) => info.has(id)).sort((a, b) => a - b);
  const roots: ReferralNode[] = [];
  for (const id of involved) if (!parentOf.has(id) && !placed.has(id)) roots.push(build(id, null));
  // What is left sits on a cycle with no way in: start it at its lowest id.
  for (const id of involved) if (!placed.has(id)) roots.push(build(id, null));
  return roots.sort((a, b) => b.broughtTotal - a.broughtTotal || a.id - b.id);
}
