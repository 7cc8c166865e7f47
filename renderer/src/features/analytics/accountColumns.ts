import type { ColDef } from 'ag-grid-community';
import { CONTACT_LEVELS } from '../../../../shared/features/accounts';
import type { BreadthRow, KamRow, WalletRow } from '../../../../shared/features/analytics/types';
import type { Formatters } from '../../../../shared/kernel/format';
import type { T } from '../../lib/i18n';

/** A KAM row as the grid wants it: an id (0 for clients with no manager) and the manager's name in the user's language. */
export type KamGridRow = KamRow & { id: number; name: string };
/** A breadth row with the counts the grid sorts by. */
export type BreadthGridRow = BreadthRow & { levelsCovered: number; stale: number };

export const kamRows = (rows: KamRow[], t: T): KamGridRow[] =>
  rows.map((k) => ({ ...k, id: k.managerId ?? 0, name: k.managerId === null ? t('analytics:tables.noManager') : k.manager }));

export const breadthRows = (rows: BreadthRow[]): BreadthGridRow[] =>
  rows.map((b) => ({ ...b, levelsCovered: CONTACT_LEVELS.length - b.missingLevels.length, stale: b.staleContacts.length }));

const count = { type: 'numericColumn', filter: 'agNumberColumnFilter', context: { exportKind: 'number' } } as const;

export function kamColumns(t: T, fmt: Formatters, max: number): ColDef<KamGridRow>[] {
  return [
    { field: 'name', headerName: t('analytics:col.manager'), width: 200, filter: 'agTextColumnFilter' },
    { field: 'keyAccounts', headerName: t('analytics:tables.keyAccounts'), width: 150, sort: 'desc', ...count },
    { field: 'keyRevenueShare', headerName: t('analytics:tables.keyRevenueShare'), width: 190, type: 'numericColumn', valueFormatter: (p) => fmt.percent(p.value), context: { exportKind: 'percent' } },
    {
      field: 'overLimit', headerName: t('analytics:tables.workload'), width: 190,
      valueGetter: (p) => (p.data?.overLimit ? t('analytics:overLimit', { max }) : t('analytics:tables.withinLimit')),
      cellClass: (p) => (p.data?.overLimit ? 'band-critical' : ''),
    },
    { field: 'clients', headerName: t('analytics:tables.theirAccounts'), flex: 1, minWidth: 260, valueGetter: (p) => p.data?.clients.join(', '), sortable: false },
  ];
}

export function breadthColumns(t: T, days: number): ColDef<BreadthGridRow>[] {
  return [
    { field: 'name', headerName: t('analytics:col.name'), width: 220, filter: 'agTextColumnFilter', cellClass: 'cell-link' },
    { field: 'contacts', headerName: t('analytics:tables.contacts'), width: 120, ...count },
    { field: 'levelsCovered', headerName: t('analytics:tables.levelsCovered', { total: CONTACT_LEVELS.length }), width: 150, ...count },
    {
      field: 'missingLevels', headerName: t('analytics:tables.missingLevels'), flex: 1, minWidth: 220, sortable: false,
      valueGetter: (p) => p.data?.missingLevels.map((l) => t(`accounts:level.${l}`)).join(', '),
    },
    {
      field: 'singleThreaded', headerName: t('analytics:tables.singleThreaded'), width: 150,
      valueGetter: (p) => (p.data?.singleThreaded ? t('analytics:tables.yes') : t('analytics:tables.no')),
      cellClass: (p) => (p.data?.singleThreaded ? 'band-danger' : ''),
    },
    { field: 'stale', headerName: t('analytics:tables.stale', { days }), width: 190, ...count },
  ];
}

export function walletColumns(t: T, fmt: Formatters): ColDef<WalletRow>[] {
  const money = { type: 'numericColumn', filter: 'agNumberColumnFilter', valueFormatter: (p: { value: number }) => fmt.money(p.value), context: { exportKind: 'money' } } as const;
  return [
    { field: 'name', headerName: t('analytics:col.name'), width: 240, filter: 'agTextColumnFilter', cellClass: 'cell-link' },
    { field: 'revenue', headerName: t('analytics:col.revenue'), width: 150, ...money },
    { field: 'potential', headerName: t('analytics:potential'), width: 150, ...money },
    { field: 'walletShare', headerName: t('analytics:tables.walletShare'), width: 190, type: 'numericColumn', filter: 'agNumberColumnFilter', valueFormatter: (p) => fmt.percent(p.value), context: { exportKind: 'percent' } },
    { field: 'gap', headerName: t('analytics:gap'), width: 150, sort: 'desc', ...money },
  ];
}
