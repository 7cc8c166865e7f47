import type { ImportLogEntry, ImportPreview, ImportResult, ImportSpec, ImportSummary, SavedMapping, UndoPlan, UndoResult } from '../../../shared/features/import/types';
import type { Db } from '../../db/connection';
import { inTransaction } from '../../db/transaction';
import {
  BULK_FROM, createImportRecord, finishImportRecord, withImportSettings, getImportRecord, listImportRecords, purchaseIndexDefinitions,
} from './repository';
import { applyUndo, planUndo } from './undo';
import { readSetting, writeSetting } from '../../db/settings-store';
import { missingFieldsList } from '../../../shared/features/import/messages';
import { AppError, notFound } from '../../errors';
import { getSettings } from '../settings';
import { resolve } from './analyse';
import { portraitFieldsOf } from './portrait';
import { rememberMapping } from './remembered';
import { runRows, type RunHooks } from './run';
import { openTable, type TableSource } from './source';

const PREVIEW_ROWS = 100;

export async function loadTable(db: Db, spec: ImportSpec): Promise<TableSource> {
  return openTable(spec.path, { sheet: spec.sheet, encoding: spec.encoding, locale: getSettings(db).locale });
}

/** Everything the wizard shows, computed over the whole file; writes nothing. */
export function previewImport(db: Db, table: TableSource, spec: ImportSpec, hooks: RunHooks = {}, remembered = false): ImportPreview {
  const r = resolve(table, spec, getSettings(db).locale, portraitFieldsOf(db, spec.kind));
  // Until every needed field has a column, rows cannot be judged: the wizard shows the mapping and an empty summary.
  const rows = r.missingFields.length ? emptyTable(table) : table;
  const { summary, preview } = runRows(db, rows, r, { ...opts(spec, false, null), previewRows: PREVIEW_ROWS }, hooks);
  return {
    file: { name: table.file.name, size: table.file.size, format: table.file.format, encoding: table.encoding, guessedLegacy: table.guessedLegacy, delimiter: table.delimiter, date1904: table.date1904 },
    sheets: table.sheets,
    sheet: table.sheet,
    head: table.head.slice(0, 20).map((row) => row.cells),
    headerRow: r.headerRow,
    headers: r.headers,
    mapping: r.mapping,
    formats: r.formats,
    rows: preview,
    summary,
    missingFields: r.missingFields,
    portraitFields: [...r.portrait],
    remembered,
  };
}

function opts(spec: ImportSpec, write: boolean, importId: number | null) {
  return { write, importId, createClients: spec.createClients, dropIdentical: spec.dropIdentical };
}

function emptyTable(t: TableSource): TableSource {
  return { ...t, problems: [], forEach: () => {} };
}

/**
 * Writes the import in one transaction: a failure, a cancel or a killed
 * process leaves the database exactly as it was. Nothing to add means
 * nothing is recorded.
 */
export function commitImport(db: Db, table: TableSource, spec: ImportSpec, hooks: RunHooks = {}): ImportResult {
  const r = resolve(table, spec, getSettings(db).locale, portraitFieldsOf(db, spec.kind));
  if (r.missingFields.length) throw new AppError('invalid_input', 'import:errors.mapFirst', { fields: missingFieldsList(r.missingFields) });
  const bulk = spec.kind === 'purchases' && table.approxRows >= BULK_FROM;
  return withImportSettings(db, bulk, () => inTransaction(db, () => {
    const importId = createImportRecord(db, { kind: spec.kind, fileName: table.file.name, fileHash: table.file.hash, fileSize: table.file.size });
    const rebuild = bulk ? purchaseIndexDefinitions(db) : [];
    for (const ix of rebuild) db.sqlite.exec(`DROP INDEX "${ix.name}"`);
    const { summary } = runRows(db, table, r, opts(spec, true, importId), hooks);
    if (rebuild.length) hooks.onProgress?.({ phase: 'writing', done: summary.rows, total: summary.rows });
    for (const ix of rebuild) db.sqlite.exec(ix.sql);
    if (summary.added + summary.updated === 0) {
      db.sqlite.prepare(`DELETE FROM imports WHERE id = ?`).run(importId);
      return { ...summary, importId: null };
    }
    finishImportRecord(db, importId, summary);
    rememberMapping(db, table.file.name, table.sheet, r);
    return { ...summary, importId };
  }));
}

export function listImports(db: Db): ImportLogEntry[] {
  return listImportRecords(db).map((r) => {
    const s = JSON.parse(r.summary) as Partial<ImportSummary>;
    return { id: r.id, kind: r.kind, fileName: r.fileName, fileSize: r.fileSize, createdAt: r.createdAt, undoneAt: r.undoneAt, added: s.added ?? 0, updated: s.updated ?? 0, rejected: s.rejected ?? 0, amount: s.amount ?? 0 };
  });
}

function undoable(db: Db, id: number) {
  const rec = getImportRecord(db, id);
  if (!rec) throw notFound('import:nouns.import', id);
  if (rec.undoneAt) throw new AppError('conflict', 'import:errors.alreadyUndone', { id, file: rec.fileName, date: rec.undoneAt.slice(0, 10) });
  return rec;
}

/** What undoing the import would remove, put back and keep; writes nothing. */
export function undoPlan(db: Db, id: number): UndoPlan {
  undoable(db, id);
  return planUndo(db, id);
}

/**
 * Undoes an import in one transaction, keeping what people changed since:
 * see import-undo.ts. `withPlan` adds the plan that was carried out.
 */
export function undoImport(db: Db, id: number): UndoResult;
export function undoImport(db: Db, id: number, opts: { withPlan: true }): UndoResult & { plan: UndoPlan };
export function undoImport(db: Db, id: number, opts: { withPlan?: boolean } = {}): UndoResult & { plan?: UndoPlan } {
  return inTransaction(db, () => {
    undoable(db, id);
    const { plan, ...result } = applyUndo(db, id);
    return opts.withPlan ? { ...result, plan } : result;
  });
}

const MAPPINGS_KEY = 'import.mappings';

export function savedMappings(db: Db): SavedMapping[] {
  return readSetting<SavedMapping[]>(db, MAPPINGS_KEY) ?? [];
}

/** Saves (or replaces, by name and kind) a header→field mapping for next month's file. */
export function saveMapping(db: Db, m: SavedMapping): SavedMapping[] {
  const list = savedMappings(db).filter((x) => !(x.name === m.name && x.kind === m.kind));
  list.push(m);
  writeSetting(db, MAPPINGS_KEY, list);
  return list;
}
