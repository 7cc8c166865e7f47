import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { run } from '../../../electron/cli/index';
import type { Db } from '../../../electron/db/connection';
import { listClientRows } from '../../../electron/features/accounts/clients';
import { generateDemo } from '../../../electron/features/settings/demo/generate';
import type { ClientRow } from '../../../shared/features/accounts/types';
import { AS_OF, emptyDatabase, tempDir } from '../../helpers/db';

function fingerprint(db: Db): string {
  const h = createHash('sha256');
  for (const table of ['clients', 'contacts', 'purchases', 'interactions', 'tasks']) {
    const rows = db.sqlite.prepare(`SELECT * FROM ${table} ORDER BY id`).all() as Record<string, unknown>[];
    for (const r of rows) {
      delete r.created_at;
      delete r.updated_at;
      h.update(JSON.stringify(r));
    }
  }
  return h.digest('hex');
}

describe('demo data', () => {
  it('is the same for the same seed and different for another', () => {
    const a = emptyDatabase();
    const b = emptyDatabase();
    const c = emptyDatabase();
    generateDemo(a, { seed: 7, asOf: AS_OF });
    generateDemo(b, { seed: 7, asOf: AS_OF });
    generateDemo(c, { seed: 8, asOf: AS_OF });
    expect(fingerprint(a)).toBe(fingerprint(b));
    expect(fingerprint(a)).not.toBe(fingerprint(c));
  });

  it('looks like a real client base: Pareto spread, one client near 35%, quiet and lost clients, people with birthdays', () => {
    const db = emptyDatabase();
    const summary = generateDemo(db, { asOf: AS_OF });
    expect(summary).toMatchObject({ clients: 200, purchases: 10_000 });
    const rows = listClientRows(db, { asOf: AS_OF });
    const byRevenue = [...rows].sort((x, y) => y.revenue12m - x.revenue12m);
    expect(byRevenue[0].share12m).toBeGreaterThan(0.3);
    expect(byRevenue[0].share12m).toBeLessThan(0.4);
    const buyers = byRevenue.filter((r) => r.revenue12m > 0);
    const total = buyers.reduce((s, r) => s + r.revenue12m, 0);
    let cum = 0;
    const forEighty = buyers.findIndex((r) => (cum += r.revenue12m) >= 0.8 * total) + 1;
    expect(forEighty / buyers.length).toBeLessThan(0.3);
    expect(rows.filter((r) => r.status === 'lost').length).toBeGreaterThan(3);
    expect(rows.filter((r) => r.status === 'active' && (r.daysSinceLastPurchase ?? 0) > 100).length).toBeGreaterThan(5);
    const levels = db.sqlite.prepare('SELECT DISTINCT level FROM contacts').all().map((r) => (r as { level: string }).level);
    expect(levels.sort()).toEqual(['executive', 'finance', 'owner', 'purchasing', 'staff']);
    expect((db.sqlite.prepare('SELECT count(*) AS n FROM contacts WHERE birthday IS NULL').get() as { n: number }).n).toBe(0);
    expect((db.sqlite.prepare('SELECT count(*) AS n FROM purchases WHERE amount < 0').get() as { n: number }).n).toBeGreaterThan(0);
    expect(db.sqlite.pragma('foreign_key_check')).toEqual([]);
  });

  it('goes only into an empty database', () => {
    const db = emptyDatabase();
    generateDemo(db, { clients: 5, asOf: AS_OF });
    expect(() => generateDemo(db, { clients: 5, asOf: AS_OF })).toThrow(/empty database/);
  });

  it('hits the requested size exactly', () => {
    const db = emptyDatabase();
    expect(generateDemo(db, { clients: 300, purchases: 12_345, asOf: AS_OF })).toMatchObject({ clients: 300, purchases: 12_345 });
    expect((db.sqlite.prepare('SELECT count(*) AS n FROM purchases').get() as { n: number }).n).toBe(12_345);
  });
});

describe('command line', () => {
  it('makes a demo base and prints the grid rows as JSON', () => {
    const file = join(tempDir(), 'cli.db');
    const out: string[] = [];
    expect(run(['demo', '--db', file, '--clients', '30', '--purchases', '900', '--seed', '3', '--as-of', AS_OF], (s) => out.push(s))).toBe(0);
    expect(out.join('')).toContain('Generated 30 clients');
    out.length = 0;
    expect(run(['clients', '--db', file, '--json', '--as-of', AS_OF], (s) => out.push(s))).toBe(0);
    const rows = JSON.parse(out.join('')) as ClientRow[];
    expect(rows).toHaveLength(30);
    expect(rows.reduce((s, r) => s + r.share12m, 0)).toBeCloseTo(1, 9);
    expect(Object.keys(rows[0]).sort()).toEqual(['archived', 'code', 'country', 'daysSinceLastPurchase', 'department', 'firstPurchase', 'id', 'lastPurchase', 'manager', 'name', 'purchaseCount', 'revenue12m', 'share12m', 'status', 'type'].sort());
  });

  it('refuses bad arguments with a message', () => {
    expect(() => run(['demo', '--db', join(tempDir(), 'x.db'), '--clients', 'many'])).toThrow('--clients must be a whole number above 0, got "many"');
    expect(() => run(['clients', '--db', join(tempDir(), 'x.db'), '--as-of', '2026-02-30'])).toThrow('--as-of must be a date');
    expect(() => run(['clients'])).toThrow('--db FILE is required');
    expect(() => run(['explode', '--db', 'x'])).toThrow('Unknown command "explode"');
  });
});
