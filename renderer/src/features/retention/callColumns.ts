import type { ColDef } from 'ag-grid-community';
import type { CallListRow } from '../../../../shared/features/retention/types';
import type { Formatters } from '../../../../shared/kernel/format';
import type { T } from '../../lib/i18n';

/** The call list's columns; "Call" is added by the page when a campaign is chosen. */
export function callColumns(t: T, fmt: Formatters, inCampaign: boolean): ColDef<CallListRow>[] {
  const num = (digits: number) => (p: { value: unknown }) => (typeof p.value === 'number' ? fmt.number(p.value, digits) : '');
  const cols: ColDef<CallListRow>[] = [
    { field: 'name', headerName: t('retention:winback.columns.name'), minWidth: 220, cellClass: 'cell-link' },
    { field: 'abc', headerName: t('retention:winback.columns.abc'), width: 90 },
    { field: 'manager', headerName: t('retention:winback.columns.manager') },
    { field: 'type', headerName: t('retention:winback.columns.type') },
    { field: 'lastPurchase', headerName: t('retention:winback.columns.lastPurchase'), valueFormatter: (p) => fmt.date(p.value) },
    { field: 'rhythmDays', headerName: t('retention:winback.columns.rhythmDays'), type: 'numericColumn', filter: 'agNumberColumnFilter', valueFormatter: num(1) },
    { field: 'daysSince', headerName: t('retention:winback.columns.daysSince'), type: 'numericColumn', filter: 'agNumberColumnFilter', valueFormatter: num(0) },
    { field: 'overdueDays', headerName: t('retention:winback.columns.overdueDays'), type: 'numericColumn', filter: 'agNumberColumnFilter', valueFormatter: num(1) },
    { field: 'pAlive', headerName: t('retention:winback.columns.pAlive'), type: 'numericColumn', filter: 'agNumberColumnFilter', valueFormatter: num(2) },
    { field: 'expected', headerName: t('retention:winback.columns.expected'), type: 'numericColumn', filter: 'agNumberColumnFilter', valueFormatter: num(2) },
    { field: 'annualRevenue', headerName: t('retention:winback.columns.annualRevenue'), type: 'numericColumn', filter: 'agNumberColumnFilter', valueFormatter: (p) => fmt.money(p.value) },
    { field: 'valueAtRisk', headerName: t('retention:winback.columns.valueAtRisk'), type: 'numericColumn', filter: 'agNumberColumnFilter', valueFormatter: (p) => fmt.money(p.value), sort: inCampaign ? undefined : 'desc' },
  ];
  if (inCampaign) {
    cols.push({
      colId: 'lastCall',
      headerName: t('retention:winback.columns.lastCall'),
      valueGetter: (p) => (p.data?.lastCall ? `${fmt.date(p.data.lastCall.date)} · ${t(`retention:outcomes.${p.data.lastCall.outcome}`)}` : ''),
    });
  }
  return cols;
}
