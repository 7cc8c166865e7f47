import type { GridApi } from 'ag-grid-community';
import { useMemo, useRef, useState } from 'react';
import type { ClientRow } from '../../../../shared/features/accounts/types';
import { DataGrid } from '../../components/DataGrid';
import { ExportButton } from '../export';
import { useSettings } from '../../lib/settings-context';
import { useQuery } from '../../lib/useQuery';
import { useExtensions } from '../../lib/extensions';
import { navigate } from '../../lib/navigation';
import { clientPath } from './paths';
import { clientColumns, gridRows as rowsOfGrid } from './clientColumns';
import { ClientFormDialog } from './ClientFormDialog';
import { useT } from '../../lib/i18n';

export function ClientsPage() {
  const { t } = useT();
  const { fmt } = useSettings();
  const [search, setSearch] = useState('');
  const [showArchived, setShowArchived] = useState(false);
  const [creating, setCreating] = useState(false);
  const [shown, setShown] = useState<number | null>(null);
  const api = useRef<GridApi<ClientRow> | null>(null);
  // Columns over IPC, rows built here: a few megabytes instead of 50,000 cloned objects.
  const grid = useQuery('clients.grid', { includeArchived: showArchived });
  const rows = useMemo(() => ({ data: grid.data ? rowsOfGrid(grid.data) : undefined, error: grid.error }), [grid.data, grid.error]);
  const { clientsGrid } = useExtensions();
  // Other features' columns (a dormancy flag…) with their values merged into each row by client id.
  // The list of extensions is fixed for the app's life, so calling each one's hook in a loop is stable.
  const extraValues = clientsGrid.map((e) => e.useValues());
  const columns = useMemo(() => [...clientColumns(t, fmt), ...clientsGrid.flatMap((e) => e.columns(t, fmt))], [t, fmt, clientsGrid]);
  const gridRows = useMemo(
    () => (extraValues.every((v) => !v) ? rows.data : rows.data?.map((r) => Object.assign({}, r, ...extraValues.map((v) => v?.get(r.id) ?? {})) as ClientRow)),
    [rows.data, ...extraValues],
  );

  return (
    <section className="page clients-page">
      <header className="page-header">
        <h1>{t('accounts:clients.title')}</h1>
        <div className="toolbar">
          <input type="search" className="search" placeholder={t('common:search')} aria-label={t('common:search')} value={search} onChange={(e) => setSearch(e.target.value)} />
          <label className="toggle">
            <input type="checkbox" checked={showArchived} onChange={(e) => setShowArchived(e.target.checked)} />
            {t('common:showArchived')}
          </label>
          <ExportButton api={() => api.current} title={t('accounts:clients.title')} fileName="clients.xlsx" quickFilter={search} csv />
          <button type="button" className="primary" onClick={() => setCreating(true)}>{t('accounts:clients.new')}</button>
        </div>
      </header>
      {rows.error && <div className="form-error" role="alert">{t('common:app.error', { message: rows.error.message })}</div>}
      <p className="muted" data-testid="clients-count">
        {rows.data && rows.data.length === 0 ? t('accounts:clients.empty') : t('accounts:clients.count', { shown: shown ?? rows.data?.length ?? 0, count: rows.data?.length ?? 0 })}
      </p>
      <DataGrid<ClientRow>
        rows={gridRows}
        columns={columns}
        layoutKey="clients"
        quickFilter={search}
        onApi={(a) => (api.current = a)}
        onOpen={(row) => navigate(clientPath(row.id))}
        linkField="name"
        onDisplayedChange={setShown}
        testId="clients-grid"
        perfName="clients grid"
      />
      {creating && (
        <ClientFormDialog
          onClose={() => setCreating(false)}
          onSaved={(id) => {
            setCreating(false);
            navigate(clientPath(id));
          }}
        />
      )}
    </section>
  );
}
