import type { GridApi } from 'ag-grid-community';
import { gridCsv, type CsvOptions } from '../../../../shared/features/export/csv';
import { gridRows } from './exportXlsx';

/**
 * What the grid shows as a CSV file the user's spreadsheet opens as it is
 * (the locale's separator and decimal mark, real dates: see gridCsv),
 * downloaded by the window as ag-grid's own CSV export is.
 */
export function exportGridCsv<T>(api: GridApi<T>, fileName: string, opts: CsvOptions): number {
  const { columns, rows } = gridRows(api);
  const url = URL.createObjectURL(new Blob([gridCsv(columns, rows, opts)], { type: 'text/csv;charset=utf-8' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName.replace(/\.xlsx$/i, '').replace(/\.csv$/i, '') + '.csv';
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
  return rows.length;
}
