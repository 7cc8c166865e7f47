import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { ZipWriter } from '../../electron/features/export/zip-writer';
import { zipEntries } from '../../electron/features/import/zip-guard';

/** Text → bytes in a single-byte Windows code page (Node encodes only UTF-8), by inverting TextDecoder's table. */
export function encodeLegacy(text: string, encoding: string): Uint8Array {
  const decoder = new TextDecoder(encoding);
  const table = new Map<string, number>();
  for (let b = 0; b < 256; b++) table.set(decoder.decode(new Uint8Array([b])), b);
  return new Uint8Array([...text].map((ch) => {
    const b = table.get(ch);
    if (b === undefined) throw new Error(`"${ch}" has no byte in ${encoding}`);
    return b;
  }));
}

export function writeCsv(dir: string, name: string, text: string, opts: { encoding?: string; bom?: boolean } = {}): string {
  const body = !opts.encoding || opts.encoding === 'utf-8' ? new TextEncoder().encode(text) : encodeLegacy(text, opts.encoding);
  const path = join(dir, name);
  writeFileSync(path, opts.bom ? Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), body]) : body);
  return path;
}

export async function writeXlsx(dir: string, name: string, build: (wb: ExcelJS.Workbook) => void): Promise<string> {
  const wb = new ExcelJS.Workbook();
  build(wb);
  const path = join(dir, name);
  await wb.xlsx.writeFile(path);
  return path;
}

/** A real zip, for archives exceljs would never write (bombs, odd entry counts); entries given as sizes of zero bytes. */
export async function zipFile(path: string, entries: { name: string; zeros: number }[]): Promise<string> {
  const zip = new ZipWriter(path);
  for (const e of entries) {
    await zip.entry(e.name, async (push) => {
      for (let left = e.zeros; left > 0; left -= 1 << 20) await push('\0'.repeat(Math.min(left, 1 << 20)));
    });
  }
  await zip.close();
  return path;
}

/**
 * The workbook at `src` rewritten to `dest` with the parts `order` picks,
 * laid out in the order it gives, as other programs lay them out. Read with
 * jszip (an independent reader, bundled with exceljs) and written with the
 * app's zip writer; the parts are XML, so they pass through as text unchanged.
 */
export async function reorderParts(src: string, dest: string, order: (names: string[]) => string[]): Promise<string> {
  const zip = await JSZip.loadAsync(readFileSync(src));
  const names = Object.keys(zip.files).filter((n) => !zip.files[n].dir);
  const ordered = order(names);
  if (new Set(ordered).size !== ordered.length || ordered.some((n) => !names.includes(n))) throw new Error('the order must name existing parts, each once');
  const out = new ZipWriter(dest);
  for (const name of ordered) {
    const text = await zip.file(name)!.async('string');
    await out.entry(name, (push) => push(text));
  }
  await out.close();
  return dest;
}

/** Part names in the order their data lies in the file, which is the order a streaming reader meets them. */
export function partOrder(bytes: Uint8Array): string[] {
  return zipEntries(bytes).sort((a, b) => a.localOffset - b.localOffset).map((e) => e.name);
}

/** Every part's content, checked against its CRC by jszip: what a reader other than ours finds in the archive. */
export async function partContents(bytes: Uint8Array): Promise<Record<string, string>> {
  const zip = await JSZip.loadAsync(bytes, { checkCRC32: true });
  const out: Record<string, string> = {};
  for (const name of Object.keys(zip.files).sort()) if (!zip.files[name].dir) out[name] = await zip.file(name)!.async('string');
  return out;
}
