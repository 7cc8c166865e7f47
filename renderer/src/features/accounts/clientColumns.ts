import type { ColDef } from 'ag-grid-community';
import type { Formatters } from '../../../../shared/kernel/format';
import type { ClientRow } from '../../../../shared/features/accounts/types';
import type { en } from '../../../../shared/features/accounts/i18n/en';
import type { ClientStatus } from '../../../../shared/features/accounts/enums';
import type { T } from '../../lib/i18n';

/** Column definitions for the clients grid; pure so a test can check them without a browser. */
export function clientColumns(t: T, fmt: Formatters): ColDef<ClientRow>[] {
  const h = (key: keyof typeof en.clients.columns) => t(`accounts:clients.columns.${key}`);
  return [
    { field: 'code', headerName: h('code'), width: 110 },
    { field: 'name', headerName: h('name'), width: 260, pinned: 'left', filter: 'agTextColumnFilter', cellClass: 'cell-link' },
    { field: 'type', headerName: h('type'), width: 140 },
    {
      field: 'status',
      headerName: h('status'),
      width: 130,
      valueFormatter: (p) => [p.data?.archived ? t('common:archived') : null, p.value ? t(`accounts:status.${p.value as ClientStatus}`) : null].filter(Boolean).join(' · '),
    },
    { field: 'revenue12m', headerName: h('revenue12m'), width: 170, type: 'numericColumn', filter: 'agNumberColumnFilter', sort: 'desc', valueFormatter: (p) => fmt.money(p.value), context: { exportKind: 'money' } },
    { field: 'share12m', headerName: h('share12m'), width: 140, type: 'numericColumn', filter: 'agNumberColumnFilter', valueFormatter: (p) => fmt.percent(p.value), context: { exportKind: 'percent' } },
    { field: 'purchaseCount', headerName: h('purchaseCount'), width: 120, type: 'numericColumn', filter: 'agNumberColumnFilter', context: { exportKind: 'integer' } },
    { field: 'firstPurchase', headerName: h('firstPurchase'), width: 140, filter: 'agDateColumnFilter', cellDataType: 'dateString', valueFormatter: (p) => fmt.date(p.value) },
    { field: 'lastPurchase', headerName: h('lastPurchase'), width: 140, filter: 'agDateColumnFilter', cellDataType: 'dateString', valueFormatter: (p) => fmt.date(p.value) },
    { field: 'daysSinceLastPurchase', headerName: h('daysSinceLastPurchase'), width: 130, type: 'numericColumn', filter: 'agNumberColumnFilter' },
    { field: 'manager', headerName: h('manager'), width: 150 },
    { field: 'department', headerName: h('department'), width: 150 },
    { field: 'country', headerName: h('country'), width: 100 },
  ];
}
