import { rowConverter, type ConvertedRow } from '../../../shared/import/convert';
import type { RawRow } from '../../../shared/import/table';
import type { ImportSummary, JobProgress, PreviewRow, RowAction } from '../../../shared/import/types';
import type { Db } from '../../db/connection';
import { Cancelled } from '../errors';
import { previousImportOf } from '../../db/repositories/imports';
import type { Resolved } from './analyse';
import { clientRowHandler } from './rows-clients';
import { contactRowHandler } from './rows-contacts';
import { purchaseRowHandler } from './rows-purchases';
import type { TableSource } from './source';

export interface RunHooks {
  onProgress?: (p: JobProgress) => void;
  isCancelled?: () => boolean;
}

/** What a row handler decides for one converted row; `write` runs only when the import is committed. */
export interface RowOutcome {
  action: RowAction;
  reason?: string;
  quantity?: number;
  amount?: number;
  credit?: boolean;
}

export interface RowHandler {
  handle(row: ConvertedRow, write: boolean): RowOutcome;
  /** Counters only the handler knows (clients created, unknown keys). */
  counts(): { clientsCreated: number; unknownClients: number };
  /** Writes anything still queued. */
  flush?(): void;
}

export interface RunOptions {
  write: boolean;
  importId: number | null;
  createClients: boolean;
  dropIdentical: boolean;
  previewRows?: number;
}

const ROW_HANDLERS: Record<Resolved['kind'], (db: Db, opts: RunOptions) => RowHandler> = {
  clients: clientRowHandler,
  contacts: contactRowHandler,
  purchases: purchaseRowHandler,
};

export function emptySummary(kind: ImportSummary['kind']): ImportSummary {
  return { kind, rows: 0, added: 0, updated: 0, unchanged: 0, duplicates: 0, identical: 0, dropped: 0, rejected: 0, clientsCreated: 0, unknownClients: 0, creditLines: 0, quantity: 0, amount: 0, reasons: [], previousImport: null };
}

const MAX_LINES_PER_REASON = 20;

/**
 * One pass over the data rows: convert, judge, and (when writing) store.
 * Preview and commit run this same code, so the summary the user confirmed
 * is the summary of what is written.
 */
export function runRows(db: Db, table: TableSource, r: Resolved, opts: RunOptions, hooks: RunHooks = {}): { summary: ImportSummary; preview: PreviewRow[] } {
  const summary = emptySummary(r.kind);
  summary.previousImport = previousImportOf(db, table.file.hash, opts.importId);
  const preview: PreviewRow[] = [];
  const reasons = new Map<string, { count: number; lines: number[] }>();
  const reject = (line: number, reason: string) => {
    summary.rejected++;
    const e = reasons.get(reason) ?? { count: 0, lines: [] };
    e.count++;
    if (e.lines.length < MAX_LINES_PER_REASON) e.lines.push(line);
    reasons.set(reason, e);
  };
  const handler: RowHandler = ROW_HANDLERS[r.kind](db, opts);
  const keep = opts.previewRows ?? 0;
  const convert = rowConverter(r.kind, r.mapping, r.formats);
  let index = 0;
  const total = Math.max(0, table.approxRows - (r.headerRow + 1));
  table.forEach((raw: RawRow, i) => {
    if (i <= r.headerRow) return;
    if ((++index & 1023) === 0) {
      if (hooks.isCancelled?.()) throw new Cancelled('The import');
      if ((index & 16383) === 0) hooks.onProgress?.({ phase: opts.write ? 'writing' : 'checking', done: index, total });
    }
    summary.rows++;
    let row: ConvertedRow;
    let outcome: RowOutcome;
    const n = raw.cells.length;
    // A CSV row short of fields, or any row with values past the header's width, is malformed (xlsx rows simply end early).
    const malformed = (n < r.width && n > 0 && table.file.format === 'csv') || (n > r.width && raw.cells.slice(r.width).some((c) => c !== null && String(c).trim() !== ''));
    if (malformed) {
      row = { line: raw.line, values: {}, problems: [] };
      outcome = { action: 'reject', reason: `has ${n} fields, expected ${r.width}` };
    } else {
      row = convert(raw);
      outcome = row.problems.length
        ? { action: 'reject', reason: row.problems.map((p) => `${r.headers[p.column]}: ${p.message.replace(/"[^"]*"/, 'value')}`).join('; ') }
        : handler.handle(row, opts.write);
    }
    count(summary, outcome);
    if (outcome.action === 'reject') reject(raw.line, outcome.reason ?? 'rejected');
    if (preview.length < keep) {
      const problems = row.problems.map((p) => ({ column: p.column, message: p.message }));
      if (outcome.action === 'reject' && !problems.length) problems.push({ column: -1, message: outcome.reason ?? 'rejected' });
      if (outcome.reason && outcome.action !== 'reject') problems.push({ column: -1, message: outcome.reason });
      preview.push({ line: raw.line, action: outcome.action, values: row.values, problems });
    }
  });
  handler.flush?.();
  // Lines the CSV reader could not split (an unclosed quote) are rows of the file too.
  summary.rows += table.problems.length;
  for (const p of table.problems) reject(p.line, p.message.replace(/^Line \d+: /, ''));
  Object.assign(summary, handler.counts());
  summary.reasons = [...reasons].map(([reason, e]) => ({ reason, ...e })).sort((a, b) => b.count - a.count);
  summary.quantity = round(summary.quantity, 4);
  summary.amount = round(summary.amount, 2);
  return { summary, preview };
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
