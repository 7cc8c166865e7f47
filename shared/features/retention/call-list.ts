import { packTable, unpackTable, type TableSpec } from '../../kernel/packed-table';
import type { CallList, CallListRow } from './types';

const CALL_LIST_COLUMNS: TableSpec<CallListRow> = {
  id: 'number', code: 'text', name: 'text', managerId: 'number', manager: 'dict', typeId: 'number', type: 'dict', abc: 'dict',
  occasions: 'number', firstPurchase: 'dict', lastPurchase: 'dict', rhythmDays: 'number', daysSince: 'number', overdueDays: 'number',
  pAlive: 'number', expected: 'number', annualRevenue: 'number', valueAtRisk: 'number', dormant: 'bool', reasons: 'json', lastCall: 'json',
};

export const packCallRows = (rows: readonly CallListRow[]): CallList['rows'] => packTable(rows, CALL_LIST_COLUMNS);

/** The call list's rows as objects; rows with the same reasons or last call share that value (read it, do not change it). */
export const callListRows = (list: CallList): CallListRow[] => unpackTable(list.rows);
