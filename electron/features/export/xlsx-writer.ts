import { rmSync } from 'node:fs';
import { isIsoDate, parseIsoDate } from '../../../shared/kernel/dates';
import { neutraliseFormula } from '../../../shared/kernel/format';
import type { ExportColumn } from '../../../shared/features/export/types';
import type { JobProgress } from '../../../shared/jobs/types';
import { columnLetter } from '../../../shared/kernel/columns';
import { Cancelled } from '../../errors';
import { ZipWriter } from './zip-writer';

const CURRENCY_SYMBOL: Record<string, [string, 'before' | 'after']> = {
  EUR: ['€', 'after'], USD: ['$', 'before'], GBP: ['£', 'before'], HUF: ['Ft', 'after'], THB: ['฿', 'before'], RUB: ['₽', 'after'], CHF: ['CHF', 'after'], PLN: ['zł', 'after'],
};

/** An Excel number format that shows the currency, so the cell stays a number. */
export function moneyFormat(currency: string): string {
  const [sym, where] = CURRENCY_SYMBOL[currency] ?? [currency, 'after'];
  return where === 'before' ? `"${sym}"#,##0.00;-"${sym}"#,##0.00` : `#,##0.00 "${sym}";-#,##0.00 "${sym}"`;
}

export interface SheetSpec {
  title: string;
  sheetName: string;
  /** "Filter: …" line under the title; empty when nothing is filtered. */
  filter: string;
  currency: string;
  /** For what Excel has no cell type for: a birthday without a year is written as text, "8 December" in en-GB. */
  locale?: string;
  columns: ExportColumn[];
}

/** A sheet name Excel accepts: 31 characters, none of : \ / ? * [ ]. */
export function safeSheetName(name: string): string {
  return name.replace(/[:\\/?*[\]]/g, ' ').slice(0, 31).trim() || 'Sheet1';
}

// Cell styles, by index into styles.xml's cellXfs.
const STYLE = { plain: 0, header: 1, title: 2, integer: 3, number: 4, money: 5, percent: 6, date: 7 } as const;
const STYLE_OF: Record<ExportColumn['kind'], number> = { text: 0, boolean: 0, integer: STYLE.integer, number: STYLE.number, money: STYLE.money, percent: STYLE.percent, date: STYLE.date };

const xmlText = (s: string) =>
  s.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, '').replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

const EXCEL_EPOCH = Date.UTC(1899, 11, 30);
const YEARLESS = /^--(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;

/** "08-12" → "8 December" (en-GB), "december 8." (hu): the locale's own words for a day of the year. */
export function dayMonthFormatter(locale: string | undefined): (mmdd: string) => string {
  const f = new Intl.DateTimeFormat(locale ?? 'en-GB', { day: 'numeric', month: 'long', timeZone: 'UTC' });
  // A leap year, so 29 February has a day to stand on.
  return (mmdd) => f.format(Date.UTC(2000, Number(mmdd.slice(0, 2)) - 1, Number(mmdd.slice(3, 5))));
}
const DAY_MS = 86_400_000;

/** One cell's XML, or '' for an empty cell. Text from users never starts a formula, here or in a CSV made from the sheet. */
export function cellXml(ref: string, kind: ExportColumn['kind'], v: unknown, dayMonth: (mmdd: string) => string = (mmdd) => mmdd): string {
  if (v === null || v === undefined || v === '') return '';
  switch (kind) {
    case 'integer':
    case 'number':
    case 'money':
    case 'percent':
      return typeof v === 'number' && Number.isFinite(v) ? `<c r="${ref}" s="${STYLE_OF[kind]}"><v>${v}</v></c>` : '';
    case 'date': {
      // A birthday known without its year (--MM-DD) is no date Excel can hold: kept, as the day and month in words.
      if (typeof v === 'string' && YEARLESS.test(v)) return `<c r="${ref}" t="inlineStr"><is><t xml:space="preserve">${xmlText(dayMonth(v.slice(2)))}</t></is></c>`;
      if (typeof v !== 'string' || !isIsoDate(v.slice(0, 10))) return '';
      return `<c r="${ref}" s="${STYLE.date}"><v>${(parseIsoDate(v.slice(0, 10)).getTime() - EXCEL_EPOCH) / DAY_MS}</v></c>`;
    }
    case 'boolean':
      return typeof v === 'boolean' ? `<c r="${ref}" t="b"><v>${v ? 1 : 0}</v></c>` : '';
    default:
      return `<c r="${ref}" t="inlineStr"><is><t xml:space="preserve">${xmlText(neutraliseFormula(String(v)))}</t></is></c>`;
  }
}

const NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';
const HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

function stylesXml(currency: string): string {
  const fmts = [[164, '#,##0.##'], [165, moneyFormat(currency)], [166, '0.0%'], [167, 'yyyy-mm-dd']] as const;
  const xf = (numFmtId: number, fontId = 0) => `<xf numFmtId="${numFmtId}" fontId="${fontId}" fillId="0" borderId="0" xfId="0"${numFmtId ? ' applyNumberFormat="1"' : ''}${fontId ? ' applyFont="1"' : ''}/>`;
  return `${HEAD}<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">`
    + `<numFmts count="${fmts.length}">${fmts.map(([id, code]) => `<numFmt numFmtId="${id}" formatCode="${xmlText(code)}"/>`).join('')}</numFmts>`
    + '<fonts count="3"><font><sz val="11"/><name val="Calibri"/></font><font><b/><sz val="11"/><name val="Calibri"/></font><font><b/><sz val="13"/><name val="Calibri"/></font></fonts>'
    + '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>'
    + '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>'
    + '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>'
    + `<cellXfs count="8">${xf(0)}${xf(0, 1)}${xf(0, 2)}${xf(3)}${xf(164)}${xf(165)}${xf(166)}${xf(167)}</cellXfs>`
    + '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>';
}

const widthOf = (v: unknown) => (v === null || v === undefined ? 0 : String(v).length);

/**
 * Streams rows into an .xlsx file: title row, bold frozen header with an
 * autofilter, typed cells, widths from the header and the first rows. The
 * sheet is written as XML straight into a deflating zip entry, a thousand
 * rows at a time, so memory stays flat however many rows there are.
 */
export async function writeSheetXlsx(
  path: string,
  spec: SheetSpec,
  rows: Iterable<readonly unknown[]>,
  opts: { total: number; onProgress?: (p: JobProgress) => void; isCancelled?: () => boolean; sample?: readonly (readonly unknown[])[] },
): Promise<{ rows: number }> {
  const cols = spec.columns;
  const letters = cols.map((_, i) => columnLetter(i));
  const last = letters[letters.length - 1] ?? 'A';
  const sample = opts.sample ?? [];
  const widths = cols.map((c, i) => Math.min(60, Math.max(8, c.header.length + 2, ...sample.map((r) => widthOf(r[i]) + 2), c.kind === 'date' ? 12 : 0, c.kind === 'money' ? 14 : 0)));
  const sheetName = safeSheetName(spec.sheetName);
  const dayMonth = dayMonthFormatter(spec.locale);
  const zip = new ZipWriter(path);
  let n = 0;
  const text = (name: string, xml: string) => zip.entry(name, (push) => push(xml));
  try {
    // Package parts first, as Excel writes them; the workbook part needs the row count, so it follows the sheet.
    await text('_rels/.rels', `${HEAD}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">`
      + '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>');
    await text('[Content_Types].xml', `${HEAD}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">`
      + '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>'
      + '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
      + '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
      + '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/></Types>');
    await zip.entry('xl/worksheets/sheet1.xml', async (push) => {
      const title = spec.filter ? `${spec.title} — ${spec.filter}` : spec.title;
      await push(`${HEAD}<worksheet ${NS}><sheetViews><sheetView workbookViewId="0"><pane ySplit="2" topLeftCell="A3" activePane="bottomLeft" state="frozen"/></sheetView></sheetViews>`
        + `<sheetFormatPr defaultRowHeight="15"/><cols>${widths.map((w, i) => `<col min="${i + 1}" max="${i + 1}" width="${w}" customWidth="1"/>`).join('')}</cols><sheetData>`
        + `<row r="1"><c r="A1" t="inlineStr" s="${STYLE.title}"><is><t xml:space="preserve">${xmlText(title)}</t></is></c></row>`
        + `<row r="2">${cols.map((c, i) => `<c r="${letters[i]}2" t="inlineStr" s="${STYLE.header}"><is><t xml:space="preserve">${xmlText(c.header)}</t></is></c>`).join('')}</row>`);
      let chunk = '';
      for (const r of rows) {
        const rowNo = n + 3;
        let xml = `<row r="${rowNo}">`;
        for (let i = 0; i < cols.length; i++) xml += cellXml(`${letters[i]}${rowNo}`, cols[i].kind, r[i], dayMonth);
        chunk += `${xml}</row>`;
        if ((++n & 1023) === 0) {
          await push(chunk);
          chunk = '';
          if (opts.isCancelled?.()) throw new Cancelled('export:theExport');
          if ((n & 8191) === 0) opts.onProgress?.({ phase: 'writing', done: n, total: opts.total });
        }
      }
      await push(`${chunk}</sheetData><autoFilter ref="A2:${last}${n + 2}"/></worksheet>`);
    });
    await text('xl/styles.xml', stylesXml(spec.currency));
    await text('xl/workbook.xml', `${HEAD}<workbook ${NS}><bookViews><workbookView/></bookViews><sheets><sheet name="${xmlText(sheetName)}" sheetId="1" r:id="rId1"/></sheets>`
      + `<definedNames><definedName name="_xlnm._FilterDatabase" localSheetId="0" hidden="1">'${xmlText(sheetName.replace(/'/g, "''"))}'!$A$2:$${last}$${n + 2}</definedName></definedNames></workbook>`);
    await text('xl/_rels/workbook.xml.rels', `${HEAD}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">`
      + '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>'
      + '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>');
    await zip.close();
  } catch (err) {
    zip.destroy();
    rmSync(path, { force: true });
    throw err;
  }
  opts.onProgress?.({ phase: 'done', done: n, total: opts.total });
  return { rows: n };
}
