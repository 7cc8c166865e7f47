import type { ClientPageExtension, ClientsGridExtension } from '../../lib/extensions';
import { ClientRetentionBlock } from './ClientRetentionBlock';
import { useGridValues } from './useGridValues';

/** What the retention feature adds to the client page: the dormancy line, the visit clock, memberships. */
export const retentionClientPage: ClientPageExtension = { portrait: [ClientRetentionBlock] };

/** What the retention feature adds to the clients grid: dormant or not, and P(alive). */
export const retentionClientsGrid: ClientsGridExtension[] = [
  {
    columns: (t, fmt) => {
      // Translated once, not per row: the quick search and the filter ask every row for it.
      const yes = t('retention:grid.yes');
      return [
        {
          field: 'retentionDormant',
          colId: 'retentionDormant',
          headerName: t('retention:grid.dormant'),
          width: 110,
          // Long names (ru "Вероятность активности") wrap instead of being cut, as the grid's own headers do.
          wrapHeaderText: true,
          autoHeaderHeight: true,
          // Not inferred as a boolean: ag-grid would draw a checkbox and skip the formatter (and the export would say true/false).
          cellDataType: false,
          valueFormatter: (p) => (p.value === true ? yes : ''),
          filterValueGetter: (p) => ((p.data as { retentionDormant?: boolean } | undefined)?.retentionDormant ? yes : ''),
        },
        {
          field: 'retentionPAlive',
          colId: 'retentionPAlive',
          headerName: t('retention:grid.pAlive'),
          // Room for the longest word of the name in every language beside the sort and filter icons.
          width: 130,
          wrapHeaderText: true,
          autoHeaderHeight: true,
          type: 'numericColumn',
          filter: 'agNumberColumnFilter',
          valueFormatter: (p) => (typeof p.value === 'number' ? fmt.number(p.value, 2) : ''),
        },
      ];
    },
    useValues: useGridValues,
  },
];
