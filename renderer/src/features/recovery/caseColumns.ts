import type { ColDef } from 'ag-grid-community';
import type { CaseRow, Reason } from '../../../../shared/features/recovery/types';
import type { Formatters } from '../../../../shared/kernel/format';
import type { T } from '../../lib/i18n';
import { reasonName } from './labels';

const date = (fmt: Formatters) => ({ width: 125, valueFormatter: (p: { value: string | null }) => fmt.date(p.value), context: { exportKind: 'date' } });

/** The cases list: a case past its meeting target shows its due date in red. */
export function caseColumns(t: T, fmt: Formatters, reasons: Reason[] | undefined): ColDef<CaseRow>[] {
  return [
    { field: 'clientName', headerName: t('recovery:cases.col.client'), width: 230, cellClass: 'cell-link' },
    { field: 'lostOn', headerName: t('recovery:cases.col.lostOn'), sort: 'desc', ...date(fmt) },
    { field: 'days', headerName: t('recovery:cases.col.days'), width: 110, type: 'numericColumn', context: { exportKind: 'integer' } },
    { field: 'stage', headerName: t('recovery:cases.col.stage'), width: 140, valueFormatter: (p) => (p.value ? t(`recovery:stage.${p.value as CaseRow['stage']}`) : '') },
    { field: 'meetingDue', headerName: t('recovery:cases.col.meetingDue'), ...date(fmt), cellClassRules: { overdue: (p) => Boolean(p.data?.meetingOverdue) } },
    { field: 'meetingStatus', headerName: t('recovery:cases.col.meetingStatus'), width: 130, valueFormatter: (p) => (p.value ? t(`recovery:meetingStatus.${p.value as CaseRow['meetingStatus']}`) : '') },
    { field: 'meetingDate', headerName: t('recovery:cases.col.meetingDate'), ...date(fmt) },
    { field: 'meetingOverdue', headerName: t('recovery:cases.col.overdue'), width: 110, valueFormatter: (p) => (p.value ? t('common:yes') : t('common:no')), cellClassRules: { overdue: (p) => Boolean(p.value) } },
    { colId: 'reason', headerName: t('recovery:cases.col.reason'), width: 200, valueGetter: (p) => (p.data ? reasonName(t, reasons, p.data.reasonId) : '') },
    { field: 'outcome', headerName: t('recovery:cases.col.outcome'), width: 130, valueFormatter: (p) => (p.value ? t(`recovery:outcome.${p.value as NonNullable<CaseRow['outcome']>}`) : '') },
    { field: 'outcomeOn', headerName: t('recovery:cases.col.outcomeOn'), ...date(fmt) },
    { field: 'lostRevenue', headerName: t('recovery:cases.col.lostRevenue'), width: 170, type: 'numericColumn', valueFormatter: (p) => fmt.money(p.value), context: { exportKind: 'money' } },
    { field: 'abc', headerName: t('recovery:cases.col.abc'), width: 90 },
    { field: 'manager', headerName: t('recovery:cases.col.manager'), width: 150 },
  ];
}
