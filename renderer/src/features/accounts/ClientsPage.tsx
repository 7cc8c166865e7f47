import type { GridApi } from 'ag-grid-community';
import { useEffect, useMemo, useRef, useState } from 'react';
import { CLIENTS_LAYOUT, type ClientRow } from '../../../../shared/features/accounts';
import { DataGrid } from '../../components/DataGrid';
import { ExportButton } from '../export';
import { useSettings } from '../../lib/settings-context';
import { useExtensions } from '../../lib/extensions';
import { navigate } from '../../lib/navigation';
import { clientPath } from './paths';
import { clientColumns } from './clientColumns';
import { useClientsGrid } from './useClientsGrid';
import { ClientFormDialog } from './ClientFormDialog';
import { useT } from '../../lib/i18n';

export function ClientsPage() {
  const { t } = useT();
  const { fmt, settings } = useSettings();
  const [search, setSearch] = useState('');
  const [showArchived, setShowArchived] = useState(false);
  const [creating, setCreating] = useState(false);
  const [shown, setShown] = useState<number | null>(null);
  const api = useRef<GridApi<ClientRow> | null>(null);
  const { clientsGrid } = useExtensions();
  const extraColumns = useMemo(() => clientsGrid.map((e) => e.columns(t, fmt)), [t, fmt, clientsGrid]);
  const columns = useMemo(() => [...clientColumns(t, fmt, settings.locale), ...extraColumns.flat()], [t, fmt, settings.locale, extraColumns]);
  const extraFields = useMemo(() => extraColumns.map((cols) => cols.map((c) => c.field as string | undefined).filter((f): f is string => !!f)), [extraColumns]);
  // Columns over IPC, rows built here: a few megabytes instead of 50,000 cloned objects; the first rows come alone, first.
  const grid = useClientsGrid(showArchived, useMemo(() => extraFields.flat(), [extraFields]));
  const rows = { data: grid.rows, error: grid.error };
  // Other features' columns (a dormancy flag…) with their values merged into each row by client id, asked
  // for once every row is in (main's host answers in turn: asked sooner, they would hold the rows up).
  // The list of extensions is fixed for the app's life, so calling each one's hook in a loop is stable.
  const extraValues = clientsGrid.map((e) => e.useValues(grid.rows !== undefined && !grid.partial));
  // Each extension's values are written into the rows themselves and the grid is told to redraw those columns.
  // A new rowData per extension answer made ag-grid diff, sort and filter all 50,000 rows again each time (seconds).
  // Written while rendering, before ag-grid sees new rows; the object returned marks each write for the refresh below.
  const merged = useMemo(() => {
    const list = rows.data ?? [];
    extraFields.forEach((fields, k) => {
      const values = extraValues[k];
      if (!values) return;
      for (const r of list) {
        const row = r as unknown as Record<string, unknown>;
        const v = values.get(r.id);
        for (const f of fields) row[f] = v?.[f] ?? null;
      }
    });
    return {};
  }, [rows.data, extraFields, ...extraValues]);
  // New rows reach ag-grid with the values already written in (it diffs, sorts and filters them itself): only
  // values written into rows it already holds need the redraw, which walks all 50,000 rows (≈30 ms).
  const mergedInto = useRef<ClientRow[] | undefined>(undefined);
  useEffect(() => {
    const fresh = mergedInto.current !== rows.data;
    mergedInto.current = rows.data;
    const a = api.current;
    if (fresh || !a || a.isDestroyed()) return;
    const ids = new Set(extraFields.flat());
    a.refreshCells({ columns: [...ids], force: true });
    a.resetQuickFilter();
    if (search || Object.keys(a.getFilterModel() ?? {}).some((k) => ids.has(k))) a.onFilterChanged();
    if (a.getColumnState().some((c) => c.sort && ids.has(c.colId))) a.onSortChanged();
  }, [merged]);

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
        {grid.partial || !rows.data
          ? t('common:app.loading')
          : rows.data.length === 0
            ? t('accounts:clients.empty')
            : t('accounts:clients.count', { shown: shown ?? rows.data.length, count: rows.data.length })}
      </p>
      <DataGrid<ClientRow>
        rows={rows.data}
        columns={columns}
        layoutKey={CLIENTS_LAYOUT}
        quickFilter={search}
        onApi={(a) => (api.current = a)}
        onOpen={(row) => navigate(clientPath(row.id))}
        linkField="name"
        onDisplayedChange={setShown}
        testId="clients-grid"
        partial={grid.partial}
        preview
        onFirstRows={grid.firstRowsDrawn}
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
