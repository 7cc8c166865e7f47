import { describe, expect, it } from 'vitest';
import { addYearsIso, dayOfIso, dayOfYmd, isoOfDay } from '../../../shared/features/retention/days';
import { dormantReasons, overdueDays, riskShare } from '../../../shared/features/retention/dormancy';
import { ageOn, cadenceFor, cadenceState, isSeasonal, nextBirthday } from '../../../shared/features/retention/reminders';
import { rhythmDays, rhythmOfRange } from '../../../shared/features/retention/rhythm';
import { DEFAULT_RETENTION_SETTINGS } from '../../../shared/features/retention/settings';
import { cashbackCredit, discountedPrice, pointsEarned } from '../../../shared/features/retention/loyalty';

describe('rhythm and overdue on hand-made histories', () => {
  it('the median gap between occasions, once there are enough of them', () => {
    // Gaps 10, 30, 20: median 20.
    expect(rhythmDays([0, 10, 40, 60])).toBe(20);
    // Gaps 7, 7, 30, 9: median of an even count is the mean of the middle two.
    expect(rhythmDays([0, 7, 14, 44, 53])).toBe(8);
    expect(rhythmDays([0, 30])).toBeNull();
    expect(rhythmDays([0, 30], 2)).toBe(30);
    const days = Float64Array.from([100, 107, 114, 144, 153]);
    expect(rhythmOfRange(days, 0, 5, 3, new Float64Array(5))).toBe(8);
    expect(rhythmOfRange(days, 1, 3, 3, new Float64Array(5))).toBeNull();
  });

  it('overdue days and the dormant rule: more than twice its gap, or P(alive) below 0.5', () => {
    const rule = DEFAULT_RETENTION_SETTINGS;
    expect(overdueDays(23, 71)).toBe(48);
    expect(overdueDays(23, 10)).toBe(0);
    expect(overdueDays(null, 71)).toBeNull();
    expect(dormantReasons({ rhythmDays: 23, daysSince: 71, pAlive: 0.31 }, rule)).toEqual(['gap', 'pAlive']);
    // Exactly twice the gap is not yet more than twice.
    expect(dormantReasons({ rhythmDays: 23, daysSince: 46, pAlive: 0.9 }, rule)).toEqual([]);
    expect(dormantReasons({ rhythmDays: 23, daysSince: 47, pAlive: null }, rule)).toEqual(['gap']);
    expect(dormantReasons({ rhythmDays: null, daysSince: 400, pAlive: 0.2 }, rule)).toEqual(['pAlive']);
    expect(dormantReasons({ rhythmDays: null, daysSince: 400, pAlive: 0.2 }, { ...rule, pAliveBelow: 0 })).toEqual([]);
    expect(riskShare({ rhythmDays: 10, daysSince: 40, pAlive: 0.31 })).toBeCloseTo(0.69, 12);
    expect(riskShare({ rhythmDays: 10, daysSince: 40, pAlive: null })).toBeCloseTo(0.75, 12);
    expect(riskShare({ rhythmDays: 10, daysSince: 5, pAlive: null })).toBe(0);
  });
});

describe('days, birthdays, anniversaries, cadence', () => {
  it('day numbers from YYYYMMDD agree with the calendar, across leap years and 1970', () => {
    for (const iso of ['1970-01-01', '1969-12-31', '2000-02-29', '2024-03-01', '1997-09-30', '2100-03-01']) {
      expect(isoOfDay(dayOfIso(iso))).toBe(iso);
      expect(dayOfYmd(Number(iso.replaceAll('-', '')))).toBe(Date.parse(`${iso}T00:00:00Z`) / 86_400_000);
    }
    expect(addYearsIso('2024-02-29', 1)).toBe('2025-02-28');
    expect(addYearsIso('2024-02-29', 4)).toBe('2028-02-29');
  });

  it('birthdays within the days ahead, today included, with or without the year, 29 February kept', () => {
    expect(nextBirthday('1980-07-03', '2026-06-30', 7)).toBe('2026-07-03');
    expect(nextBirthday('--06-30', '2026-06-30', 7)).toBe('2026-06-30');
    expect(nextBirthday('--07-07', '2026-06-30', 7)).toBe('2026-07-07');
    expect(nextBirthday('--07-08', '2026-06-30', 7)).toBeNull();
    expect(nextBirthday('1975-06-29', '2026-06-30', 7)).toBeNull();
    expect(nextBirthday('--01-02', '2026-12-28', 7)).toBe('2027-01-02');
    expect(nextBirthday('1988-02-29', '2027-02-25', 7)).toBe('2027-02-28');
    expect(nextBirthday('1988-02-29', '2028-02-25', 7)).toBe('2028-02-29');
    expect(nextBirthday('not a date', '2026-06-30', 7)).toBeNull();
    expect(ageOn('1980-07-03', '2026-07-03')).toBe(46);
    expect(ageOn('--07-03', '2026-07-03')).toBeNull();
  });

  it('seasonal words match product names whatever the case and accents', () => {
    expect(isSeasonal('Bouquet de ROSES', ['roses'])).toBe(true);
    expect(isSeasonal('Karácsonyi díszek', ['karacsonyi'])).toBe(true);
    expect(isSeasonal('Drill', ['roses'])).toBe(false);
    expect(isSeasonal('Drill', [])).toBe(false);
  });

  it('visit cadence: the class default or the client\'s own; yellow past the ideal, red past the maximum', () => {
    const c = cadenceFor('A', null, DEFAULT_RETENTION_SETTINGS);
    expect(c).toEqual({ ideal: 30, max: 45 });
    expect(cadenceFor(null, null, DEFAULT_RETENTION_SETTINGS)).toEqual({ ideal: 365, max: 450 });
    expect(cadenceFor('A', { ideal: 7, max: 14 }, DEFAULT_RETENTION_SETTINGS)).toEqual({ ideal: 7, max: 14 });
    expect(cadenceState(30, c)).toBe('ok');
    expect(cadenceState(31, c)).toBe('yellow');
    expect(cadenceState(45, c)).toBe('yellow');
    expect(cadenceState(46, c)).toBe('red');
  });

  it('loyalty arithmetic: 5% cashback of 5,000 credits 250', () => {
    expect(cashbackCredit(5000, 5)).toBe(250);
    expect(discountedPrice(5000, 20)).toBe(4000);
    expect(pointsEarned(5000, 0.1)).toBe(500);
    expect(pointsEarned(99.99, 1)).toBe(99);
  });
});
