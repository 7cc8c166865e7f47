import ExcelJS from 'exceljs';
import { neutraliseFormula } from '../../../shared/domain/format';
import type { ExportColumn } from '../../../shared/export/types';
import type { JobProgress } from '../../../shared/import/types';
import { parseIsoDate, isIsoDate } from '../../../shared/domain/dates';

const CURRENCY_SYMBOL: Record<string, [string, 'before' | 'after']> = {
  EUR: ['€', 'after'], USD: ['$', 'before'], GBP: ['£', 'before'], HUF: ['Ft', 'after'], THB: ['฿', 'before'], RUB: ['₽', 'after'], CHF: ['CHF', 'after'], PLN: ['zł', 'after'],
};

/** An Excel number format that shows the currency, so the cell stays a number. */
export function moneyFormat(currency: string): string {
  const [sym, where] = CURRENCY_SYMBOL[currency] ?? [currency, 'after'];
  return where === 'before' ? `"${sym}"#,##0.00;-"${sym}"#,##0.00` : `#,##0.00 "${sym}";-#,##0.00 "${sym}"`;
}

const NUM_FMT: Record<ExportColumn['kind'], string | undefined> = {
  text: undefined, integer: '#,##0', number: '#,##0.##', money: undefined, percent: '0.0%', date: 'yyyy-mm-dd', boolean: undefined,
};

export interface SheetSpec {
  title: string;
  sheetName: string;
  /** "Filter: …" line under the title; empty when nothing is filtered. */
  filter: string;
  currency: string;
  columns: ExportColumn[];
}

/** A sheet name Excel accepts: 31 characters, none of : \ / ? * [ ]. */
export function safeSheetName(name: string): string {
  return name.replace(/[:\\/?*[\]]/g, ' ').slice(0, 31).trim() || 'Sheet1';
}

export function cellFor(kind: ExportColumn['kind'], v: unknown): ExcelJS.CellValue {
  if (v === null || v === undefined || v === '') return null;
  switch (kind) {
    case 'integer':
    case 'number':
    case 'money':
    case 'percent':
      return typeof v === 'number' && Number.isFinite(v) ? v : null;
    case 'date':
      return typeof v === 'string' && isIsoDate(v.slice(0, 10)) ? parseIsoDate(v.slice(0, 10)) : null;
    case 'boolean':
      return typeof v === 'boolean' ? v : null;
    default:
      // User text is never left to start a formula, here or when someone saves the sheet as CSV.
      return neutraliseFormula(String(v));
  }
}

const widthOf = (v: unknown) => (v === null || v === undefined ? 0 : String(v).length);

/**
 * Streams rows to an .xlsx file: title row, bold frozen header with an
 * autofilter, typed cells, widths from the header and the first rows.
 * Rows are written and released one by one, so memory stays flat.
 */
export async function writeSheetXlsx(
  path: string,
  spec: SheetSpec,
  rows: Iterable<readonly unknown[]>,
  opts: { total: number; onProgress?: (p: JobProgress) => void; isCancelled?: () => boolean; sample?: readonly (readonly unknown[])[] },
): Promise<{ rows: number }> {
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: path, useStyles: true, useSharedStrings: false });
  wb.creator = 'Rapport';
  const ws = wb.addWorksheet(safeSheetName(spec.sheetName), { views: [{ state: 'frozen', ySplit: 2, xSplit: 0 }] });
  const sample = opts.sample ?? [];
  ws.columns = spec.columns.map((c, i) => ({
    key: String(i),
    width: Math.min(60, Math.max(8, c.header.length + 2, ...sample.map((r) => widthOf(r[i]) + 2), c.kind === 'date' ? 12 : 0, c.kind === 'money' ? 14 : 0)),
    style: { numFmt: c.kind === 'money' ? moneyFormat(spec.currency) : NUM_FMT[c.kind] },
  }));
  const title = ws.addRow([spec.filter ? `${spec.title} — ${spec.filter}` : spec.title]);
  title.font = { bold: true, size: 13 };
  title.commit();
  const header = ws.addRow(spec.columns.map((c) => c.header));
  header.font = { bold: true };
  header.commit();
  let n = 0;
  for (const r of rows) {
    const cells = new Array(spec.columns.length);
    for (let i = 0; i < cells.length; i++) cells[i] = cellFor(spec.columns[i].kind, r[i]);
    ws.addRow(cells).commit();
    if ((++n & 4095) === 0) {
      if (opts.isCancelled?.()) throw new Error('The export was cancelled.');
      opts.onProgress?.({ phase: 'writing', done: n, total: opts.total });
      // Let the file stream drain and other calls run.
      await new Promise((r) => setImmediate(r));
    }
  }
  ws.autoFilter = { from: { row: 2, column: 1 }, to: { row: 2 + n, column: Math.max(1, spec.columns.length) } };
  ws.commit();
  await wb.commit();
  opts.onProgress?.({ phase: 'done', done: n, total: opts.total });
  return { rows: n };
}
