import type { ColDef } from 'ag-grid-community';
import type { Reason, ReasonFigures } from '../../../../shared/features/recovery/types';
import type { Formatters } from '../../../../shared/kernel/format';
import type { T } from '../../lib/i18n';
import { reasonName } from './labels';

export type ReasonRow = ReasonFigures & { id: number; reason: string };

export const reasonRows = (t: T, reasons: Reason[] | undefined, figures: ReasonFigures[]): ReasonRow[] =>
  figures.map((f, i) => ({ ...f, id: f.reasonId ?? -1 - i, reason: reasonName(t, reasons, f.reasonId) }));

/** The reasons grid: a reason that came back after its corrective action shows in red. */
export function reasonColumns(t: T, fmt: Formatters): ColDef<ReasonRow>[] {
  const num = (field: keyof ReasonRow, header: string): ColDef<ReasonRow> => ({ field, headerName: header, width: 110, type: 'numericColumn', context: { exportKind: 'integer' } });
  return [
    { field: 'reason', headerName: t('recovery:analysis.col.reason'), width: 230, cellClassRules: { overdue: (p) => (p.data?.lossesAfterDone ?? 0) > 0 } },
    num('losses', t('recovery:analysis.col.losses')),
    { field: 'lostRevenue', headerName: t('recovery:analysis.col.lostRevenue'), width: 150, type: 'numericColumn', valueFormatter: (p) => fmt.money(p.value), context: { exportKind: 'money' } },
    num('closed', t('recovery:analysis.col.closed')),
    num('wonBack', t('recovery:analysis.col.wonBack')),
    { field: 'winBackRate', headerName: t('recovery:analysis.col.winBackRate'), width: 130, type: 'numericColumn', valueFormatter: (p) => fmt.percent(p.value), context: { exportKind: 'percent' } },
    { field: 'recurring', headerName: t('recovery:analysis.col.recurring'), width: 110, valueFormatter: (p) => (p.value ? t('common:yes') : t('common:no')) },
    num('openActions', t('recovery:analysis.col.openActions')),
    num('doneActions', t('recovery:analysis.col.doneActions')),
    { field: 'lastDoneOn', headerName: t('recovery:analysis.col.lastDoneOn'), width: 140, valueFormatter: (p) => fmt.date(p.value), context: { exportKind: 'date' } },
    { ...num('lossesAfterDone', t('recovery:analysis.col.lossesAfterDone')), cellClassRules: { overdue: (p) => (p.value ?? 0) > 0 } },
  ];
}
