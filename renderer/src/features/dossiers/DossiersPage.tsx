import type { ColDef, GridApi } from 'ag-grid-community';
import { useMemo, useRef, useState } from 'react';
import type { DossierRow } from '../../../../shared/features/dossiers/types';
import { DataGrid } from '../../components/DataGrid';
import { useT } from '../../lib/i18n';
import { navigate } from '../../lib/navigation';
import { useSettings } from '../../lib/settings-context';
import { useQuery } from '../../lib/useQuery';
import { ExportButton } from '../export';
import { dossierPath } from './paths';
import { SearchPanel } from './SearchPanel';
import './dossiers.css';

/** Every dossier: account, manager, ABC class, words, empty sections, last edit; and the search across all of them. */
export function DossiersPage() {
  const { t } = useT();
  const { fmt } = useSettings();
  const rows = useQuery('dossiers.list', {});
  const [filter, setFilter] = useState('');
  const api = useRef<GridApi<DossierRow> | null>(null);
  const columns = useMemo<ColDef<DossierRow>[]>(() => {
    const h = (k: 'code' | 'client' | 'manager' | 'abc' | 'words' | 'sections' | 'empty' | 'updated') => t(`dossiers:list.columns.${k}`);
    return [
      { field: 'code', headerName: h('code'), width: 110 },
      { field: 'client', headerName: h('client'), width: 260, cellClass: 'cell-link', filter: 'agTextColumnFilter' },
      { field: 'manager', headerName: h('manager'), width: 160 },
      { field: 'abc', headerName: h('abc'), width: 90 },
      { field: 'words', headerName: h('words'), width: 120, type: 'numericColumn', filter: 'agNumberColumnFilter', sort: 'desc', valueFormatter: (p) => fmt.number(p.value, 0), context: { exportKind: 'integer' } },
      { field: 'sections', headerName: h('sections'), width: 110, type: 'numericColumn', context: { exportKind: 'integer' } },
      {
        field: 'emptySections', headerName: h('empty'), width: 260,
        valueFormatter: (p) => (p.data?.emptyTitles.length ? `${fmt.number(p.value, 0)}: ${p.data.emptyTitles.join(', ')}` : fmt.number(p.value, 0)),
        context: { exportKind: 'text' },
      },
      { field: 'updatedAt', headerName: h('updated'), width: 180, valueFormatter: (p) => fmt.dateTime(p.value), context: { exportKind: 'text' } },
    ];
  }, [t, fmt]);
  const open = (r: DossierRow) => r.clientId !== null && navigate(dossierPath(r.clientId));
  return (
    <section className="page dossiers-page">
      <header className="page-header">
        <h1>{t('dossiers:list.title')}</h1>
      </header>
      <SearchPanel />
      <div className="toolbar">
        <input type="search" className="search" placeholder={t('common:search')} aria-label={t('common:search')} value={filter} onChange={(e) => setFilter(e.target.value)} />
        <span className="muted" data-testid="dossiers-count">{t('dossiers:list.count', { count: rows.data?.length ?? 0, formatted: fmt.number(rows.data?.length ?? 0, 0) })}</span>
        {(rows.data?.length ?? 0) > 0 && <ExportButton api={() => api.current} title={t('dossiers:list.title')} fileName="dossiers.xlsx" quickFilter={filter} />}
      </div>
      {rows.error && <p className="form-error" role="alert">{rows.error.message}</p>}
      {rows.data && rows.data.length === 0 ? (
        <p className="muted">{t('dossiers:list.empty')}</p>
      ) : (
        <DataGrid<DossierRow> rows={rows.data} columns={columns} layoutKey="dossiers" quickFilter={filter} onApi={(a) => (api.current = a)} onOpen={open} linkField="client" height={420} testId="dossiers-grid" />
      )}
    </section>
  );
}
