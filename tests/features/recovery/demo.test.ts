import { describe, expect, it } from 'vitest';
import { generateDemo } from '../../../electron/features/settings/demo/generate';
import { findCandidates } from '../../../electron/features/recovery/candidates';
import { listCases } from '../../../electron/features/recovery/case-rows';
import { listProspects } from '../../../electron/features/recovery/prospects';
import { referralsReport } from '../../../electron/features/recovery/referrals';
import { recoveryReport } from '../../../electron/features/recovery/report';
import { recoveryDemo } from '../../../electron/features/recovery/demo';
import { AS_OF, emptyDatabase } from '../../helpers/db';

const caseFingerprint = (db: ReturnType<typeof emptyDatabase>) =>
  JSON.stringify([
    db.sqlite.prepare(`SELECT client_id, lost_on, reason_id, first_reason_id, outcome, outcome_on, meeting_status, class_at_loss FROM recovery_cases ORDER BY id`).all(),
    db.sqlite.prepare(`SELECT referrer_id, referred_id FROM recovery_referrals ORDER BY id`).all(),
    db.sqlite.prepare(`SELECT id, status FROM clients ORDER BY id`).all(),
    db.sqlite.prepare(`SELECT title, due_date, client_id FROM tasks ORDER BY id`).all(),
  ]);

describe('the recovery part of the demo', () => {
  it('has lost key accounts with cases at every stage, two years of reasons (one back after its action), referrals and candidates', () => {
    const db = emptyDatabase();
    generateDemo(db, { asOf: AS_OF, seeds: [recoveryDemo] });
    const cases = listCases(db, { includeClosed: true, includeArchived: false, asOf: AS_OF });
    expect(new Set(cases.map((c) => c.stage))).toEqual(new Set(['meeting', 'interview', 'outcome', 'closed']));
    expect(cases.some((c) => c.meetingOverdue && c.stage !== 'closed')).toBe(true);
    expect(new Set(cases.filter((c) => c.outcome).map((c) => c.outcome))).toEqual(new Set(['won_back', 'parted_well', 'no_contact']));
    const days = cases.map((c) => c.lostOn).sort();
    expect(days[0] < '2024-12-31' && days.at(-1)! > '2026-06-01').toBe(true);
    const report = recoveryReport(db, {});
    expect(report.recurringAfterAction).toHaveLength(1);
    expect(report.byReason.length).toBeGreaterThanOrEqual(5);
    const referrals = referralsReport(db, { asOf: AS_OF });
    expect(referrals.referrals.filter((r) => r.via === 'recovery')).toHaveLength(3);
    expect(referrals.roots.some((r) => r.children.length > 0)).toBe(true);
    expect(referrals.revenue12m).toBeGreaterThan(0);
    // The demo keeps exactly the base's clients (other screens count them), so there are no prospects yet.
    expect(listProspects(db, { asOf: AS_OF }).prospects).toEqual([]);
    expect((db.sqlite.prepare(`SELECT count(*) AS n FROM clients`).get() as { n: number }).n).toBe(200);
    expect(findCandidates(db, { asOf: AS_OF }).candidates.length).toBeGreaterThan(0);
    expect(db.sqlite.pragma('foreign_key_check')).toEqual([]);
  });

  it('is the same for the same seed', () => {
    const a = emptyDatabase();
    const b = emptyDatabase();
    generateDemo(a, { asOf: AS_OF, seed: 3, seeds: [recoveryDemo] });
    generateDemo(b, { asOf: AS_OF, seed: 3, seeds: [recoveryDemo] });
    expect(caseFingerprint(a)).toBe(caseFingerprint(b));
  });

  it('fits a tiny base without failing', () => {
    const db = emptyDatabase();
    generateDemo(db, { asOf: AS_OF, clients: 5, seeds: [recoveryDemo] });
    expect(db.sqlite.pragma('foreign_key_check')).toEqual([]);
  });
});
