import type { GridApi } from 'ag-grid-community';
import { useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ClientRow } from '../../../../shared/domain/types';
import { DataGrid, exportCsv } from '../../components/DataGrid';
import { ExportButton } from '../../components/ExportButton';
import { useSettings } from '../../lib/settings-context';
import { useQuery } from '../../lib/useQuery';
import { navigate } from '../../lib/useRoute';
import { clientColumns } from './clientColumns';
import { ClientFormDialog } from './ClientFormDialog';

export function ClientsPage() {
  const { t } = useTranslation();
  const { fmt } = useSettings();
  const [search, setSearch] = useState('');
  const [showArchived, setShowArchived] = useState(false);
  const [creating, setCreating] = useState(false);
  const [shown, setShown] = useState<number | null>(null);
  const api = useRef<GridApi<ClientRow> | null>(null);
  const rows = useQuery('clients.list', { includeArchived: showArchived });
  const columns = useMemo(() => clientColumns(t, fmt), [t, fmt]);

  return (
    <section className="page clients-page">
      <header className="page-header">
        <h1>{t('clients.title')}</h1>
        <div className="toolbar">
          <input type="search" className="search" placeholder={t('common.search')} aria-label={t('common.search')} value={search} onChange={(e) => setSearch(e.target.value)} />
          <label className="toggle">
            <input type="checkbox" checked={showArchived} onChange={(e) => setShowArchived(e.target.checked)} />
            {t('common.showArchived')}
          </label>
          <button type="button" onClick={() => api.current && exportCsv(api.current, 'clients.csv')}>{t('common.exportCsv')}</button>
          <ExportButton api={() => api.current} title={t('clients.title')} fileName="clients.xlsx" quickFilter={search} />
          <button type="button" className="primary" onClick={() => setCreating(true)}>{t('clients.new')}</button>
        </div>
      </header>
      {rows.error && <div className="form-error" role="alert">{t('app.error', { message: rows.error.message })}</div>}
      <p className="muted" data-testid="clients-count">
        {rows.data && rows.data.length === 0 ? t('clients.empty') : t('clients.count', { shown: shown ?? rows.data?.length ?? 0, total: rows.data?.length ?? 0 })}
      </p>
      <DataGrid<ClientRow>
        rows={rows.data}
        columns={columns}
        layoutKey="clients"
        quickFilter={search}
        onApi={(a) => (api.current = a)}
        onOpen={(row) => navigate({ name: 'client', id: row.id })}
        linkField="name"
        onDisplayedChange={setShown}
        testId="clients-grid"
      />
      {creating && (
        <ClientFormDialog
          onClose={() => setCreating(false)}
          onSaved={(id) => {
            setCreating(false);
            navigate({ name: 'client', id });
          }}
        />
      )}
    </section>
  );
}
