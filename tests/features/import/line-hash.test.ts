import { describe, expect, it } from 'vitest';
import { FieldHash, HashCounter, HashSet } from '../../../electron/features/import/line-hash';

// Keys as the importer makes them, many more than the tables start with, so they grow several times on the way.
const keys = (n: number) => {
  const h = new FieldHash();
  return Array.from({ length: n }, (_, i) => h.start(1).text(`C${i % 997}`).text(`INV-${i}`).number(i * 0.5).value());
};

describe('line hash tables', () => {
  it('a set says "seen" exactly for keys added before, across growth', () => {
    const ks = keys(60_000);
    const set = new HashSet();
    const model = new Set<number>();
    for (const k of [...ks, ...ks.slice(0, 20_000)]) {
      expect(set.add(k)).toBe(model.has(k));
      model.add(k);
    }
    expect(model.size).toBe(60_000);
  });

  it('a counter counts every occurrence and gives each back once, across growth', () => {
    const ks = keys(30_000);
    const c = new HashCounter();
    for (const k of ks) expect(c.add(k)).toBe(0);
    for (const k of ks.slice(0, 10_000)) expect(c.add(k)).toBe(1);
    for (const k of ks.slice(0, 10_000)) expect(c.take(k)).toBe(true);
    for (const k of ks) expect(c.take(k)).toBe(true);
    for (const k of ks.slice(0, 100)) expect(c.take(k)).toBe(false);
    expect(c.take(keys(30_001)[30_000])).toBe(false);
  });
});
