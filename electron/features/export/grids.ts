import { toIsoDate } from '../../../shared/kernel/dates';
import type { ClientRow } from '../../../shared/features/accounts';
import type { ExportColumn, GridExport } from '../../../shared/features/export/types';
import type { JobProgress } from '../../../shared/jobs/types';
import type { Db } from '../../db/connection';
import { listClientRows } from '../accounts';
import { getSettings } from '../settings';
import { writeSheetXlsx } from './xlsx-writer';

/** The clients grid's columns for exports made without a screen (the CLI): every column, the grid's default order. */
export const CLIENT_EXPORT_COLUMNS: [keyof ClientRow, string, ExportColumn['kind']][] = [
  ['code', 'Code', 'text'], ['name', 'Name', 'text'], ['type', 'Type', 'text'], ['status', 'Status', 'text'],
  ['revenue12m', 'Revenue, 12 months', 'money'], ['share12m', 'Share of revenue', 'percent'], ['purchaseCount', 'Purchases', 'integer'],
  ['firstPurchase', 'First purchase', 'date'], ['lastPurchase', 'Last purchase', 'date'], ['daysSinceLastPurchase', 'Days since last purchase', 'integer'],
  ['manager', 'Manager', 'text'], ['department', 'Department', 'text'], ['country', 'Country', 'text'],
];

export async function exportClientsFile(db: Db, path: string, opts: { asOf?: string; onProgress?: (p: JobProgress) => void } = {}): Promise<{ rows: number; path: string }> {
  const rows = listClientRows(db, { asOf: opts.asOf });
  const asRow = (r: ClientRow) => CLIENT_EXPORT_COLUMNS.map(([f]) => r[f]);
  const { rows: n } = await writeSheetXlsx(
    path,
    { title: `Clients — ${opts.asOf ?? toIsoDate(new Date())}`, sheetName: 'Clients', filter: '', currency: getSettings(db).currency, columns: CLIENT_EXPORT_COLUMNS.map(([, header, kind]) => ({ header, kind })) },
    (function* () {
      for (const r of rows) yield asRow(r);
    })(),
    { total: rows.length, onProgress: opts.onProgress, sample: rows.slice(0, 200).map(asRow) },
  );
  return { rows: n, path };
}

/** What a grid on screen sent: written as it is, in its order, with its title and filter. */
export async function exportGridFile(db: Db, path: string, grid: GridExport, hooks: { onProgress?: (p: JobProgress) => void; isCancelled?: () => boolean } = {}) {
  const date = toIsoDate(new Date());
  const { rows } = await writeSheetXlsx(
    path,
    { title: `${grid.title} — ${date}`, sheetName: grid.title, filter: grid.filter ? `Filter: ${grid.filter}` : '', currency: getSettings(db).currency, locale: getSettings(db).locale, columns: grid.columns },
    grid.rows,
    { total: grid.rows.length, sample: grid.rows.slice(0, 200), ...hooks },
  );
  return { rows, path };
}
