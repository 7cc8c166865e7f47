import { describe, expect, it } from 'vitest';
import { meanDifference, minimumDetectableEffect, newcombeDifference, seededSplit, verdictOf, wilson } from '../../../shared/features/retention/holdout';

describe('holdout statistics', () => {
  it('Wilson intervals as Newcombe (1998, single proportion) tabulates them', () => {
    const cases: [number, number, number, number][] = [
      [81, 263, 0.2553, 0.3662],
      [15, 148, 0.0624, 0.1605],
      [0, 20, 0, 0.1611],
      [1, 29, 0.0061, 0.1718],
    ];
    for (const [k, n, lo, hi] of cases) {
      const w = wilson(k, n);
      expect(w.lower, `${k}/${n}`).toBeCloseTo(lo, 4);
      expect(w.upper, `${k}/${n}`).toBeCloseTo(hi, 4);
    }
  });

  it('the difference of two rates: Newcombe (1998) method 10, his Table II examples', () => {
    const cases: [number, number, number, number, number, number][] = [
      [56, 70, 48, 80, 0.0524, 0.3339],
      [9, 10, 3, 10, 0.1705, 0.809],
      [6, 7, 2, 7, 0.0582, 0.8062],
      [5, 56, 0, 29, -0.0381, 0.1926],
      [0, 10, 0, 20, -0.1611, 0.2775],
      [10, 10, 0, 20, 0.6791, 1],
    ];
    for (const [k1, n1, k2, n2, lo, hi] of cases) {
      const d = newcombeDifference(k1, n1, k2, n2);
      expect(d.difference).toBeCloseTo(k1 / n1 - k2 / n2, 12);
      expect(d.lower, `${k1}/${n1} − ${k2}/${n2}`).toBeCloseTo(lo, 4);
      expect(d.upper, `${k1}/${n1} − ${k2}/${n2}`).toBeCloseTo(hi, 4);
    }
  });

  it('the minimum detectable effect: (1.96 + 0.84)·√(p(1−p)(1/n1 + 1/n2)), the worst case without a base rate', () => {
    // 50 and 50 clients at a 30% base rate: 25.7 points; 500 and 500: ten times the sample, √10 smaller.
    expect(minimumDetectableEffect(50, 50, 0.3)!).toBeCloseTo(2.8016 * Math.sqrt(0.21 * 0.04), 4);
    expect(minimumDetectableEffect(50, 50, 0.3)!).toBeCloseTo(0.2568, 3);
    expect(minimumDetectableEffect(500, 500, 0.3)! * Math.sqrt(10)).toBeCloseTo(minimumDetectableEffect(50, 50, 0.3)!, 10);
    expect(minimumDetectableEffect(50, 50, 0)).toBe(minimumDetectableEffect(50, 50, 0.5));
    expect(minimumDetectableEffect(0, 50, 0.3)).toBeNull();
  });

  it('Welch interval for revenue per client', () => {
    const d = meanDifference([10, 20, 30], [5, 5, 5, 5]);
    expect(d.difference).toBeCloseTo(15, 12);
    // se = √(100/3 + 0) = 5.7735
    expect(d.upper - d.difference).toBeCloseTo(1.959964 * Math.sqrt(100 / 3), 4);
  });

  it('verdicts in plain words: wait, too small, better, worse, unclear', () => {
    expect(verdictOf(false, 50, 50, { lower: 0.1, upper: 0.3 })).toBe('wait');
    expect(verdictOf(true, 5, 50, { lower: 0.1, upper: 0.3 })).toBe('tooSmall');
    expect(verdictOf(true, 50, 50, { lower: 0.01, upper: 0.3 })).toBe('better');
    expect(verdictOf(true, 50, 50, { lower: -0.3, upper: -0.01 })).toBe('worse');
    expect(verdictOf(true, 50, 50, { lower: -0.1, upper: 0.2 })).toBe('unclear');
  });

  it('splits a segment at random, the same way for the same seed whatever the order of the ids', () => {
    const ids = Array.from({ length: 100 }, (_, i) => i * 3 + 1);
    const a = seededSplit(ids, 0.5, 42);
    const b = seededSplit([...ids].reverse(), 0.5, 42);
    expect(a).toEqual(b);
    expect(a.control).toHaveLength(50);
    expect(new Set([...a.offer, ...a.control]).size).toBe(100);
    const c = seededSplit(ids, 0.5, 43);
    expect(c.control).not.toEqual(a.control);
    expect(seededSplit(ids, 0.2, 1).control).toHaveLength(20);
    expect(seededSplit(ids, 0, 1)).toEqual({ offer: ids, control: [] });
    // Not the first half: the draw mixes the segment.
    expect(a.control.filter((id) => id < 150).length).toBeGreaterThan(10);
    expect(a.control.filter((id) => id < 150).length).toBeLessThan(40);
  });
});
