import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { ZipWriter } from '../../electron/services/export/zip-writer';

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
