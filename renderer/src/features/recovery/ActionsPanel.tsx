import type { ColDef, GridApi } from 'ag-grid-community';
import { useEffect, useMemo, useRef, useState } from 'react';
import { ACTION_STATUSES } from '../../../../shared/features/recovery/enums';
import { actionCreate, actionUpdate } from '../../../../shared/features/recovery/schemas';
import type { CorrectiveAction, Reason } from '../../../../shared/features/recovery/types';
import { toIsoDate } from '../../../../shared/kernel/dates';
import { DataGrid } from '../../components/DataGrid';
import { Dialog } from '../../components/Dialog';
import { RecordForm } from '../../components/RecordForm';
import { call } from '../../lib/api';
import { useT } from '../../lib/i18n';
import { useSettings } from '../../lib/settings-context';
import { useQuery } from '../../lib/useQuery';
import { ExportButton } from '../export';
import { choices, reasonName, reasonOptions } from './labels';

type Editing = CorrectiveAction | { reasonId: number | null } | null;

/** What we change because of each recurring reason: owner, due date, status, and the losses since it was done. */
export function ActionsPanel({ reasons, start, onStarted }: { reasons: Reason[]; start: number | null; onStarted: () => void }) {
  const { t } = useT();
  const { fmt } = useSettings();
  const [showArchived, setShowArchived] = useState(false);
  const [editing, setEditing] = useState<Editing>(null);
  const actions = useQuery('recovery.actions', { includeArchived: showArchived });
  const api = useRef<GridApi<CorrectiveAction> | null>(null);
  // "Open a corrective action" on a recurring reason opens the form here, with that reason.
  useEffect(() => {
    if (start === null) return;
    setEditing({ reasonId: start });
    onStarted();
  }, [start, onStarted]);
  const columns = useMemo<ColDef<CorrectiveAction>[]>(() => [
    { colId: 'reason', headerName: t('recovery:actions.reason'), width: 210, valueGetter: (p) => (p.data ? reasonName(t, reasons, p.data.reasonId) : ''), cellClassRules: { overdue: (p) => (p.data?.lossesAfter ?? 0) > 0 } },
    { field: 'what', headerName: t('recovery:actions.what'), width: 300, cellClass: 'cell-link' },
    { field: 'owner', headerName: t('recovery:actions.owner'), width: 150 },
    { field: 'dueDate', headerName: t('recovery:actions.dueDate'), width: 125, valueFormatter: (p) => fmt.date(p.value), context: { exportKind: 'date' }, cellClassRules: { overdue: (p) => Boolean(p.data?.overdue) } },
    { field: 'status', headerName: t('recovery:actions.status'), width: 120, valueFormatter: (p) => (p.value ? t(`recovery:actionStatus.${p.value as CorrectiveAction['status']}`) : '') },
    { field: 'doneOn', headerName: t('recovery:actions.doneOn'), width: 125, valueFormatter: (p) => fmt.date(p.value), context: { exportKind: 'date' } },
    { field: 'lossesAfter', headerName: t('recovery:actions.lossesAfter'), width: 130, type: 'numericColumn', context: { exportKind: 'integer' }, cellClassRules: { overdue: (p) => (p.value ?? 0) > 0 } },
    { field: 'notes', headerName: t('recovery:actions.notes'), width: 220 },
  ], [t, fmt, reasons]);
  const rows = actions.data ?? [];
  const record = editing && 'id' in editing ? editing : null;
  return (
    <section data-testid="actions">
      <h2>{t('recovery:actions.title')}</h2>
      <p className="muted">{t('recovery:actions.lead')}</p>
      <div className="toolbar">
        <button type="button" onClick={() => setEditing({ reasonId: null })}>{t('recovery:actions.new')}</button>
        <label className="toggle"><input type="checkbox" checked={showArchived} onChange={(e) => setShowArchived(e.target.checked)} />{t('common:showArchived')}</label>
        {rows.length > 0 && <ExportButton api={() => api.current} title={t('recovery:actions.exportTitle')} fileName={`corrective-actions-${toIsoDate(new Date())}.xlsx`} />}
      </div>
      {actions.data && rows.length === 0 ? <p className="muted">{t('recovery:actions.empty')}</p> : (
        <DataGrid rows={rows} columns={columns} layoutKey="recovery.actions" linkField="what" height={Math.min(420, 60 + rows.length * 42)} onOpen={(row) => setEditing(row)} onApi={(a) => (api.current = a)} testId="actions-grid" />
      )}
      {editing && (
        <Dialog title={t(record ? 'recovery:actions.edit' : 'recovery:actions.new')} onClose={() => setEditing(null)}>
          <RecordForm
            fields={[
              { name: 'reasonId', label: 'recovery:actions.reason', kind: 'select', numeric: true, required: true, options: reasonOptions(t, reasons) },
              { name: 'what', label: 'recovery:actions.what', kind: 'textarea', required: true },
              { name: 'owner', label: 'recovery:actions.owner', kind: 'text' },
              { name: 'dueDate', label: 'recovery:actions.dueDate', kind: 'date' },
              { name: 'status', label: 'recovery:actions.status', kind: 'select', allowEmpty: false, options: choices(ACTION_STATUSES, (v) => t(`recovery:actionStatus.${v}`)) },
              { name: 'doneOn', label: 'recovery:actions.doneOn', kind: 'date' },
              { name: 'notes', label: 'recovery:actions.notes', kind: 'textarea' },
            ]}
            schema={record ? actionUpdate : actionCreate}
            record={(record ?? { status: 'planned', reasonId: editing.reasonId }) as Record<string, unknown>}
            fixed={record ? { id: record.id } : undefined}
            onCancel={() => setEditing(null)}
            onSubmit={async (input) => {
              await call(record ? 'recovery.updateAction' : 'recovery.createAction', input as never);
              setEditing(null);
            }}
            actions={record && (
              <button type="button" onClick={async () => { await call(record.archivedAt ? 'recovery.restoreAction' : 'recovery.archiveAction', { id: record.id }); setEditing(null); }}>
                {record.archivedAt ? t('common:restore') : t('common:archive')}
              </button>
            )}
          />
        </Dialog>
      )}
    </section>
  );
}
