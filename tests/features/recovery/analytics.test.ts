import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { run } from '../../../electron/cli/index';
import { openDatabase } from '../../../electron/db/migrate';
import { findMigrationsFolder } from '../../../electron/db/migrations-path';
import { addDays, addMonths } from '../../../shared/kernel/dates';
import { tempDir } from '../../helpers/db';
import { routerCalls } from '../../helpers/router';
import { clientWith, manager, reasonId } from './fixtures';

interface Loss {
  name: string;
  lostOn: string;
  reason: string;
  revenue: number;
  managerId: number | null;
  outcome: 'won_back' | 'parted_well' | 'no_contact' | null;
  offers: ['fix' | 'match', 'accepted' | 'declined'][];
  abc: 'A' | 'B' | 'C' | null;
}

/**
 * Six losses over two years with known reasons and revenues: each client
 * bought `revenue` a month before its loss (inside its twelve months) and
 * 99,999 fourteen months before (outside). "service" has a corrective action
 * done on 2025-06-01 and is lost for once more after it.
 */
async function fixture(file: string) {
  const db = openDatabase(file, findMigrationsFolder());
  const { call } = routerCalls(db);
  const anna = manager(db, 'Anna Kiss');
  const pierre = manager(db, 'Pierre Laurent');
  const losses: Loss[] = [
    { name: 'C1', lostOn: '2025-02-10', reason: 'service', revenue: 10_000, managerId: anna, outcome: 'parted_well', offers: [['fix', 'declined']], abc: 'A' },
    { name: 'C2', lostOn: '2025-05-20', reason: 'service', revenue: 6000, managerId: anna, outcome: 'won_back', offers: [['fix', 'accepted']], abc: 'A' },
    { name: 'C3', lostOn: '2025-08-05', reason: 'better_terms', revenue: 8000, managerId: pierre, outcome: 'won_back', offers: [['match', 'accepted']], abc: 'B' },
    { name: 'C4', lostOn: '2025-11-12', reason: 'better_terms', revenue: 3000, managerId: pierre, outcome: 'no_contact', offers: [], abc: 'C' },
    { name: 'C5', lostOn: '2026-01-20', reason: 'service', revenue: 5000, managerId: null, outcome: null, offers: [], abc: 'A' },
    { name: 'C6', lostOn: '2026-03-03', reason: 'make_own', revenue: 2000, managerId: anna, outcome: 'parted_well', offers: [], abc: null },
  ];
  for (const l of losses) {
    const id = clientWith(db, l.name, [[addMonths(l.lostOn, -14), 99_999], [addMonths(l.lostOn, -1), l.revenue]], { managerId: l.managerId });
    const c = await call('recovery.markLost', { clientId: id, lostOn: l.lostOn, firstReasonId: reasonId(db, l.reason) });
    for (const [kind, answer] of l.offers) await call('recovery.addOffer', { caseId: c.id, kind, offer: `${kind} it`, answer });
    if (l.outcome) await call('recovery.close', { caseId: c.id, outcome: l.outcome, outcomeOn: addDays(l.lostOn, 20), agreedTerms: l.outcome === 'won_back' ? 'Terms' : null });
    // The class at the loss is a snapshot; set here so the grouping is checked on known values.
    db.sqlite.prepare(`UPDATE recovery_cases SET class_at_loss = ? WHERE id = ?`).run(l.abc, c.id);
  }
  await call('recovery.createAction', { reasonId: reasonId(db, 'service'), what: 'Weekly delivery call', status: 'done', doneOn: '2025-06-01' });
  await call('recovery.createAction', { reasonId: reasonId(db, 'better_terms'), what: 'Volume price list', status: 'in_progress', dueDate: '2026-01-31' });
  await call('recovery.createAction', { reasonId: reasonId(db, 'make_own'), what: 'Offer a processing service', status: 'done', doneOn: '2026-04-01' });
  return { db, call, anna, pierre };
}

describe('lost-reason analytics on known reasons and revenues', () => {
  it('losses, lost revenue and win-backs by reason, quarter, manager, class and offer; "service" recurs after its action', async () => {
    const { db, call, anna, pierre } = await fixture(join(tempDir(), 'r.db'));
    const service = reasonId(db, 'service');
    const terms = reasonId(db, 'better_terms');
    const own = reasonId(db, 'make_own');
    const r = await call('recovery.report', {});
    expect(r).toMatchObject({ losses: 6, lostRevenue: 34_000, closed: 5, wonBack: 2, winBackRate: 0.4, recurringAfterAction: [service] });
    expect(r.byReason).toEqual([
      { reasonId: service, losses: 3, lostRevenue: 21_000, closed: 2, wonBack: 1, winBackRate: 0.5, recurring: true, openActions: 0, doneActions: 1, lastDoneOn: '2025-06-01', lossesAfterDone: 1 },
      { reasonId: terms, losses: 2, lostRevenue: 11_000, closed: 2, wonBack: 1, winBackRate: 0.5, recurring: true, openActions: 1, doneActions: 0, lastDoneOn: null, lossesAfterDone: 0 },
      { reasonId: own, losses: 1, lostRevenue: 2000, closed: 1, wonBack: 0, winBackRate: 0, recurring: false, openActions: 0, doneActions: 1, lastDoneOn: '2026-04-01', lossesAfterDone: 0 },
    ]);
    expect(r.byPeriod.map((p: { key: string; losses: number; lostRevenue: number }) => [p.key, p.losses, p.lostRevenue])).toEqual([
      ['2025-01', 1, 10_000], ['2025-04', 1, 6000], ['2025-07', 1, 8000], ['2025-10', 1, 3000], ['2026-01', 2, 7000],
    ]);
    expect(r.byPeriod[4].byReason).toEqual({ [service]: 1, [own]: 1 });
    expect(r.byManager).toEqual([
      { key: String(anna), manager: 'Anna Kiss', losses: 3, lostRevenue: 18_000, wonBack: 1 },
      { key: String(pierre), manager: 'Pierre Laurent', losses: 2, lostRevenue: 11_000, wonBack: 1 },
      { key: '0', manager: null, losses: 1, lostRevenue: 5000, wonBack: 0 },
    ]);
    expect(r.byClass).toEqual([
      { key: 'A', losses: 3, lostRevenue: 21_000, wonBack: 1 },
      { key: 'B', losses: 1, lostRevenue: 8000, wonBack: 1 },
      { key: 'C', losses: 1, lostRevenue: 3000, wonBack: 0 },
      { key: '-', losses: 1, lostRevenue: 2000, wonBack: 0 },
    ]);
    expect(r.byOffer).toEqual([
      { kind: 'fix', offers: 2, accepted: 1, cases: 2, wonBack: 1, winBackRate: 0.5 },
      { kind: 'match', offers: 1, accepted: 1, cases: 1, wonBack: 1, winBackRate: 1 },
    ]);
    // The action list says the same: one loss after the service action, none after the others.
    const actions = await call('recovery.actions', { asOf: '2026-06-30' });
    expect(actions.map((a: { what: string; lossesAfter: number; overdue: boolean }) => [a.what, a.lossesAfter, a.overdue])).toEqual([
      ['Volume price list', 0, true], ['Weekly delivery call', 1, false], ['Offer a processing service', 0, false],
    ]);
  });

  it('a period narrows the losses by their date, both ends inclusive; the interview\'s reason wins over the first one noted', async () => {
    const { db, call } = await fixture(join(tempDir(), 'r.db'));
    const r = await call('recovery.report', { from: '2025-08-05', to: '2025-11-12' });
    expect(r).toMatchObject({ from: '2025-08-05', to: '2025-11-12', losses: 2, lostRevenue: 11_000, recurringAfterAction: [] });
    const open = (db.sqlite.prepare(`SELECT id FROM recovery_cases WHERE outcome IS NULL`).get() as { id: number }).id;
    await call('recovery.saveInterview', { caseId: open, reasonId: reasonId(db, 'other') });
    const after = await call('recovery.report', {});
    expect(after.recurringAfterAction).toEqual([]);
    expect(after.byReason.find((x: { reasonId: number }) => x.reasonId === reasonId(db, 'service')).losses).toBe(2);
  });

  it('rapport recovery report and candidates print stable JSON', async () => {
    const file = join(tempDir(), 'cli.db');
    const { db } = await fixture(file);
    db.sqlite.close();
    const out: string[] = [];
    expect(await run(['recovery', 'report', '--db', file, '--json'], (s) => out.push(s))).toBe(0);
    const j = JSON.parse(out.join(''));
    expect(j).toMatchObject({ losses: 6, lost_revenue: 34_000, won_back: 2, closed: 5, win_back_rate: 0.4, recurring_after_action: ['Unhappy with our service'] });
    expect(j.by_reason[0]).toEqual({ reason_id: expect.any(Number), reason: 'Unhappy with our service', category: 'service', losses: 3, lost_revenue: 21_000, closed: 2, won_back: 1, win_back_rate: 0.5, recurring: true, last_action_done_on: '2025-06-01', losses_after_action: 1 });
    const period: string[] = [];
    expect(await run(['recovery', 'report', '--db', file, '--from', '2026-01-01', '--to', '2026-12-31', '--json'], (s) => period.push(s))).toBe(0);
    expect(JSON.parse(period.join('')).losses).toBe(2);
    const text: string[] = [];
    expect(await run(['recovery', 'report', '--db', file], (s) => text.push(s))).toBe(0);
    expect(text.join('')).toContain('6 losses, 34000.00 lost revenue, 2 of 5 closed won back (40%)');
    expect(() => run(['recovery', 'report', '--db', file, '--from', '2026-05-01', '--to', '2026-01-01'])).toThrow('--from must be on or before --to');
    expect(() => run(['recovery', 'nonsense', '--db', file])).toThrow('recovery needs one of candidates, report');
  });
});
