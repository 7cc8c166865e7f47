import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { run } from '../../../electron/cli/index';
import { analyticsReport } from '../../../electron/features/analytics';
import { openDatabase } from '../../../electron/db/migrate';
import { findMigrationsFolder } from '../../../electron/db/migrations-path';
import { findCandidates } from '../../../electron/features/recovery/candidates';
import { judgeHistory, dayNumber } from '../../../shared/features/recovery/candidates';
import { DEFAULT_RECOVERY_SETTINGS } from '../../../shared/features/recovery/settings';
import { emptyDatabase, tempDir } from '../../helpers/db';
import { routerCalls } from '../../helpers/router';
import { clientWith, every } from './fixtures';

const AS_OF = '2026-06-30';

/**
 * Known histories as of 2026-06-30: a key account that stopped at the end of
 * March (fortnightly buyer), one that halved in January (weekly buyer), one
 * that buys once a year in the summer and has not come yet, a steady one, and
 * a small client that stopped (never a key account or A client).
 */
function fixture(file?: string) {
  const db = file ? openDatabase(file, findMigrationsFolder()) : emptyDatabase();
  const ids = {
    steady: clientWith(db, 'Steady Wholesale', every(7, '2024-07-03', '2026-06-27', 1000), { code: 'ST' }),
    halver: clientWith(db, 'Halving Hardware', every(7, '2024-06-30', '2026-06-28', (d) => (d < '2026-01-01' ? 1000 : 400)), { code: 'HA' }),
    stopper: clientWith(db, 'Stopped Supplies', every(14, '2024-07-09', '2026-03-31', 1000), { code: 'SP' }),
    seasonal: clientWith(db, 'Seasonal Gardens', [['2023-06-20', 50_000], ['2024-06-20', 50_000], ['2025-06-20', 50_000]], { code: 'SE' }),
    small: clientWith(db, 'Small Corner Shop', every(10, '2025-01-01', '2025-12-31', 15), { code: 'SM' }),
  };
  return { db, ids };
}

describe('recovery candidates on known histories', () => {
  it('proposes the key account that stopped and the one that halved, with the figures behind each; never the seasonal or the small client', () => {
    const { db, ids } = fixture();
    const r = findCandidates(db, { asOf: AS_OF });
    expect(r.window).toEqual({ recentFrom: '2026-04-02', recentTo: '2026-06-30', beforeFrom: '2025-04-02', beforeTo: '2025-06-30' });
    expect(r.candidates.map((c) => c.clientId).sort()).toEqual([ids.halver, ids.stopper].sort());

    const stopper = r.candidates.find((c) => c.clientId === ids.stopper)!;
    expect(stopper).toMatchObject({ code: 'SP', reasons: ['overdue', 'fell'], lastPurchase: '2026-03-31', daysSinceLastPurchase: 91, rhythmDays: 14, overdueAfterDays: 28, revenueRecent: 0, key: true });
    // 2025-04-02 … 2025-06-30 holds the fortnightly purchases 2025-04-15, 04-29, 05-13, 05-27, 06-10 and 06-24.
    expect(stopper.revenueYearBefore).toBe(6000);
    expect(stopper.change).toBe(-1);
    expect(stopper.trend).toHaveLength(24);
    expect(stopper.trend.at(-1)).toEqual({ month: '2026-06', revenue: 0 });

    const halver = r.candidates.find((c) => c.clientId === ids.halver)!;
    expect(halver.reasons).toEqual(['fell']);
    expect(halver.rhythmDays).toBe(7);
    expect(halver.daysSinceLastPurchase).toBe(2);
    // Weekly from 2026-04-05 to 2026-06-28 (13 × 400) against 2025-04-06 … 2025-06-29 (13 × 1000).
    expect(halver.revenueRecent).toBe(5200);
    expect(halver.revenueYearBefore).toBe(13_000);
    expect(halver.change).toBeCloseTo(-0.6, 10);
    expect(halver.abc).toBe('A');
    // The seasonal client was watched (an A client of the twelve months before) and judged, not overlooked.
    const before = analyticsReport(db, { from: '2024-07-01', to: '2025-06-30', scope: { kind: 'company' } });
    expect(before.rows.find((x) => x.id === ids.seasonal)?.abc).toBe('A');
    expect(before.rows.find((x) => x.id === ids.small)?.abc).toBe('C');
  });

  it('a seasonal client is judged by its rhythm alone: its missing summer order is not a fall, and it is overdue only past twice its year', () => {
    const s = DEFAULT_RECOVERY_SETTINGS;
    const days = ['2023-06-20', '2024-06-20', '2025-06-20'].map(dayNumber);
    const notYet = judgeHistory({ days, asOfDay: dayNumber(AS_OF), revenueRecent: 0, revenueYearBefore: 50_000 }, s);
    expect(notYet).toMatchObject({ reasons: [], rhythmDays: 365.5, overdueAfterDays: 731, daysSinceLastPurchase: 375, change: -1 });
    const twoYearsLater = judgeHistory({ days, asOfDay: dayNumber('2027-06-30'), revenueRecent: 0, revenueYearBefore: 0 }, s);
    expect(twoYearsLater.reasons).toEqual(['overdue']);
    // Exactly twice the rhythm is not "more than twice".
    expect(judgeHistory({ days: [0, 10, 20], asOfDay: 40, revenueRecent: 0, revenueYearBefore: 0 }, s).reasons).toEqual([]);
    expect(judgeHistory({ days: [0, 10, 20], asOfDay: 41, revenueRecent: 0, revenueYearBefore: 0 }, s).reasons).toEqual(['overdue']);
  });

  it('thresholds come from the settings, and a client already lost or with a case is not proposed again', async () => {
    const { db, ids } = fixture();
    const { call } = routerCalls(db);
    await call('recovery.saveSettings', { ...DEFAULT_RECOVERY_SETTINGS, fallShare: 0.7 });
    // Down 60% is no longer "more than 70%".
    expect((await call('recovery.candidates', { asOf: AS_OF })).candidates.map((c: { clientId: number }) => c.clientId)).toEqual([ids.stopper]);
    await call('recovery.markLost', { clientId: ids.stopper, lostOn: '2026-06-15', proposedAs: 'overdue' });
    expect((await call('recovery.candidates', { asOf: AS_OF })).candidates).toEqual([]);
  });

  it('rapport recovery candidates --json: one row per candidate with code, name, reason and the figures', async () => {
    const file = join(tempDir(), 'c.db');
    const { db } = fixture(file);
    db.sqlite.close();
    const out: string[] = [];
    expect(await run(['recovery', 'candidates', '--db', file, '--as-of', AS_OF, '--json'], (s) => out.push(s))).toBe(0);
    const j = JSON.parse(out.join(''));
    expect(j.as_of).toBe(AS_OF);
    expect(j.candidates.map((c: { code: string; reason: string }) => [c.code, c.reason])).toEqual([['HA', 'fell'], ['SP', 'overdue']]);
    expect(j.candidates[1]).toMatchObject({ name: 'Stopped Supplies', reasons: ['overdue', 'fell'], last_purchase: '2026-03-31', days_since_last_purchase: 91, rhythm_days: 14, overdue_after_days: 28, revenue_recent: 0, revenue_year_before: 6000, change: -1, key_account: true });
    expect(() => run(['recovery', 'candidates', '--db', file, '--from', '2026-01-01'])).toThrow('--from and --to are for the report');
  });
});
