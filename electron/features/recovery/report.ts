import { lostReasonReport, type ActionFact, type CaseFact } from '../../../shared/features/recovery/lost-reasons';
import type { ReportInput } from '../../../shared/features/recovery/schemas';
import type { LostReasonReport } from '../../../shared/features/recovery/types';
import type { Db } from '../../db/connection';
import { caseRecords, effectiveReason } from './case-rows';
import { listReasons } from './reasons';
import { getRecoverySettings } from './settings';

/** Losses (cases not archived) with the loss date in the period, both ends inclusive, and what the report says of them. */
export function recoveryReport(db: Db, input: ReportInput): LostReasonReport {
  const where = ['rc.archived_at IS NULL'];
  const params: string[] = [];
  if (input.from) (where.push('rc.lost_on >= ?'), params.push(input.from));
  if (input.to) (where.push('rc.lost_on <= ?'), params.push(input.to));
  const records = caseRecords(db, where.join(' AND '), params);
  const offers = db.sqlite
    .prepare(`SELECT case_id AS caseId, kind, answer FROM recovery_offers WHERE archived_at IS NULL`)
    .all() as { caseId: number; kind: CaseFact['offers'][number]['kind']; answer: CaseFact['offers'][number]['answer'] }[];
  const offersOf = new Map<number, CaseFact['offers']>();
  for (const o of offers) offersOf.set(o.caseId, [...(offersOf.get(o.caseId) ?? []), { kind: o.kind, answer: o.answer }]);
  const cases: CaseFact[] = records.map((r) => ({
    id: r.id,
    reasonId: effectiveReason(r),
    lostOn: r.lost_on,
    managerId: r.manager_id,
    manager: r.manager,
    abc: r.class_at_loss,
    lostRevenue: Math.round(r.lost_revenue * 100) / 100,
    outcome: r.outcome,
    offers: offersOf.get(r.id) ?? [],
  }));
  const actions = db.sqlite
    .prepare(`SELECT reason_id AS reasonId, status, done_on AS doneOn FROM recovery_actions WHERE archived_at IS NULL`)
    .all() as ActionFact[];
  return lostReasonReport(cases, actions, {
    reasonOrder: listReasons(db, true).map((r) => r.id),
    recurringMin: getRecoverySettings(db).recurringMin,
    from: input.from ?? null,
    to: input.to ?? null,
  });
}
