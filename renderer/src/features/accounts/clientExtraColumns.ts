import type { ColDef } from 'ag-grid-community';
import { useMemo } from 'react';
import type { ClientStanding, RiskBandName } from '../../../../shared/features/accounts/types';
import type { Formatters } from '../../../../shared/kernel/format';
import type { ClientsGridExtension } from '../../lib/extensions';
import { useT, type T } from '../../lib/i18n';
import { useSettings } from '../../lib/settings-context';
import { useQuery } from '../../lib/useQuery';
import { keyReasonText } from './StoryBadges';

/** Field names the values are merged under: prefixed, so they never shadow a grid field or another feature's. */
export const STANDING_FIELDS = { abc: 'standingAbc', key: 'standingKey', band: 'standingBand', next: 'nextTaskTitle', due: 'nextTaskDue' } as const;

const BAND_ORDER: Record<RiskBandName, number> = { normal: 0, key: 1, widen: 2, danger: 3, critical: 4 };

// Headers wrap onto a second line instead of being cut, and say what the column counts on hover.
const header = { wrapHeaderText: true, autoHeaderHeight: true } as const;

/** ABC class, key account, risk band and next task on the clients grid (the next task's due date is off by default). */
export function standingColumns(t: T, fmt: Formatters): ColDef[] {
  const h = (key: 'abc' | 'keyAccount' | 'band' | 'nextTask' | 'nextTaskDue') => t(`accounts:clients.columns.${key}`);
  return [
    { field: STANDING_FIELDS.abc, headerName: h('abc'), headerTooltip: t('accounts:clients.columnTips.abc'), width: 110, ...header },
    {
      field: STANDING_FIELDS.key, headerName: h('keyAccount'), headerTooltip: t('accounts:clients.columnTips.keyAccount'), width: 220, ...header,
      tooltipField: STANDING_FIELDS.key,
    },
    {
      field: STANDING_FIELDS.band, headerName: h('band'), headerTooltip: t('accounts:clients.columnTips.band'), width: 160, ...header,
      valueFormatter: (p) => (p.value ? t(`accounts:story.band.${p.value as RiskBandName}`) : ''),
      // Sorted by how serious the band is, not by its name.
      comparator: (a: RiskBandName | undefined, b: RiskBandName | undefined) => (a ? BAND_ORDER[a] : -1) - (b ? BAND_ORDER[b] : -1),
      cellClass: (p) => (p.value ? `band-cell band-${p.value as string}` : ''),
    },
    { field: STANDING_FIELDS.next, headerName: h('nextTask'), headerTooltip: t('accounts:clients.columnTips.nextTask'), width: 220, tooltipField: STANDING_FIELDS.next, ...header },
    {
      field: STANDING_FIELDS.due, headerName: h('nextTaskDue'), width: 150, hide: true, ...header,
      filter: 'agDateColumnFilter', cellDataType: 'dateString', valueFormatter: (p) => fmt.date(p.value as string | null), context: { exportKind: 'date' },
    },
  ];
}

/** The values per client id, from one query; the key-account cell says why in words. */
export function useStandingValues(enabled: boolean): Map<number, Record<string, unknown>> | undefined {
  const { t } = useT();
  const { fmt } = useSettings();
  const standing = useQuery('clients.standing', {}, enabled);
  return useMemo(() => standing.data && toValues(standing.data, t, fmt), [standing.data, t, fmt]);
}

export function toValues(list: ClientStanding[], t: T, fmt: Formatters): Map<number, Record<string, unknown>> {
  return new Map(
    list.map((s) => [
      s.id,
      {
        [STANDING_FIELDS.abc]: s.abc,
        [STANDING_FIELDS.key]: s.keyReasons.length ? keyReasonText(t, fmt, s.keyReasons) : null,
        [STANDING_FIELDS.band]: s.band,
        [STANDING_FIELDS.next]: s.nextTask?.title ?? null,
        [STANDING_FIELDS.due]: s.nextTask?.dueDate ?? null,
      },
    ]),
  );
}

/** The clients grid's extension: ClientsPage merges it like any other feature's columns. */
export const standingGridExtension: ClientsGridExtension = { columns: standingColumns, useValues: useStandingValues };
