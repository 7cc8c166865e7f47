import type { GridApi } from 'ag-grid-community';
import { useState } from 'react';
import { exportGridCsv } from './exportCsv';
import { exportGridXlsx } from './exportXlsx';
import { useT } from '../../lib/i18n';
import { useSettings } from '../../lib/settings-context';

interface Props<T> {
  api: () => GridApi<T> | null;
  title: string;
  fileName: string;
  quickFilter?: string;
  /** Also offer CSV, in the locale's own separator and decimal mark. */
  csv?: boolean;
}

/** "Export to Excel" for one grid: shows progress while main writes, then where the file went. */
export function ExportButton<T>({ api, title, fileName, quickFilter, csv }: Props<T>) {
  const { t } = useT();
  const { settings } = useSettings();
  const [state, setState] = useState<{ busy: boolean; message?: string; error?: boolean }>({ busy: false });
  const run = async () => {
    const grid = api();
    if (!grid) return;
    setState({ busy: true, message: t('export:working') });
    try {
      const r = await exportGridXlsx(grid, {
        title, fileName, quickFilter,
        onProgress: (p) => p.total > 0 && setState({ busy: true, message: t('export:progress', { done: p.done, count: p.total }) }),
      });
      setState({ busy: false, message: r ? t('export:done', { count: r.rows, path: r.path }) : undefined });
    } catch (err) {
      setState({ busy: false, message: (err as Error).message, error: true });
    }
  };
  const runCsv = () => {
    const grid = api();
    if (!grid) return;
    const rows = exportGridCsv(grid, fileName, { locale: settings.locale, yes: t('common:yes'), no: t('common:no') });
    setState({ busy: false, message: t('export:csvDone', { count: rows }) });
  };
  return (
    <span className="export-button">
      <button type="button" onClick={() => void run()} disabled={state.busy}>{t('export:xlsx')}</button>
      {csv && <button type="button" onClick={runCsv} disabled={state.busy} data-testid="export-csv">{t('export:csv')}</button>}
      {state.message && <span className={state.error ? 'form-error' : 'muted'} role="status" data-testid="export-status">{state.message}</span>}
    </span>
  );
}
