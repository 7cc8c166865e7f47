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

  it('a set sized for its keys keeps apart keys that share their low 32 bits, and wraps round its end', () => {
    const set = new HashSet(5000);
    // Same slot for every key (same low bits), different numbers: each is its own key, found by probing on.
    const same = Array.from({ length: 3000 }, (_, i) => 2 ** 32 * (i + 1) + 8000);
    for (const k of same) expect(set.add(k)).toBe(false);
    for (const k of same) expect(set.add(k)).toBe(true);
    expect(set.add(8000)).toBe(false);
    expect(set.add(2 ** 53 - 1)).toBe(false);
    expect(set.add(2 ** 53 - 1)).toBe(true);
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
