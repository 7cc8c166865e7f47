import type { Column, GridApi } from 'ag-grid-community';
import type { ExportColumn } from '../../../../shared/features/export/types';
import type { JobProgress } from '../../../../shared/jobs/types';
import { call } from '../../lib/api';
import { waitForJob } from '../../lib/jobs';

/** How a column goes to Excel: set `context.exportKind` on a ColDef, or it is read from the column's type. */
function kindOf(col: Column): ExportColumn['kind'] {
  const def = col.getColDef();
  const declared = (def.context as { exportKind?: ExportColumn['kind'] } | undefined)?.exportKind;
  if (declared) return declared;
  if (def.cellDataType === 'dateString' || def.cellDataType === 'date') return 'date';
  if (def.cellDataType === 'boolean') return 'boolean';
  const types = Array.isArray(def.type) ? def.type : [def.type];
  return types.includes('numericColumn') ? 'number' : 'text';
}

/** "Name contains acme; Revenue > 1000; search: bud" — what narrowed the rows, for the title row. */
function describeFilter<T>(api: GridApi<T>, quickFilter: string): string {
  const parts: string[] = [];
  for (const [colId, model] of Object.entries(api.getFilterModel() ?? {})) {
    const header = api.getColumn(colId)?.getColDef().headerName ?? colId;
    const m = model as { type?: string; filter?: unknown; dateFrom?: string; filterTo?: unknown };
    parts.push(`${header} ${m.type ?? ''} ${m.filter ?? m.dateFrom ?? ''}${m.filterTo !== undefined ? `–${m.filterTo}` : ''}`.replace(/\s+/g, ' ').trim());
  }
  if (quickFilter.trim()) parts.push(`search "${quickFilter.trim()}"`);
  return parts.join('; ');
}

/**
 * Sends what the grid shows (visible columns in order, rows after filter and
 * sort) to main, which streams it into an .xlsx where the user chooses.
 * Numbers and dates go raw so Excel keeps their types; text columns go as shown.
 */
export async function exportGridXlsx<T>(api: GridApi<T>, opts: { title: string; fileName: string; quickFilter?: string; onProgress?: (p: JobProgress) => void }): Promise<{ path: string; rows: number } | null> {
  const { columns, rows } = gridRows(api);
  const started = await call('exports.grid', { title: opts.title, fileName: opts.fileName, filter: describeFilter(api, opts.quickFilter ?? ''), columns, rows });
  if (!started) return null;
  const outcome = await waitForJob(started.jobId, opts.onProgress ?? (() => {}));
  return outcome.task === 'export' ? { path: outcome.path, rows: outcome.rows } : null;
}

/** What the grid shows: visible columns in order with their kinds, rows after filter and sort, raw values except for text columns. */
export function gridRows<T>(api: GridApi<T>): { columns: ExportColumn[]; rows: (string | number | boolean | null)[][] } {
  const cols = api.getAllDisplayedColumns();
  const kinds = cols.map(kindOf);
  const rows: (string | number | boolean | null)[][] = [];
  api.forEachNodeAfterFilterAndSort((node) => {
    if (node.group) return;
    rows.push(
      cols.map((col, i) => {
        const raw = api.getCellValue({ rowNode: node, colKey: col });
        if (kinds[i] !== 'text') return raw === undefined ? null : (raw as string | number | boolean | null);
        const shown = api.getCellValue({ rowNode: node, colKey: col, useFormatter: true });
        return shown === undefined || shown === null ? null : String(shown);
      }),
    );
  });
  return { columns: cols.map((c, i) => ({ header: c.getColDef().headerName ?? c.getColId(), kind: kinds[i] })), rows };
}
