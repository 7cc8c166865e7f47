import { lastTwelveMonths, type AbcClass } from '../../../shared/features/analytics';
import type { Db } from '../../db/connection';
import { accountsReport, cachedReport } from '../analytics';

/** The client's ABC class and key-account standing over the twelve months up to `date`, as the key-accounts screen would have shown them. */
export function standingAt(db: Db, clientId: number, date: string): { abc: AbcClass | null; key: boolean } {
  const period = lastTwelveMonths(date);
  const scope = { kind: 'company' } as const;
  const row = cachedReport(db, { ...period, scope }).rows.find((r) => r.id === clientId);
  const key = accountsReport(db, { ...period, scope }).keyAccounts.some((k) => k.id === clientId);
  return { abc: row?.abc ?? null, key };
}
