/**
 * CSV bytes → text → records. Pure: runs in the import worker and in tests.
 * Malformed input is reported by physical line number, never swallowed.
 */
import type { Message } from '../../i18n/messages';
import { MAX_COLUMNS } from './table';

export const LEGACY_ENCODINGS: Record<string, string> = {
  hu: 'windows-1250',
  lt: 'windows-1257',
  th: 'windows-874',
  ru: 'windows-1251',
  fr: 'windows-1252',
  en: 'windows-1252',
  de: 'windows-1252',
};
export const ENCODINGS = ['utf-8', 'utf-16le', 'utf-16be', 'windows-1250', 'windows-1257', 'windows-874', 'windows-1251', 'windows-1252'] as const;
export type Encoding = (typeof ENCODINGS)[number];

export interface Decoded {
  text: string;
  encoding: Encoding;
  bom: boolean;
  /** The bytes were not UTF-8; the encoding is the locale's legacy code page and the user should confirm the letters look right. */
  guessedLegacy: boolean;
}

export function legacyEncodingFor(locale: string): Encoding {
  return (LEGACY_ENCODINGS[locale.slice(0, 2).toLowerCase()] ?? 'windows-1252') as Encoding;
}

export function decodeBytes(bytes: Uint8Array, locale: string, encoding?: Encoding): Decoded {
  const bomUtf8 = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  const bom16 = bytes[0] === 0xff && bytes[1] === 0xfe ? 'utf-16le' : bytes[0] === 0xfe && bytes[1] === 0xff ? 'utf-16be' : null;
  if (encoding) {
    const bom = (encoding === 'utf-8' && bomUtf8) || (encoding === bom16);
    // TextDecoder drops a matching BOM itself.
    return { text: new TextDecoder(encoding).decode(bytes), encoding, bom, guessedLegacy: false };
  }
  if (bom16) return { text: new TextDecoder(bom16).decode(bytes), encoding: bom16, bom: true, guessedLegacy: false };
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8', bom: bomUtf8, guessedLegacy: false };
  } catch {
    const legacy = legacyEncodingFor(locale);
    return { text: new TextDecoder(legacy).decode(bytes), encoding: legacy, bom: false, guessedLegacy: true };
  }
}

export type Delimiter = ',' | ';' | '\t' | '|' | 'whitespace';

/** Counts a character outside quotes on one line. */
function countOutsideQuotes(line: string, ch: string): number {
  let n = 0;
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (c === '"') quoted = !quoted;
    else if (c === ch && !quoted) n++;
  }
  return n;
}

/**
 * The delimiter that splits the first lines into the same number (>1) of
 * fields most consistently; files with none of , ; tab | but runs of spaces
 * (CDNOW, fixed-width exports) are whitespace separated.
 */
export function detectDelimiter(text: string): Delimiter {
  const sample = text.slice(0, 64 * 1024);
  const lines = sample.split(/\r\n|\n|\r/).filter((l) => l.trim() !== '').slice(0, 50);
  // A line cut off by the 64 KB sample would skew the counts.
  if (text.length > sample.length && lines.length > 1 && !sample.endsWith('\n')) lines.pop();
  let best: Delimiter | null = null;
  let bestScore = 0;
  for (const d of [',', ';', '\t', '|'] as const) {
    const counts = lines.map((l) => countOutsideQuotes(l, d));
    if (counts[0] === 0) continue;
    const same = counts.filter((c) => c === counts[0]).length;
    const score = same * 1000 + counts[0];
    if (score > bestScore) [best, bestScore] = [d, score];
  }
  if (best) return best;
  return lines.some((l) => /\S\s+\S/.test(l.trim())) ? 'whitespace' : ',';
}

export interface CsvRecord {
  /** 1-based physical line where the record starts. */
  line: number;
  cells: string[];
}
/** A line the reader could not split, with why (import:problems.*); the line is a field of its own, not part of the text. */
export interface CsvProblem extends Message {
  line: number;
}

const tooWide = (line: number): CsvProblem => ({ line, key: 'import:problems.tooManyFields', params: { max: MAX_COLUMNS } });

/** Where a chunked read stands: the next physical line number, and whether the text so far was the file's start. */
export interface CsvCursor {
  line: number;
  started: boolean;
}

/**
 * A quoted field still open after this many characters is taken for an
 * unclosed quote even before the end of the file: a chunked reader must not
 * hold the rest of a 300 MB file waiting for a closing quote.
 */
export const MAX_RECORD_CHARS = 16 * 1024 * 1024;

/**
 * Calls `onRecord` for each record. Quoted fields may hold delimiters,
 * doubled quotes and line breaks; an unclosed quote is reported at the line
 * it opened on, and reading goes on from the next line; so is a record of
 * more than MAX_COLUMNS fields. Blank lines are skipped. Returns false if
 * `onRecord` asked to stop.
 */
export function forEachCsvRecord(text: string, delimiter: Delimiter, onRecord: (r: CsvRecord) => boolean | void, onProblem: (p: CsvProblem) => void): boolean {
  return parseCsvChunk(text, delimiter, { line: 1, started: false }, true, onRecord, onProblem).consumed >= 0;
}

/**
 * One piece of a file's text, for readers that stream: `text` must end at a
 * line break unless `final`. A record that may go on in the next piece (a
 * quoted field still open) is left unread: `consumed` says where it starts,
 * and the caller passes the rest again with the next piece. `consumed` is -1
 * when `onRecord` asked to stop. The whole text in one final piece reads
 * exactly as forEachCsvRecord.
 */
export function parseCsvChunk(
  text: string,
  delimiter: Delimiter,
  cursor: CsvCursor,
  final: boolean,
  onRecord: (r: CsvRecord) => boolean | void,
  onProblem: (p: CsvProblem) => void,
): { consumed: number } {
  const n = text.length;
  let pos = !cursor.started && text.charCodeAt(0) === 0xfeff ? 1 : 0;
  cursor.started = true;
  let line = cursor.line;
  const stop = () => ((cursor.line = line), { consumed: -1 });
  // The next quote at or after `pos`, found once and reused, so a piece without quotes is scanned once for them.
  let nextQuote = -1;
  while (pos < n) {
    let end = text.indexOf('\n', pos);
    if (end < 0) {
      if (!final) break;
      end = n;
    }
    const lineEnd = end > pos && text.charCodeAt(end - 1) === 13 ? end - 1 : end;
    const startLine = line;
    // Split with a limit: a line of a million delimiters must not become a million-cell array first.
    if (nextQuote < pos) nextQuote = delimiter === 'whitespace' ? n : (text.indexOf('"', pos) + 1 || n + 1) - 1;
    if (nextQuote >= lineEnd) {
      const raw = text.slice(pos, lineEnd);
      pos = end + 1;
      line++;
      if (raw.trim() === '') continue;
      const cells = delimiter === 'whitespace' ? raw.trim().split(/\s+/, MAX_COLUMNS + 1) : raw.split(delimiter, MAX_COLUMNS + 1);
      if (cells.length > MAX_COLUMNS) onProblem(tooWide(startLine));
      else if (onRecord({ line: startLine, cells }) === false) return stop();
      continue;
    }
    // Quoted: walk characters, possibly across lines.
    const cells: string[] = [];
    let cell = '';
    let i = pos;
    let quoted = false;
    let atFieldStart = true;
    let unclosed = false;
    let tooMany = false;
    let lines = 0;
    for (;;) {
      if (i >= n) {
        unclosed = quoted;
        break;
      }
      const c = text[i];
      if (quoted) {
        if (c === '"') {
          if (text[i + 1] === '"') {
            cell += '"';
            i += 2;
            continue;
          }
          quoted = false;
          i++;
          continue;
        }
        if (c === '\n') lines++;
        cell += c;
        i++;
        continue;
      }
      if (c === '"' && atFieldStart) {
        quoted = true;
        atFieldStart = false;
        i++;
        continue;
      }
      if (c === delimiter) {
        if (cells.length < MAX_COLUMNS) cells.push(cell);
        else tooMany = true;
        cell = '';
        atFieldStart = true;
        i++;
        continue;
      }
      if (c === '\n' || (c === '\r' && text[i + 1] === '\n')) break;
      cell += c;
      atFieldStart = false;
      i++;
    }
    // The record may close in the next piece: read it again from its start then.
    if (unclosed && !final && n - pos < MAX_RECORD_CHARS) break;
    if (!unclosed && i >= n && !final) break;
    if (unclosed) {
      // Skip only the line the quote opened on and read on from the next one.
      onProblem({ line: startLine, key: 'import:problems.unclosedQuote' });
      pos = end + 1;
      line = startLine + 1;
      continue;
    }
    if (cells.length < MAX_COLUMNS) cells.push(cell);
    else tooMany = true;
    if (text[i] === '\r') i++;
    pos = i + 1;
    line += lines + 1;
    if (tooMany) onProblem(tooWide(startLine));
    else if (onRecord({ line: startLine, cells }) === false) return stop();
  }
  cursor.line = line;
  return { consumed: Math.min(pos, n) };
}
