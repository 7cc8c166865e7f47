import type { ClientRecovery } from '../../../shared/features/recovery/types';
import { toIsoDate } from '../../../shared/kernel/dates';
import type { Db } from '../../db/connection';
import { notFound } from '../../errors';
import { caseRecords, toCaseRow } from './case-rows';
import { getRecoverySettings } from './settings';

/** For the client page: its status, its open case if any, and its latest case. */
export function clientRecovery(db: Db, clientId: number, asOf = toIsoDate(new Date())): ClientRecovery {
  const client = db.sqlite.prepare(`SELECT status FROM clients WHERE id = ?`).get(clientId) as { status: string } | undefined;
  if (!client) throw notFound('accounts:nouns.client', clientId);
  const { meetingTargetDays } = getRecoverySettings(db);
  const cases = caseRecords(db, 'rc.client_id = ? AND rc.archived_at IS NULL', [clientId]);
  const open = cases.find((c) => c.outcome === null);
  const latest = open ?? [...cases].sort((a, b) => (a.lost_on < b.lost_on ? 1 : a.lost_on > b.lost_on ? -1 : b.id - a.id))[0];
  return { clientId, status: client.status, openCaseId: open?.id ?? null, latest: latest ? toCaseRow(latest, asOf, meetingTargetDays) : null, cases: cases.length };
}
