import { describe, expect, it } from 'vitest';
import { referralForest, type NodeInfo } from '../../../shared/features/recovery/referral-tree';
import { emptyDatabase } from '../../helpers/db';
import { routerCalls } from '../../helpers/router';
import { clientWith, every } from './fixtures';

const AS_OF = '2026-06-30';

function typeIds(db: ReturnType<typeof emptyDatabase>) {
  const id = (key: string) => (db.sqlite.prepare(`SELECT id FROM client_types WHERE key = ?`).get(key) as { id: number }).id;
  const field = (typeId: number, label: string) => (db.sqlite.prepare(`SELECT key FROM client_type_fields WHERE type_id = ? AND label = ?`).get(typeId, label) as { key: string }).key;
  const retailer = id('retailer');
  return { retailer, manufacturer: id('manufacturer'), floor: field(retailer, 'Sales floor (m²)'), segment: field(retailer, 'Price segment'), brands: field(retailer, 'Brands stocked') };
}

describe('prospects that look like our best clients', () => {
  it('ranks prospects by type and portrait against the A clients, names what matches, and becomes a client in one step', async () => {
    const db = emptyDatabase();
    const { call } = routerCalls(db);
    const t = typeIds(db);
    // Three premium retailers of about 400 m² carry the revenue (the A clients); a small economy shop is C.
    for (const [name, floor] of [['Alfa', 400], ['Nord', 420], ['Sun', 380]] as const) {
      clientWith(db, name, every(7, '2025-07-05', '2026-06-27', 1000), { typeId: t.retailer, profile: { [t.floor]: floor, [t.segment]: 'Premium', [t.brands]: ['Bosch', 'Makita'] } });
    }
    clientWith(db, 'Corner', every(30, '2025-07-05', '2026-06-27', 10), { typeId: t.retailer, profile: { [t.floor]: 40, [t.segment]: 'Economy' } });
    const twin = await call('recovery.createProspect', { name: 'Twin Retail', typeId: t.retailer, source: 'trade_fair' });
    db.sqlite.prepare(`UPDATE clients SET profile = ? WHERE id = ?`).run(JSON.stringify({ [t.floor]: 400, [t.segment]: 'Premium', [t.brands]: ['bosch'] }), twin.id);
    const cheap = await call('recovery.createProspect', { name: 'Cheap Retail', typeId: t.retailer, source: 'directory' });
    db.sqlite.prepare(`UPDATE clients SET profile = ? WHERE id = ?`).run(JSON.stringify({ [t.floor]: 50, [t.segment]: 'Economy' }), cheap.id);
    await call('recovery.createProspect', { name: 'Bare Retail', typeId: t.retailer, source: 'own_research' });
    const maker = await call('recovery.createProspect', { name: 'Some Maker', typeId: t.manufacturer, source: 'own_research' });
    const unknown = await call('recovery.createProspect', { name: 'Unknown Co', source: 'referral', referredById: 1 });

    const r = await call('recovery.prospects', { asOf: AS_OF });
    expect(r.bestClients).toBe(3);
    expect(r.prospects.map((p: { name: string }) => p.name)).toEqual(['Twin Retail', 'Bare Retail', 'Cheap Retail', 'Some Maker', 'Unknown Co']);
    const [first, second, third] = r.prospects;
    // Type 1 + floor 1 + segment 1 + brands 1 over type and three comparable fields (the frequency select has no A values).
    expect(first.score).toBeCloseTo(1, 10);
    expect(first.matches).toEqual(['Sales floor (m²)', 'Price segment', 'Brands stocked']);
    // Both match on type only: 50 m² is more than four times off the A clients' 400, and Economy is not their segment.
    expect(second).toMatchObject({ score: 0.25, filled: 0, matches: [] });
    expect(third).toMatchObject({ score: 0.25, filled: 2, matches: [] });
    expect(r.prospects[3].score).toBe(0);
    expect(r.prospects[4]).toMatchObject({ score: 0, source: 'referral', referredBy: 'Alfa' });

    await call('recovery.convertProspect', { id: maker.id });
    expect(db.sqlite.prepare(`SELECT status, source FROM clients WHERE id = ?`).get(maker.id)).toEqual({ status: 'active', source: 'own_research' });
    expect((await call('recovery.prospects', { asOf: AS_OF })).prospects.map((p: { id: number }) => p.id)).not.toContain(maker.id);
    expect(unknown.id).toBeGreaterThan(0);
  });
});

describe('the referral tree', () => {
  const info = new Map<number, NodeInfo>([1, 2, 3, 4, 5, 6].map((id) => [id, { id, name: `C${id}`, status: 'active', revenue12m: id * 10, revenueTotal: id * 100 }]));

  it('places each client once under its referrer, marks a pair named by both sources, adds up what each branch brought, and breaks cycles', () => {
    const roots = referralForest([
      { referrerId: 1, referredId: 2, via: 'client' },
      { referrerId: 2, referredId: 3, via: 'recovery' },
      { referrerId: 1, referredId: 2, via: 'recovery' },
      // A second referrer for 3 from a recovery case: the client record's own wins, 3 shows once.
      { referrerId: 4, referredId: 3, via: 'recovery' },
      { referrerId: 5, referredId: 6, via: 'client' },
      { referrerId: 6, referredId: 5, via: 'client' },
    ], info);
    // Ordered by what each tree brought: 6 (600) under 5, then 2 and 3 (200 + 300) under 1.
    expect(roots.map((r) => r.id)).toEqual([5, 1, 4]);
    const [five, one, four] = roots;
    expect(one.children.map((c) => [c.id, c.via])).toEqual([[2, 'both']]);
    expect(one.children[0].children.map((c) => [c.id, c.via])).toEqual([[3, 'recovery']]);
    expect(one.broughtTotal).toBe(200 + 300);
    expect(five.children.map((c) => c.id)).toEqual([6]);
    expect(five.children[0].children).toEqual([]);
    expect(four).toMatchObject({ children: [], broughtTotal: 0 });
  });
});
