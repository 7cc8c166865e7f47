import { AppError } from '../../errors';

/** Limits for an .xlsx before anything inflates it: a 200 KB file can hold gigabytes of zeros. */
export const ZIP_LIMITS = { maxEntries: 5_000, maxTotalBytes: 600 * 1024 * 1024, maxRatio: 200, ratioFloorBytes: 10 * 1024 * 1024 };

export interface ZipEntryInfo {
  name: string;
  compressed: number;
  uncompressed: number;
  /** General-purpose flags; bit 3 means sizes and CRC follow the data in a descriptor. */
  flags: number;
  crc: number;
  /** Where the entry's local header starts. */
  localOffset: number;
  /** Where this entry's central directory record starts and how long it is, so it can be copied as it is. */
  dirRecord: { offset: number; length: number };
}

export interface ZipDirectory {
  entries: ZipEntryInfo[];
  /** Start of the central directory; the entries' local data all lies before it. */
  dirOffset: number;
  /** Start of the end-of-central-directory record. */
  eocd: number;
}

const damaged = () => new AppError('invalid_input', 'import:errors.zipDamaged');
const mb = (bytes: number) => Math.round(bytes / 1048576);

/** Reads the central directory (names, declared sizes, where each entry lies) without inflating anything. */
export function zipDirectory(buf: Uint8Array): ZipDirectory {
  const view = new DataView(buf.buffer, buf.byteOffset, buf.byteLength);
  let eocd = -1;
  for (let i = buf.length - 22; i >= Math.max(0, buf.length - 65_557); i--) {
    if (view.getUint32(i, true) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw new AppError('invalid_input', 'import:errors.notZip');
  const count = view.getUint16(eocd + 10, true);
  const dirOffset = view.getUint32(eocd + 16, true);
  if (count === 0xffff || dirOffset === 0xffffffff) throw new AppError('invalid_input', 'import:errors.zip64');
  const entries: ZipEntryInfo[] = [];
  let p = dirOffset;
  for (let k = 0; k < count; k++) {
    if (p + 46 > buf.length || view.getUint32(p, true) !== 0x02014b50) throw damaged();
    const nameLen = view.getUint16(p + 28, true);
    const length = 46 + nameLen + view.getUint16(p + 30, true) + view.getUint16(p + 32, true);
    entries.push({
      flags: view.getUint16(p + 8, true),
      crc: view.getUint32(p + 16, true),
      compressed: view.getUint32(p + 20, true),
      uncompressed: view.getUint32(p + 24, true),
      name: new TextDecoder().decode(buf.subarray(p + 46, p + 46 + nameLen)),
      localOffset: view.getUint32(p + 42, true),
      dirRecord: { offset: p, length },
    });
    p += length;
  }
  return { entries, dirOffset, eocd };
}

/** The central directory's entries; see `zipDirectory`. */
export function zipEntries(buf: Uint8Array): ZipEntryInfo[] {
  return zipDirectory(buf).entries;
}

/** Refuses archives whose declared contents are too many, too big or too compressed to be a real workbook; hands back the directory it read. */
export function checkZipBomb(buf: Uint8Array, limits = ZIP_LIMITS): ZipDirectory {
  const dir = zipDirectory(buf);
  const entries = dir.entries;
  if (entries.length > limits.maxEntries) throw new AppError('invalid_input', 'import:errors.tooManyParts', { n: entries.length, max: limits.maxEntries });
  let total = 0;
  for (const e of entries) {
    total += e.uncompressed;
    if (e.uncompressed > limits.ratioFloorBytes && e.uncompressed / Math.max(1, e.compressed) > limits.maxRatio) {
      throw new AppError('invalid_input', 'import:errors.zipBomb', { part: e.name, ratio: Math.round(e.uncompressed / Math.max(1, e.compressed)), size: mb(e.uncompressed) });
    }
  }
  if (total > limits.maxTotalBytes) throw new AppError('invalid_input', 'import:errors.expandsTooMuch', { size: mb(total), max: mb(limits.maxTotalBytes) });
  return dir;
}
