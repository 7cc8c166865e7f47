import type { z } from 'zod';
import { addMonths, daysBetween, toIsoDate } from '../../../shared/kernel/dates';
import type * as s from '../../../shared/features/accounts/schemas';
import type { Client, ClientRow, ClientTypeField, ProfileValue } from '../../../shared/features/accounts/types';
import { profileIssues } from '../../../shared/features/accounts/profile';
import type { MessageKey } from '../../../shared/i18n';
import type { Db } from '../../db/connection';
import { clientsRepo, departmentsRepo, fieldsRepo, managersRepo } from './repository';
import { activeRevenueTotal, clientAggregates, type ClientAggregateRow } from './client-rows';
import { AppError, fieldError, notFound } from '../../errors';
import { recordService } from '../../db/records';

type ClientCreate = z.output<typeof s.clientCreate>;
type ClientUpdate = z.output<typeof s.clientUpdate>;

/** The portrait may only hold the fields of the client's type, each with a value of the field's kind: every problem at once, as the form shows them. */
export function checkProfile(fields: ClientTypeField[], profile: Record<string, ProfileValue>): void {
  const issues = profileIssues(fields, profile);
  if (issues.length) throw new AppError('invalid_input', issues[0].key as MessageKey, issues[0].params, issues);
}

function checkClient(db: Db, input: ClientCreate | ClientUpdate): void {
  const fields = input.typeId === null ? [] : fieldsRepo.list(db, {}).filter((f) => f.typeId === input.typeId);
  checkProfile(fields, input.profile);
  if (input.managerId !== null && !managersRepo.get(db, input.managerId)) throw fieldError('managerId', 'accounts:errors.chooseManager');
  if (input.departmentId !== null && !departmentsRepo.get(db, input.departmentId)) throw fieldError('departmentId', 'accounts:errors.chooseDepartment');
  if (input.referredById !== null && !clientsRepo.get(db, input.referredById)) throw fieldError('referredById', 'accounts:errors.chooseReferrer');
  if (input.code !== null) {
    const clash = db.sqlite.prepare('SELECT id FROM clients WHERE code = ? AND id <> ?').get(input.code, 'id' in input ? input.id : 0);
    if (clash) throw new AppError('conflict', 'accounts:errors.codeTaken', { code: input.code }, [{ path: ['code'], key: 'accounts:errors.codeTaken', params: { code: input.code } }]);
  }
}

export const clientsService = recordService<Client, ClientCreate, ClientUpdate>('accounts:nouns.client', clientsRepo, {
  check: checkClient,
  toRow(db, input) {
    // A client without its own department belongs to its manager's.
    const departmentId = input.departmentId ?? (input.managerId !== null ? managersRepo.get(db, input.managerId)?.departmentId ?? null : null);
    return { ...input, departmentId, profile: JSON.stringify(input.profile) };
  },
});

const windowEnding = (asOf: string) => ({ from: addMonths(asOf, -12), to: asOf });

function toRow(r: ClientAggregateRow, total: number, asOf: string): ClientRow {
  return {
    id: r.id,
    code: r.code,
    name: r.name,
    type: r.type,
    status: r.status as ClientRow['status'],
    manager: r.manager,
    department: r.department,
    country: r.country,
    revenue12m: Math.round(r.revenue * 100) / 100,
    share12m: total > 0 && !r.archivedAt ? r.revenue / total : 0,
    purchaseCount: r.purchaseCount,
    firstPurchase: r.firstPurchase,
    lastPurchase: r.lastPurchase,
    daysSinceLastPurchase: r.lastPurchase ? daysBetween(r.lastPurchase, asOf) : null,
    archived: r.archivedAt !== null,
  };
}

/** The clients grid: every client with revenue over the 12 months up to `asOf`, its share, and purchase rhythm. */
export function listClientRows(db: Db, opts: { includeArchived?: boolean; asOf?: string } = {}): ClientRow[] {
  const asOf = opts.asOf ?? toIsoDate(new Date());
  const rows = clientAggregates(db, windowEnding(asOf), { includeArchived: opts.includeArchived ?? false });
  // Archived clients stay out of the denominator, so shares of the active base add up to 1.
  const total = rows.reduce((sum, r) => sum + (r.archivedAt ? 0 : r.revenue), 0);
  return rows.map((r) => toRow(r, total, asOf));
}

/** One client's grid row, without computing everyone else's: what the client page shows. */
export function clientSummary(db: Db, opts: { id: number; asOf?: string }): ClientRow {
  const asOf = opts.asOf ?? toIsoDate(new Date());
  const [row] = clientAggregates(db, windowEnding(asOf), { includeArchived: true, clientId: opts.id });
  if (!row) throw notFound('accounts:nouns.client', opts.id);
  return toRow(row, activeRevenueTotal(db, windowEnding(asOf)), asOf);
}
