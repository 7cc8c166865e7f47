import { z } from 'zod';
import type { Message } from '../../i18n/messages';
import { ENCODINGS } from './csv';
import { DATE_ORDERS } from './dates';
import { IMPORT_KINDS, type ImportKind, type PortraitImportField } from './fields';
import { NUMBER_STYLES } from './numbers';
import type { ColumnFormat, StoredValue } from './convert';
import type { RawCell } from './table';

const columnFormat = z.strictObject({
  numberStyle: z.enum(Object.keys(NUMBER_STYLES) as [keyof typeof NUMBER_STYLES]).optional(),
  numberAmbiguous: z.boolean().optional(),
  dateOrder: z.enum(DATE_ORDERS).optional(),
  dateSystem: z.union([z.literal(1900), z.literal(1904)]).optional(),
  dateAmbiguous: z.boolean().optional(),
});

/** What the user chose in the wizard (or on the command line); anything left out is guessed. */
export const importSpec = z.strictObject({
  path: z.string().min(1).max(4000),
  kind: z.enum(IMPORT_KINDS),
  sheet: z.string().max(200).optional(),
  encoding: z.enum(ENCODINGS).optional(),
  /** Index among the file's first rows; -1 when the file has no header row. */
  headerRow: z.number().int().min(-1).max(29).optional(),
  /** One entry per column: a field key (a portrait field's is `profile.` and its key), or null to leave the column out. */
  mapping: z.array(z.string().max(80).nullable()).max(500).optional(),
  formats: z.array(columnFormat).max(500).optional(),
  createClients: z.boolean().default(true),
  dropIdentical: z.boolean().default(false),
});
export type ImportSpec = z.output<typeof importSpec>;
export type ImportSpecInput = z.input<typeof importSpec>;

export type RowAction = 'add' | 'update' | 'unchanged' | 'duplicate' | 'identical' | 'dropped' | 'reject';

export interface PreviewRow {
  line: number;
  action: RowAction;
  values: Record<string, StoredValue>;
  /** Per cell (column index) and for the row as a whole (column -1), as keys (import:problems.*, import:reasons.*) the renderer translates. */
  problems: (Message & { column: number })[];
}

/** One reason rows were rejected: rows whose reasons have the same key and parameters are counted together. */
export interface RejectReason extends Message {
  count: number;
  /** The first lines it applies to (at most 20). */
  lines: number[];
}

export interface ImportSummary {
  kind: ImportKind;
  rows: number;
  /** Blank rows and total rows ("Összesen", "Total", "Итого"): not data, so neither imported nor rejected. */
  skipped: number;
  added: number;
  updated: number;
  unchanged: number;
  /** Lines already in the database (an earlier import of the same lines): skipped. */
  duplicates: number;
  /** Lines repeated inside this file: kept unless the user drops them. */
  identical: number;
  dropped: number;
  rejected: number;
  /** Rows kept without one or more optional values that could not be read (clients and contacts). */
  leftOut: number;
  clientsCreated: number;
  /** Distinct client keys not found (created or reported, as chosen). */
  unknownClients: number;
  creditLines: number;
  /** Totals over the lines that are (or would be) added. */
  quantity: number;
  amount: number;
  reasons: RejectReason[];
  /** The same file (by content) was imported before and not undone. */
  previousImport: { id: number; at: string } | null;
}

export interface ImportPreview {
  file: { name: string; size: number; format: 'csv' | 'xlsx'; encoding?: string; guessedLegacy?: boolean; delimiter?: string; date1904?: boolean };
  sheets: string[];
  sheet: string | null;
  /** The first rows as they are in the file, for picking the header row. */
  head: RawCell[][];
  headerRow: number;
  /** The header row's texts; '' where it names no column (shown as "Column C": see columnName). */
  headers: string[];
  mapping: (string | null)[];
  formats: ColumnFormat[];
  rows: PreviewRow[];
  summary: ImportSummary;
  /** Fields the kind needs that no column is mapped to; nothing can be imported until they are. */
  missingFields: string[];
  /** The client types' portrait fields, offered besides the kind's own (clients files only; empty otherwise). */
  portraitFields: PortraitImportField[];
  /** The columns were taken from the last import of a file with the same name pattern and sheet. */
  remembered: boolean;
}

export interface ImportResult extends ImportSummary {
  importId: number | null;
}

export interface ImportLogEntry {
  id: number;
  kind: ImportKind;
  fileName: string;
  fileSize: number;
  createdAt: string;
  undoneAt: string | null;
  added: number;
  updated: number;
  rejected: number;
  amount: number;
}

export const savedMapping = z.strictObject({
  name: z.string().trim().min(1, 'import:errors.mappingName').max(80, 'common:errors.tooLong'),
  kind: z.enum(IMPORT_KINDS),
  /** Header name (as in the file) → field. */
  fields: z.record(z.string().max(200), z.string().max(80).nullable()),
});
export type SavedMapping = z.output<typeof savedMapping>;

/** What an import job hands back, by task. */
export type ImportJobOutcome =
  | { task: 'preview'; preview: ImportPreview }
  | { task: 'commit'; result: ImportResult }
  /** The rejected rows, written to a CSV the user can correct and import again. */
  | { task: 'rejected'; path: string; rows: number }
  | { task: 'undo'; result: UndoResult; plan: UndoPlan; backup: string | null };

export interface PickedFile {
  path: string;
  name: string;
  size: number;
}

export interface UndoResult {
  purchases: number;
  contacts: number;
  clients: number;
  /** Records with at least one field put back. */
  restored: number;
  keptClients: number;
}

/** A record undo leaves in place, and why. */
export interface UndoKept {
  table: 'clients' | 'contacts' | 'purchases';
  id: number;
  label: string;
  reason: 'edited' | 'referenced';
  /** What refers to it. */
  by?: UndoReferrer;
}

export type UndoReferrer = 'purchase' | 'contact' | 'interaction' | 'task' | 'client';

/** A field the import changed that undo leaves as it is now. */
export interface UndoKeptField {
  table: 'clients' | 'contacts';
  id: number;
  label: string;
  field: string;
  /** A portrait field's label, the user's own words; the app's own fields are named by `field`. */
  fieldLabel?: string;
  /** changed_since: someone changed it after the import; not_recorded: an import from before Rapport recorded what it wrote. */
  reason: 'changed_since' | 'not_recorded';
}

/** What undo will do, shown before it runs. Lists hold at most 200 entries; the counts are complete. */
export interface UndoPlan {
  importId: number;
  fileName: string;
  remove: { purchases: number; contacts: number; clients: number };
  restoreRecords: number;
  restoreFields: number;
  kept: UndoKept[];
  keptCount: number;
  keptFields: UndoKeptField[];
  keptFieldCount: number;
}

