import { rmSync } from 'node:fs';
import type { JobProgress } from '../../../shared/jobs/types';
import { columnLetter } from '../../../shared/kernel/columns';
import { Cancelled } from '../../errors';
import { ZipWriter } from './zip-writer';

/**
 * A workbook of several sheets streamed to disk, as the one-sheet grid
 * export is: rows become XML a thousand at a time straight into deflating
 * zip entries, so memory stays flat whatever the row count. Sheets carry a
 * bold title row, a bold frozen header, column widths and number formats,
 * per-cell styles (a band's fill), an autofilter and at most one picture.
 * Text is written as given: callers neutralise formula-like text first.
 */

export interface CellStyle {
  numFmt?: string;
  font?: 'bold' | 'title' | 'whiteBold';
  /** Solid fill, ARGB ("FFF9A825"). */
  fill?: string;
}

export interface WorkbookSheet {
  name: string;
  /** Row 1, bold and larger. */
  title: string;
  columns: { header: string; width: number; numFmt?: string }[];
  rows: Iterable<readonly unknown[]>;
  /** A data cell's own style, over its column's (`row` counts data rows from 0, `col` from 0). */
  cellStyle?: (row: number, col: number) => CellStyle | undefined;
  /** An autofilter over the header and the data, when there is data. */
  autoFilter?: boolean;
  image?: { png: Uint8Array; col: number; row: number; width: number; height: number };
}

const NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';
const HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const PX_EMU = 9525;
const FONTS = { plain: 0, bold: 1, title: 2, whiteBold: 3 } as const;

export const xmlText = (s: string) =>
  s.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, '').replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** cellXfs built as styles are asked for: one entry per number format, font and fill combination. */
class Styles {
  private fmts = new Map<string, number>();
  private fills = new Map<string, number>();
  private xfs = new Map<string, number>();
  private xfList: string[] = ['<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>'];
  constructor() {
    this.xfs.set('0|0|0', 0);
  }
  index(s: CellStyle): number {
    const fmt = s.numFmt ? (this.fmts.get(s.numFmt) ?? this.fmts.set(s.numFmt, 164 + this.fmts.size).get(s.numFmt)!) : 0;
    const font = FONTS[s.font ?? 'plain'];
    const fill = s.fill ? (this.fills.get(s.fill) ?? this.fills.set(s.fill, 2 + this.fills.size).get(s.fill)!) : 0;
    const key = `${fmt}|${font}|${fill}`;
    let i = this.xfs.get(key);
    if (i === undefined) {
      i = this.xfList.length;
      this.xfs.set(key, i);
      this.xfList.push(`<xf numFmtId="${fmt}" fontId="${font}" fillId="${fill}" borderId="0" xfId="0"${fmt ? ' applyNumberFormat="1"' : ''}${font ? ' applyFont="1"' : ''}${fill ? ' applyFill="1"' : ''}/>`);
    }
    return i;
  }
  xml(): string {
    const fmts = [...this.fmts].map(([code, id]) => `<numFmt numFmtId="${id}" formatCode="${xmlText(code)}"/>`).join('');
    const fills = [...this.fills.keys()].map((argb) => `<fill><patternFill patternType="solid"><fgColor rgb="${argb}"/><bgColor indexed="64"/></patternFill></fill>`).join('');
    return `${HEAD}<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">`
      + (this.fmts.size ? `<numFmts count="${this.fmts.size}">${fmts}</numFmts>` : '')
      + '<fonts count="4"><font><sz val="11"/><name val="Calibri"/></font><font><b/><sz val="11"/><name val="Calibri"/></font>'
      + '<font><b/><sz val="13"/><name val="Calibri"/></font><font><b/><sz val="11"/><color rgb="FFFFFFFF"/><name val="Calibri"/></font></fonts>'
      + `<fills count="${2 + this.fills.size}"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill>${fills}</fills>`
      + '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>'
      + '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>'
      + `<cellXfs count="${this.xfList.length}">${this.xfList.join('')}</cellXfs>`
      + '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>';
  }
}

function cell(ref: string, v: unknown, s: number): string {
  const style = s ? ` s="${s}"` : '';
  if (v === null || v === undefined || v === '') return '';
  if (typeof v === 'number') return Number.isFinite(v) ? `<c r="${ref}"${style}><v>${v}</v></c>` : '';
  if (typeof v === 'boolean') return `<c r="${ref}"${style} t="b"><v>${v ? 1 : 0}</v></c>`;
  return `<c r="${ref}"${style} t="inlineStr"><is><t xml:space="preserve">${xmlText(String(v))}</t></is></c>`;
}

function drawingXml(img: NonNullable<WorkbookSheet['image']>): string {
  return `${HEAD}<xdr:wsDr xmlns:xdr="http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main">`
    + `<xdr:oneCellAnchor editAs="oneCell"><xdr:from><xdr:col>${img.col}</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>${img.row}</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:from>`
    + `<xdr:ext cx="${img.width * PX_EMU}" cy="${img.height * PX_EMU}"/><xdr:pic><xdr:nvPicPr><xdr:cNvPr id="1" name="Picture 1"/><xdr:cNvPicPr><a:picLocks noChangeAspect="1"/></xdr:cNvPicPr></xdr:nvPicPr>`
    + `<xdr:blipFill><a:blip xmlns:r="${REL}" r:embed="rId1" cstate="print"/><a:stretch><a:fillRect/></a:stretch></xdr:blipFill>`
    + '<xdr:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></a:xfrm><a:prstGeom prst="rect"><a:avLst/></a:prstGeom></xdr:spPr></xdr:pic><xdr:clientData/></xdr:oneCellAnchor></xdr:wsDr>';
}

const rels = (items: [id: string, type: string, target: string][]) =>
  `${HEAD}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${items.map(([id, type, target]) => `<Relationship Id="${id}" Type="${REL}/${type}" Target="${target}"/>`).join('')}</Relationships>`;

/** A sheet name Excel accepts: 31 characters, none of : \ / ? * [ ]. */
const sheetName = (name: string) => name.replace(/[:\\/?*[\]]/g, ' ').slice(0, 31).trim() || 'Sheet';

export async function writeWorkbook(
  path: string,
  sheets: WorkbookSheet[],
  opts: { total?: number; onProgress?: (p: JobProgress) => void; isCancelled?: () => boolean; cancelled?: () => Error } = {},
): Promise<{ rows: number }> {
  const styles = new Styles();
  const header = styles.index({ font: 'bold' });
  const titleStyle = styles.index({ font: 'title' });
  const zip = new ZipWriter(path);
  const text = (name: string, xml: string) => zip.entry(name, (push) => push(xml));
  const total = opts.total ?? 0;
  let done = 0;
  const lastRows: number[] = [];
  const withImage = sheets.map((s, i) => (s.image ? i : -1)).filter((i) => i >= 0);
  try {
    await text('[Content_Types].xml', `${HEAD}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">`
      + '<Default Extension="png" ContentType="image/png"/><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>'
      + '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
      + sheets.map((_, i) => `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`).join('')
      + withImage.map((_, k) => `<Override PartName="/xl/drawings/drawing${k + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.drawing+xml"/>`).join('')
      + '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/></Types>');
    await text('_rels/.rels', rels([['rId1', 'officeDocument', 'xl/workbook.xml']]));
    for (const [i, s] of sheets.entries()) {
      // Also at each sheet: a small report never reaches a 1,024-row batch, and a cancel should not wait for one.
      if (opts.isCancelled?.()) throw opts.cancelled?.() ?? new Cancelled('export:theExport');
      opts.onProgress?.({ phase: 'writing', done, total: Math.max(total, done) });
      const letters = s.columns.map((_, c) => columnLetter(c));
      const columnStyle = s.columns.map((c) => (c.numFmt ? styles.index({ numFmt: c.numFmt }) : 0));
      let n = 0;
      await zip.entry(`xl/worksheets/sheet${i + 1}.xml`, async (push) => {
        await push(`${HEAD}<worksheet ${NS}><sheetViews><sheetView workbookViewId="0"><pane ySplit="2" topLeftCell="A3" activePane="bottomLeft" state="frozen"/></sheetView></sheetViews>`
          + `<sheetFormatPr defaultRowHeight="15"/>${s.columns.length ? `<cols>${s.columns.map((c, k) => `<col min="${k + 1}" max="${k + 1}" width="${c.width}" customWidth="1"/>`).join('')}</cols>` : ''}<sheetData>`
          + `<row r="1">${cell('A1', s.title, titleStyle)}</row>`
          + `<row r="2">${s.columns.map((c, k) => cell(`${letters[k]}2`, c.header, header)).join('')}</row>`);
        let chunk = '';
        for (const r of s.rows) {
          const rowNo = n + 3;
          let xml = `<row r="${rowNo}">`;
          for (let k = 0; k < s.columns.length; k++) {
            const own = s.cellStyle?.(n, k);
            const st = own ? styles.index({ numFmt: s.columns[k].numFmt, ...own }) : columnStyle[k];
            xml += cell(`${letters[k]}${rowNo}`, r[k], st);
          }
          chunk += `${xml}</row>`;
          n++;
          if ((++done & 1023) === 0) {
            await push(chunk);
            chunk = '';
            if (opts.isCancelled?.()) throw opts.cancelled?.() ?? new Cancelled('export:theExport');
            if ((done & 8191) === 0) opts.onProgress?.({ phase: 'writing', done, total: Math.max(total, done) });
          }
        }
        const last = letters[letters.length - 1] ?? 'A';
        await push(`${chunk}</sheetData>${s.autoFilter && n ? `<autoFilter ref="A2:${last}${n + 2}"/>` : ''}${s.image ? '<drawing r:id="rId1"/>' : ''}</worksheet>`);
      });
      lastRows.push(n);
      if (s.image) {
        const k = withImage.indexOf(i) + 1;
        await text(`xl/worksheets/_rels/sheet${i + 1}.xml.rels`, rels([['rId1', 'drawing', `../drawings/drawing${k}.xml`]]));
        await text(`xl/drawings/drawing${k}.xml`, drawingXml(s.image));
        await text(`xl/drawings/_rels/drawing${k}.xml.rels`, rels([['rId1', 'image', `../media/image${k}.png`]]));
        const png = s.image.png;
        await zip.entry(`xl/media/image${k}.png`, (push) => push(Buffer.from(png.buffer, png.byteOffset, png.byteLength)));
      }
    }
    await text('xl/styles.xml', styles.xml());
    const names = sheets.map((s) => sheetName(s.name));
    const filters = sheets.map((s, i) => (s.autoFilter && lastRows[i] ? `<definedName name="_xlnm._FilterDatabase" localSheetId="${i}" hidden="1">'${xmlText(names[i].replace(/'/g, "''"))}'!$A$2:$${columnLetter(Math.max(0, s.columns.length - 1))}$${lastRows[i] + 2}</definedName>` : '')).join('');
    await text('xl/workbook.xml', `${HEAD}<workbook ${NS}><bookViews><workbookView/></bookViews><sheets>${names.map((name, i) => `<sheet name="${xmlText(name)}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`).join('')}</sheets>`
      + (filters ? `<definedNames>${filters}</definedNames>` : '') + '</workbook>');
    await text('xl/_rels/workbook.xml.rels', rels([...sheets.map((_, i) => [`rId${i + 1}`, 'worksheet', `worksheets/sheet${i + 1}.xml`] as [string, string, string]), [`rId${sheets.length + 1}`, 'styles', 'styles.xml']]));
    await zip.close();
  } catch (err) {
    zip.destroy();
    rmSync(path, { force: true });
    throw err;
  }
  opts.onProgress?.({ phase: 'done', done, total: Math.max(total, done) });
  return { rows: done };
}
