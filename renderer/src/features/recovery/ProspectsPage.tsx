import type { ColDef, GridApi } from 'ag-grid-community';
import { useMemo, useRef, useState } from 'react';
import { PROSPECT_SOURCES } from '../../../../shared/features/recovery/enums';
import { prospectCreate } from '../../../../shared/features/recovery/schemas';
import type { ProspectRow } from '../../../../shared/features/recovery/types';
import { toIsoDate } from '../../../../shared/kernel/dates';
import { DataGrid } from '../../components/DataGrid';
import { Dialog } from '../../components/Dialog';
import { RecordForm } from '../../components/RecordForm';
import { call } from '../../lib/api';
import { useT } from '../../lib/i18n';
import { href, navigate } from '../../lib/navigation';
import { useSettings } from '../../lib/settings-context';
import { useQuery } from '../../lib/useQuery';
import { clientPath } from '../accounts';
import { ExportButton } from '../export';
import { choices, sourceLabel } from './labels';
import { RecoveryTabs } from './RecoveryTabs';
import { useLookups } from './useLookups';

function NewProspectDialog({ onClose }: { onClose: () => void }) {
  const { t } = useT();
  const lookups = useLookups(0);
  if (!lookups.ready) return null;
  return (
    <Dialog title={t('recovery:prospects.new')} onClose={onClose}>
      <RecordForm
        fields={[
          { name: 'name', label: 'recovery:prospects.fields.name', kind: 'text', required: true },
          { name: 'typeId', label: 'recovery:prospects.fields.typeId', kind: 'select', numeric: true, options: lookups.types },
          { name: 'source', label: 'recovery:prospects.fields.source', kind: 'select', required: true, options: choices(PROSPECT_SOURCES, (v) => t(`recovery:source.${v}`)) },
          { name: 'referredById', label: 'recovery:prospects.fields.referredById', kind: 'select', numeric: true, options: lookups.clients },
          { name: 'city', label: 'recovery:prospects.fields.city', kind: 'text' },
          { name: 'country', label: 'recovery:prospects.fields.country', kind: 'text' },
          { name: 'email', label: 'recovery:prospects.fields.email', kind: 'email' },
          { name: 'phone', label: 'recovery:prospects.fields.phone', kind: 'text' },
          { name: 'potentialAnnual', label: 'recovery:prospects.fields.potentialAnnual', kind: 'number' },
          { name: 'notes', label: 'recovery:prospects.fields.notes', kind: 'textarea' },
        ]}
        schema={prospectCreate}
        record={{}}
        onCancel={onClose}
        onSubmit={async (input) => {
          const { id } = await call('recovery.createProspect', input as never);
          onClose();
          navigate(clientPath(id));
        }}
      />
    </Dialog>
  );
}

/** Prospects with their source, ranked by how closely they look like the A clients; one step makes one a client. */
export function ProspectsPage() {
  const { t } = useT();
  const { fmt } = useSettings();
  const q = useQuery('recovery.prospects', {});
  const [adding, setAdding] = useState(false);
  const [picked, setPicked] = useState<ProspectRow | null>(null);
  const [message, setMessage] = useState<{ text: string; error: boolean } | null>(null);
  const api = useRef<GridApi<ProspectRow> | null>(null);
  const columns = useMemo<ColDef<ProspectRow>[]>(() => [
    { field: 'name', headerName: t('recovery:prospects.col.name'), width: 230, cellClass: 'cell-link' },
    { field: 'score', headerName: t('recovery:prospects.col.score'), width: 150, sort: 'desc', type: 'numericColumn', valueFormatter: (p) => fmt.percent(p.value), context: { exportKind: 'percent' } },
    { colId: 'matches', headerName: t('recovery:prospects.col.matches'), width: 240, valueGetter: (p) => p.data?.matches.join(', ') ?? '' },
    { field: 'type', headerName: t('recovery:prospects.col.type'), width: 140 },
    { colId: 'source', headerName: t('recovery:prospects.col.source'), width: 130, valueGetter: (p) => (p.data ? sourceLabel(t, p.data.source ?? p.data.sourceText) : '') },
    { field: 'referredBy', headerName: t('recovery:prospects.col.referredBy'), width: 200 },
    { field: 'city', headerName: t('recovery:prospects.col.city'), width: 120 },
    { field: 'country', headerName: t('recovery:prospects.col.country'), width: 100 },
    { field: 'potentialAnnual', headerName: t('recovery:prospects.col.potential'), width: 150, type: 'numericColumn', valueFormatter: (p) => fmt.money(p.value), context: { exportKind: 'money' } },
    { field: 'createdAt', headerName: t('recovery:prospects.col.createdAt'), width: 130, valueFormatter: (p) => fmt.date(p.value), context: { exportKind: 'date' } },
  ], [t, fmt]);
  const rows = q.data?.prospects ?? [];
  const convert = async (p: ProspectRow) => {
    try {
      await call('recovery.convertProspect', { id: p.id });
      setPicked(null);
      setMessage({ text: t('recovery:prospects.made', { name: p.name }), error: false });
    } catch (e) {
      setMessage({ text: (e as Error).message, error: true });
    }
  };
  return (
    <section className="page">
      <header className="page-header">
        <h1>{t('recovery:prospects.title')}</h1>
        <div className="toolbar">
          <button type="button" className="primary" onClick={() => setAdding(true)}>{t('recovery:prospects.new')}</button>
          {rows.length > 0 && <ExportButton api={() => api.current} title={t('recovery:prospects.exportTitle')} fileName={`prospects-${toIsoDate(new Date())}.xlsx`} />}
        </div>
      </header>
      <RecoveryTabs active="prospects" />
      <p className="muted">{t('recovery:prospects.lead')} {q.data && t('recovery:prospects.basis', { count: q.data.bestClients })}</p>
      {message && <p className={message.error ? 'form-error' : 'muted'} role="status">{message.text}</p>}
      {q.error && <p className="form-error" role="alert">{q.error.message}</p>}
      {picked && (
        <div className="settings-block" data-testid="picked-prospect">
          <h2>{picked.name}</h2>
          <p>{t('recovery:prospects.col.score')}: <strong>{fmt.percent(picked.score)}</strong>{picked.matches.length > 0 && ` · ${t('recovery:prospects.col.matches')}: ${picked.matches.join(', ')}`}</p>
          {picked.filled === 0 && <p className="muted">{t('recovery:prospects.fillPortrait')}</p>}
          <div className="toolbar">
            <a href={href(clientPath(picked.id))}><button type="button">{t('recovery:prospects.openPortrait')}</button></a>
            <button type="button" className="primary" onClick={() => void convert(picked)}>{t('recovery:prospects.makeClient')}</button>
          </div>
        </div>
      )}
      {q.data && rows.length === 0 ? <p className="muted">{t('recovery:prospects.empty')}</p> : (
        <DataGrid rows={rows} columns={columns} layoutKey="recovery.prospects" height={Math.min(520, 60 + rows.length * 42)} onOpen={(row) => setPicked(row)} linkField="name" onApi={(a) => (api.current = a)} testId="prospects-grid" />
      )}
      {adding && <NewProspectDialog onClose={() => setAdding(false)} />}
    </section>
  );
}
