import { message, type Message } from '../../../shared/i18n/messages';
import { AppError } from '../../errors';
import type { ZipDirectory, ZipEntryInfo } from './zip-guard';

/**
 * Puts an .xlsx's parts in the order exceljs' streaming reader can cope with.
 *
 * The reader (exceljs 4.4, issue #683) reads the zip front to back. A
 * worksheet met before the shared strings is parked in a temp file to be
 * read at the end; while that file is written, unzipper runs on to the end
 * of the archive and announces "end" with the next parts still queued, and
 * exceljs stops there. The shared strings are never read, so every text
 * cell comes out as `{ sharedString: n }` — imported as "[object Object]".
 * Which parts are lost depends on how much of the archive is still queued,
 * so most files survive by luck; one whose worksheet sits just before
 * sharedStrings.xml at the end of the archive does not.
 *
 * With the workbook, its relationships, the shared strings and the styles
 * first and the worksheets last, each worksheet is read as it streams by and
 * nothing it needs can be lost. Entries are copied byte for byte (no
 * inflating, so the zip-bomb check done before still holds); only the
 * offsets in a fresh central directory change.
 */

/** The worksheet parts exactly as exceljs recognises them (unanchored, as it matches them). */
export const WORKSHEET_PART = /xl\/worksheets\/sheet\d+[.]xml/;

/** What exceljs must have read before the first worksheet, in the order it is written here. */
const NEEDED_FIRST = ['xl/workbook.xml', 'xl/_rels/workbook.xml.rels', 'xl/sharedStrings.xml', 'xl/styles.xml'];

function rank(name: string): number {
  const i = NEEDED_FIRST.indexOf(name);
  if (i >= 0) return i;
  return WORKSHEET_PART.test(name) ? NEEDED_FIRST.length + 1 : NEEDED_FIRST.length;
}

interface Span {
  entry: ZipEntryInfo;
  start: number;
  end: number;
}

/** Returns the bytes unchanged when every part exceljs needs precedes every worksheet, or a reordered copy. */
export function inReadingOrder(bytes: Uint8Array, dir: ZipDirectory, fileName: string): Uint8Array {
  const refuse = (why: Message) => new AppError('invalid_input', 'import:errors.damagedInside', { name: fileName, why });
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const spans: Span[] = dir.entries.map((entry) => localSpan(bytes, view, dir, entry, refuse)).sort((a, b) => a.start - b.start);
  for (let i = 1; i < spans.length; i++) {
    // Overlapping entries are a trick (one stored byte range listed twice), never something Excel writes.
    if (spans[i].start < spans[i - 1].end) throw refuse(message('import:damage.overlap', { first: spans[i - 1].entry.name, second: spans[i].entry.name }));
  }
  const firstSheet = spans.findIndex((s) => rank(s.entry.name) > NEEDED_FIRST.length);
  const lastNeeded = spans.reduce((last, s, i) => (rank(s.entry.name) < NEEDED_FIRST.length ? i : last), -1);
  if (firstSheet < 0 || lastNeeded < firstSheet) return bytes;

  // Stable: parts of the same rank keep the order they had, so sheet1 stays before sheet2.
  const ordered = spans.map((s, i) => ({ s, i })).sort((a, b) => rank(a.s.entry.name) - rank(b.s.entry.name) || a.i - b.i).map((x) => x.s);
  const dataBytes = ordered.reduce((n, s) => n + s.end - s.start, 0);
  const dirBytes = ordered.reduce((n, s) => n + s.entry.dirRecord.length, 0);
  const out = new Uint8Array(dataBytes + dirBytes + 22);
  const outView = new DataView(out.buffer);
  const offsets: number[] = [];
  let p = 0;
  for (const s of ordered) {
    offsets.push(p);
    out.set(bytes.subarray(s.start, s.end), p);
    p += s.end - s.start;
  }
  const newDirOffset = p;
  ordered.forEach((s, k) => {
    const r = s.entry.dirRecord;
    out.set(bytes.subarray(r.offset, r.offset + r.length), p);
    outView.setUint32(p + 42, offsets[k], true);
    p += r.length;
  });
  // A fresh end record (single disk, no comment): the old one's offsets no longer hold.
  outView.setUint32(p, 0x06054b50, true);
  outView.setUint16(p + 8, ordered.length, true);
  outView.setUint16(p + 10, ordered.length, true);
  outView.setUint32(p + 12, dirBytes, true);
  outView.setUint32(p + 16, newDirOffset, true);
  return out;
}

/** Where one entry's local header, data and (if any) data descriptor lie, checked against the central directory. */
function localSpan(bytes: Uint8Array, view: DataView, dir: ZipDirectory, e: ZipEntryInfo, refuse: (why: Message) => AppError): Span {
  const part = { part: e.name };
  if (e.compressed === 0xffffffff || e.uncompressed === 0xffffffff || e.localOffset === 0xffffffff) throw refuse(message('import:damage.zip64Sizes', part));
  const r = e.dirRecord;
  if (r.offset + r.length > bytes.length) throw refuse(message('import:damage.directoryCut'));
  const start = e.localOffset;
  if (start + 30 > dir.dirOffset || view.getUint32(start, true) !== 0x04034b50) throw refuse(message('import:damage.misplaced', part));
  const nameLen = view.getUint16(start + 26, true);
  const extraLen = view.getUint16(start + 28, true);
  const centralName = bytes.subarray(r.offset + 46, r.offset + 46 + view.getUint16(r.offset + 28, true));
  const localName = bytes.subarray(start + 30, start + 30 + nameLen);
  if (localName.length !== centralName.length || localName.some((b, i) => b !== centralName[i])) throw refuse(message('import:damage.otherName', part));
  const localFlags = view.getUint16(start + 6, true);
  if ((localFlags & 0x08) !== (e.flags & 0x08)) throw refuse(message('import:damage.sizes', part));
  const dataEnd = start + 30 + nameLen + extraLen + e.compressed;
  let end = dataEnd;
  if (localFlags & 0x08) {
    // The descriptor's signature is optional; the CRC the directory records tells the two layouts apart.
    if (dataEnd + 16 <= dir.dirOffset && view.getUint32(dataEnd, true) === 0x08074b50 && view.getUint32(dataEnd + 4, true) === e.crc) end = dataEnd + 16;
    else if (dataEnd + 12 <= dir.dirOffset && view.getUint32(dataEnd, true) === e.crc) end = dataEnd + 12;
    else throw refuse(message('import:damage.noDescriptor', part));
  }
  if (end > dir.dirOffset) throw refuse(message('import:damage.intoDirectory', part));
  return { entry: e, start, end };
}
