import { describe, expect, it } from 'vitest';
import { COMPACT_FROM_KEYS, COMPACT_MIN_SLOTS, CompactHashSet, LineSet } from '../../../electron/features/import/line-set';

// murmur3's finaliser is a bijection on 32 bits: keys (spread(i ^ s), spread(i)) are distinct for distinct i.
const spread = (x: number) => {
  let h = x >>> 0;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
};
const SEED = 0x9e3779b9;
const key = (i: number): [number, number] => [spread(i ^ SEED), spread(i)];

describe('compact set of line keys', () => {
  it('says "seen" exactly for keys added before, across growth, edge keys included', () => {
    const set = new CompactHashSet(0);
    // hi words at both ends of the range and either side of a 1,024 step: the home and the stored bits must both count.
    const his = [0, 1, 1023, 1024, 1025, 0x7fffffff, 0x80000000, 0xfffffbff, 0xfffffc00];
    for (let k = 0; k < 200; k++) his.push(0xffffffff - k);
    const edges = his.flatMap((hi) => [[hi, 7], [hi, 8]] as [number, number][]);
    for (const e of edges) expect(set.add(...e)).toBe(false);
    for (const e of edges) expect(set.add(...e)).toBe(true);
    const n = Math.ceil(COMPACT_MIN_SLOTS * 0.93);
    let wrong = 0;
    for (let i = 0; i < n; i++) if (set.add(...key(i))) wrong++;
    expect(wrong).toBe(0);
    expect(set.capacity).toBeGreaterThan(COMPACT_MIN_SLOTS);
    for (let i = 0; i < n; i += 7) if (!set.add(...key(i))) wrong++;
    for (const e of edges) if (!set.add(...e)) wrong++;
    expect(wrong).toBe(0);
    for (let i = n; i < n + 10_000; i++) if (set.add(...key(i))) wrong++;
    expect(wrong).toBe(0);
    expect(set.size).toBe(n + 10_000 + edges.length);
  });

  it('keys made to share one home are still told apart, and the table does not grow for them', () => {
    const set = new CompactHashSet(0);
    for (let i = 0; i < 5000; i++) expect(set.add(12345, spread(i))).toBe(false);
    for (let i = 0; i < 5000; i++) expect(set.add(12345, spread(i))).toBe(true);
    for (let i = 0; i < 5000; i++) expect(set.add(12345 + 1024, spread(i))).toBe(false);
    expect(set.size).toBe(10_000);
    expect(set.capacity).toBe(COMPACT_MIN_SLOTS);
  });

  it('a key carried too far from home by a newcomer is kept whole, not lost', () => {
    const set = new CompactHashSet(0);
    // At 2²² slots a home is hi's top 22 bits: these keys' homes are 500 and 501.
    const later = Array.from({ length: 63 }, (_, i): [number, number] => [501 * 1024 + (i % 1024), spread(i)]);
    const first = Array.from({ length: 63 }, (_, i): [number, number] => [500 * 1024, spread(i)]);
    for (const k of [...later, ...first]) expect(set.add(...k)).toBe(false);
    for (const k of [...later, ...first]) expect(set.add(...k)).toBe(true);
    expect(set.size).toBe(126);
  });

  it('a line set keeps what it saw when it moves to the compact table', () => {
    const set = new LineSet();
    const n = COMPACT_FROM_KEYS + 50_000;
    let wrong = 0;
    for (let i = 0; i < n; i++) if (set.add(...key(i))) wrong++;
    for (let i = 0; i < n; i += 5) if (!set.add(...key(i))) wrong++;
    expect(wrong).toBe(0);
  });
});
