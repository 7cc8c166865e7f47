import { readFileSync, statSync } from 'node:fs';
import { htmlToSections, type HtmlImport } from '../../../shared/features/dossiers/html-to-doc';
import { AppError } from '../../errors';

/** Far above a real dossier with pictures; a bigger file is refused before it is read. */
export const MAX_DOCX_MB = 50;
/** What the file's parts may inflate to, checked in the zip directory before anything is inflated. */
const MAX_EXPANDED = 400 * 1024 * 1024;
const MAX_ENTRIES = 5000;

const refuse = (key: 'dossiers:errors.fileMissing' | 'dossiers:errors.fileTooLarge' | 'dossiers:errors.docxProtected' | 'dossiers:errors.notDocx' | 'dossiers:errors.docxDamaged' | 'dossiers:errors.docxBomb', params?: Record<string, string | number>) =>
  new AppError('invalid_input', key, params);

/** The names and sizes in a zip's central directory, without inflating anything; null when there is none to read. */
export function zipDirectory(buf: Buffer): { name: string; size: number; packed: number }[] | null {
  const min = Math.max(0, buf.length - 65_557);
  let eocd = -1;
  for (let i = buf.length - 22; i >= min; i--) if (buf.readUInt32LE(i) === 0x06054b50) (eocd = i), (i = -1);
  if (eocd < 0) return null;
  const count = buf.readUInt16LE(eocd + 10);
  let p = buf.readUInt32LE(eocd + 16);
  const out: { name: string; size: number; packed: number }[] = [];
  for (let k = 0; k < count; k++) {
    if (p + 46 > buf.length || buf.readUInt32LE(p) !== 0x02014b50) return null;
    const packed = buf.readUInt32LE(p + 20);
    const size = buf.readUInt32LE(p + 24);
    const nameLength = buf.readUInt16LE(p + 28);
    const extra = buf.readUInt16LE(p + 30);
    const comment = buf.readUInt16LE(p + 32);
    out.push({ name: buf.toString('utf8', p + 46, p + 46 + nameLength), size, packed });
    p += 46 + nameLength + extra + comment;
  }
  return out;
}

/**
 * Reads a Word file the user gave, refusing with a message that says what
 * to do: missing, too large, password-protected (an encrypted .docx is an
 * OLE container, like an old .doc), not a Word document, a zip that would
 * inflate to far more than any document, or damaged.
 */
export function readDocx(path: string): Buffer {
  let size: number;
  try {
    const st = statSync(path);
    if (!st.isFile()) throw new Error('not a file');
    size = st.size;
  } catch {
    throw refuse('dossiers:errors.fileMissing', { path });
  }
  if (size > MAX_DOCX_MB * 1024 * 1024) throw refuse('dossiers:errors.fileTooLarge', { mb: Math.round(size / 1024 / 1024), max: MAX_DOCX_MB });
  const buf = readFileSync(path);
  if (buf.length >= 8 && buf.readUInt32BE(0) === 0xd0cf11e0) throw refuse('dossiers:errors.docxProtected');
  if (buf.length < 4 || buf.readUInt32LE(0) !== 0x04034b50) throw refuse('dossiers:errors.notDocx');
  const entries = zipDirectory(buf);
  if (!entries) throw refuse('dossiers:errors.docxDamaged');
  if (!entries.some((e) => e.name === 'word/document.xml')) throw refuse('dossiers:errors.notDocx');
  const expanded = entries.reduce((n, e) => n + e.size, 0);
  if (entries.length > MAX_ENTRIES || expanded > MAX_EXPANDED || entries.some((e) => e.size === 0xffffffff || (e.size > 20e6 && e.size > e.packed * 200))) throw refuse('dossiers:errors.docxBomb');
  return buf;
}

/** The Word file as sections of editor JSON (see htmlToSections); images are listed, not kept. */
export async function convertDocx(buf: Buffer): Promise<HtmlImport & { warnings: string[] }> {
  let html: string;
  let messages: { type: string; message: string }[];
  // Loaded here, as exceljs is: every worker (an import's two threads, the analytics host) would pay for it at start.
  const { default: mammoth } = await import('mammoth');
  try {
    const r = await mammoth.convertToHtml({ buffer: buf }, { convertImage: mammoth.images.imgElement(async () => ({ src: '' })) });
    html = r.value;
    messages = r.messages;
  } catch {
    throw refuse('dossiers:errors.docxDamaged');
  }
  const out = htmlToSections(html);
  // Mammoth's warnings are English and technical; only the count of what it skipped reaches the user.
  return { ...out, warnings: messages.filter((m) => m.type === 'warning').map((m) => m.message) };
}
