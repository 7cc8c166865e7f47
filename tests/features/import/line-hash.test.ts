import { describe, expect, it } from 'vitest';
import { FieldHash, HashCounter, HashSet } from '../../../electron/features/import/line-hash';

// Keys as the importer makes them, many more than the tables start with, so they grow several times on the way.
const keys = (n: number): [number, number][] => {
  const h = new FieldHash();
  return Array.from({ length: n }, (_, i) => {
    const k = h.start(1).text(`C${i % 997}`).text(`INV-${i}`).number(i * 0.5).finish();
    return [k.hi, k.lo];
  });
};
const id = ([hi, lo]: [number, number]) => `${hi}:${lo}`;

describe('line hash tables', () => {
  it('gives every key two words, never both zero, the same for the same fields and apart for fields that differ', () => {
    const h = new FieldHash();
    const k = (s: string, n: number) => {
      const r = h.start(2).text(s).number(n).finish();
      return [r.hi, r.lo];
    };
    expect(k('a', 1)).toEqual(k('a', 1));
    expect(k('a', 0)).toEqual(k('a', -0));
    expect(k('a', 1)).not.toEqual(k('a', 2));
    expect(k('ab', 1)).not.toEqual(k('a', 1));
    const all = keys(50_000);
    expect(all.every(([hi, lo]) => hi !== 0 || lo !== 0)).toBe(true);
    expect(new Set(all.map(id)).size).toBe(50_000);
    // Both words carry the key: the high words alone tell almost every key apart.
    expect(new Set(all.map(([hi]) => hi)).size).toBeGreaterThan(49_990);
  });

  it('a set says "seen" exactly for keys added before, across growth', () => {
    const ks = keys(60_000);
    const set = new HashSet();
    const model = new Set<string>();
    for (const k of [...ks, ...ks.slice(0, 20_000)]) {
      expect(set.add(...k)).toBe(model.has(id(k)));
      model.add(id(k));
    }
    expect(model.size).toBe(60_000);
  });

  it('a set sized for its keys keeps apart keys that share their low 32 bits, and wraps round its end', () => {
    const set = new HashSet(5000);
    // Same slot for every key (same low word), different high words: each is its own key, found by probing on.
    const same = Array.from({ length: 3000 }, (_, i) => [i + 1, 8000] as const);
    for (const k of same) expect(set.add(...k)).toBe(false);
    for (const k of same) expect(set.add(...k)).toBe(true);
    expect(set.add(0, 8000)).toBe(false);
    expect(set.add(0xffffffff, 0xffffffff)).toBe(false);
    expect(set.add(0xffffffff, 0xffffffff)).toBe(true);
    // The same 53 low bits, apart only above them: two keys, where a number-sized key would have made them one.
    expect(set.add(0x00200000, 77)).toBe(false);
    expect(set.add(0x00400000, 77)).toBe(false);
  });

  it('a counter counts every occurrence and gives each back once, across growth', () => {
    const ks = keys(30_000);
    const c = new HashCounter();
    for (const k of ks) expect(c.add(...k)).toBe(0);
    for (const k of ks.slice(0, 10_000)) expect(c.add(...k)).toBe(1);
    for (const k of ks.slice(0, 10_000)) expect(c.take(...k)).toBe(true);
    for (const k of ks) expect(c.take(...k)).toBe(true);
    for (const k of ks.slice(0, 100)) expect(c.take(...k)).toBe(false);
    expect(c.take(...keys(30_001)[30_000])).toBe(false);
  });
});
