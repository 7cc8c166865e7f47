import type { ColDef } from 'ag-grid-community';
import type { DependencyRow } from '../../../../shared/features/analytics/types';
import type { Formatters } from '../../../../shared/kernel/format';
import type { en } from '../../../../shared/features/analytics/i18n/en';
import type { RiskBand } from '../../../../shared/features/analytics/settings';
import type { T } from '../../lib/i18n';

export function dependencyColumns(t: T, fmt: Formatters): ColDef<DependencyRow>[] {
  const h = (key: keyof typeof en.col) => t(`analytics:col.${key}`);
  return [
    { field: 'name', headerName: h('name'), width: 240, pinned: 'left', filter: 'agTextColumnFilter', cellClass: 'cell-link' },
    { field: 'revenue', headerName: h('revenue'), width: 150, type: 'numericColumn', filter: 'agNumberColumnFilter', valueFormatter: (p) => fmt.money(p.value), context: { exportKind: 'money' } },
    { field: 'share', headerName: h('share'), width: 110, type: 'numericColumn', filter: 'agNumberColumnFilter', sort: 'desc', valueFormatter: (p) => fmt.percent(p.value), context: { exportKind: 'percent' } },
    { field: 'band', headerName: h('band'), width: 170, cellClass: (p) => `band band-${p.value}`, valueFormatter: (p) => t(`analytics:band.${p.value as RiskBand}`) },
    { field: 'cumulativeShare', headerName: h('cumulativeShare'), width: 120, type: 'numericColumn', valueFormatter: (p) => fmt.percent(p.value), context: { exportKind: 'percent' } },
    { field: 'abc', headerName: h('abc'), width: 90 },
    { field: 'previousAbc', headerName: h('previousAbc'), width: 100 },
    { field: 'manager', headerName: h('manager'), width: 150 },
    { field: 'department', headerName: h('department'), width: 150 },
  ];
}
