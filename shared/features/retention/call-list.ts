import { packTable, unpackTable, type TableSpec } from '../../kernel/packed-table';
import type { CallList, CallListRow, Segment } from './types';

const CALL_LIST_COLUMNS: TableSpec<CallListRow> = {
  id: 'number', code: 'text', name: 'text', managerId: 'number', manager: 'dict', typeId: 'number', type: 'dict', abc: 'dict',
  occasions: 'number', firstPurchase: 'dict', lastPurchase: 'dict', rhythmDays: 'number', daysSince: 'number', overdueDays: 'number',
  pAlive: 'number', expected: 'number', annualRevenue: 'number', valueAtRisk: 'number', dormant: 'bool', reasons: 'json', lastCall: 'json',
};

/** The segment of every client, where the call list and the loyalty test start. */
export const ALL_CLIENTS: Omit<Segment, 'dormantOnly'> = { managerId: null, abc: null, typeId: null };
/** What Win-back asks for first (every client, no campaign): answered at start, before the window asks (electron/offload.ts). */
export const FIRST_CALL_LIST = { ...ALL_CLIENTS, campaignId: null };

export const packCallRows = (rows: readonly CallListRow[]): CallList['rows'] => packTable(rows, CALL_LIST_COLUMNS);

/** The call list's rows as objects; rows with the same reasons or last call share that value (read it, do not change it). */
export const callListRows = (list: CallList): CallListRow[] => unpackTable(list.rows);
