import { rowConverter, type ConvertedRow } from '../../../shared/features/import/convert';
import { IMPORT_FIELDS, foldHeader } from '../../../shared/features/import/fields';
import { cellsReason, columnName } from '../../../shared/features/import/messages';
import type { RawRow } from '../../../shared/features/import/table';
import type { ImportSummary, PreviewRow } from '../../../shared/features/import/types';
import { message, type Message } from '../../../shared/i18n/messages';
import type { Db } from '../../db/connection';
import { Cancelled } from '../../errors';
import { previousImportOf } from './repository';
import type { Resolved } from './analyse';
import { clientRowHandler } from './rows-clients';
import { contactRowHandler } from './rows-contacts';
import { purchaseRowHandler } from './rows-purchases';
import type { TableSource } from './table-source';
import type { RowHandler, RowOutcome, RunHooks, RunOptions } from './row-types';

export type { RowHandler, RowOutcome, RunHooks, RunOptions } from './row-types';

const ROW_HANDLERS: Record<Resolved['kind'], (db: Db, opts: RunOptions, expectedRows: number, mapping: readonly (string | null)[]) => RowHandler> = {
  clients: clientRowHandler,
  contacts: contactRowHandler,
  purchases: purchaseRowHandler,
};

export function emptySummary(kind: ImportSummary['kind']): ImportSummary {
  return { kind, rows: 0, skipped: 0, leftOut: 0, added: 0, updated: 0, unchanged: 0, duplicates: 0, identical: 0, dropped: 0, rejected: 0, clientsCreated: 0, unknownClients: 0, creditLines: 0, quantity: 0, amount: 0, reasons: [], previousImport: null };
}

const MAX_LINES_PER_REASON = 20;
const REJECTED = message('import:reasons.rejected');

/**
 * One pass over the data rows: convert, judge, and (when writing) store.
 * Preview and commit run this same code, so the summary the user confirmed
 * is the summary of what is written.
 */
export function runRows(db: Db, table: TableSource, r: Resolved, opts: RunOptions, hooks: RunHooks = {}): { summary: ImportSummary; preview: PreviewRow[] } {
  const summary = emptySummary(r.kind);
  summary.previousImport = previousImportOf(db, table.file.hash, opts.importId);
  const preview: PreviewRow[] = [];
  // Grouped by key and parameters: the same words in English are the same reason in every language.
  const reasons = new Map<string, { reason: Message; count: number; lines: number[] }>();
  const reject = (line: number, reason: Message) => {
    summary.rejected++;
    const id = JSON.stringify(reason);
    let e = reasons.get(id);
    if (!e) reasons.set(id, (e = { reason, count: 0, lines: [] }));
    e.count++;
    if (e.lines.length < MAX_LINES_PER_REASON) e.lines.push(line);
  };
  const total = Math.max(0, table.approxRows - (r.headerRow + 1));
  const handler: RowHandler = ROW_HANDLERS[r.kind](db, opts, total, r.mapping);
  const keep = opts.previewRows ?? 0;
  const convert = rowConverter(r.kind, r.mapping, r.formats, r.portrait);
  const requiredFields = new Set(IMPORT_FIELDS[r.kind].filter((f) => f.required).map((f) => f.key));
  let index = 0;
  try {
    table.forEach((raw: RawRow, i) => {
      if (i <= r.headerRow) return;
      if ((++index & 1023) === 0) {
        if (hooks.isCancelled?.()) throw new Cancelled('import:theImport');
        if ((index & 16383) === 0) hooks.onProgress?.({ phase: opts.write ? 'writing' : 'checking', done: index, total });
      }
      if (notData(raw)) {
        summary.skipped++;
        return;
      }
      summary.rows++;
      let row: ConvertedRow;
      let outcome: RowOutcome;
      const n = raw.cells.length;
      // A CSV row short of fields, or any row with values past the header's width, is malformed (xlsx rows simply end early).
      const malformed = (n < r.width && n > 0 && table.file.format === 'csv') || (n > r.width && raw.cells.slice(r.width).some((c) => c !== null && String(c).trim() !== ''));
      if (malformed) {
        row = { line: raw.line, values: {}, problems: [] };
        outcome = { action: 'reject', reason: message('import:reasons.fieldCount', { n, expected: r.width }) };
      } else {
        row = convert(raw);
        // A client or a person is worth keeping without the one optional value that cannot be read; a purchase line is not.
        const leftOut = row.problems.length > 0 && r.kind !== 'purchases' && row.problems.every((p) => !requiredFields.has(p.field));
        outcome = row.problems.length && !leftOut ? { action: 'reject', reason: cellsReason(r.headers, row.problems) } : handler.handle(row, opts.write);
        if ((leftOut || outcome.leftOut) && outcome.action !== 'reject') {
          summary.leftOut++;
          outcome = { ...outcome, reason: outcome.reason ?? message('import:reasons.leftOut', { fields: row.problems.map((p) => columnName(r.headers, p.column)) }) };
        }
      }
      count(summary, outcome);
      if (outcome.action === 'reject') {
        reject(raw.line, outcome.reason ?? REJECTED);
        hooks.onRejected?.(raw, outcome.reason ?? REJECTED);
      }
      if (preview.length < keep) {
        const problems: PreviewRow['problems'] = row.problems.map((p) => ({ column: p.column, ...message(p.key, p.params) }));
        if (outcome.action === 'reject' && !problems.length) problems.push({ column: -1, ...(outcome.reason ?? REJECTED) });
        if (outcome.reason && outcome.action !== 'reject') problems.push({ column: -1, ...outcome.reason });
        preview.push({ line: raw.line, action: outcome.action, values: row.values, problems });
      }
    });
    handler.flush?.();
    handler.finish?.(summary, () => hooks.isCancelled?.() ?? false);
  } finally {
    handler.close?.();
  }
  // Lines the CSV reader could not split (an unclosed quote) are rows of the file too.
  summary.rows += table.problems.length;
  for (const p of table.problems) reject(p.line, message(p.key, p.params));
  Object.assign(summary, handler.counts());
  summary.reasons = [...reasons.values()].map(({ reason, count, lines }) => ({ ...reason, count, lines })).sort((a, b) => b.count - a.count);
  summary.quantity = round(summary.quantity, 4);
  summary.amount = round(summary.amount, 2);
  return { summary, preview };
}

/** What a total row starts with, in the app's languages (compared folded, as headers are). */
const TOTAL_WORDS = new Set(['total', 'totals', 'grand total', 'subtotal', 'sum', 'osszesen', 'mindosszesen', 'osszeg osszesen', 'total general', 'sous total', 'is viso', 'viso', 'bendra suma', 'รวม', 'รวมทั้งสิ้น', 'ยอดรวม', 'итого', 'всего', 'итог'].map(foldHeader));

/** Longer than any total word with room for its punctuation; such a text is data. */
const TOTAL_MAX = 40;
const totalMemo = new Map<string, boolean>();

/**
 * Whether a first value is a total word. Asked for every line of a file, so
 * most lines are told apart without folding (folding every first value was
 * 1.2 s of a 1,000,000-line import): no total word holds a digit or is long,
 * and the few other first values (client names) repeat.
 */
function isTotalWord(text: string): boolean {
  if (text.length > TOTAL_MAX || /\d/.test(text)) return false;
  let hit = totalMemo.get(text);
  if (hit === undefined) {
    if (totalMemo.size >= 10_000) totalMemo.clear();
    totalMemo.set(text, (hit = TOTAL_WORDS.has(foldHeader(text.replace(/:$/, '')))));
  }
  return hit;
}

/** A blank row, or a total row: its first value is a word such as "Összesen" or "Итого" (a client named "Total Kft" is data). */
export function notData(raw: RawRow): boolean {
  for (const c of raw.cells) {
    if (c === null) continue;
    const text = typeof c === 'string' ? c.trim() : String(c);
    if (text === '') continue;
    return typeof c === 'string' && isTotalWord(text);
  }
  return !raw.unreadable?.length;
}

function count(s: ImportSummary, o: RowOutcome): void {
  switch (o.action) {
    case 'add':
    case 'identical':
      s.added++;
      if (o.action === 'identical') s.identical++;
      s.quantity += o.quantity ?? 0;
      s.amount += o.amount ?? 0;
      if (o.credit) s.creditLines++;
      break;
    case 'update':
      s.updated++;
      break;
    case 'unchanged':
      s.unchanged++;
      break;
    case 'duplicate':
      s.duplicates++;
      break;
    case 'dropped':
      s.identical++;
      s.dropped++;
      break;
    case 'reject':
      break;
  }
}

const round = (n: number, digits: number) => Math.round(n * 10 ** digits) / 10 ** digits;
