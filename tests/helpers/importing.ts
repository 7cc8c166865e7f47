import type { ImportSpecInput, PreviewRow, RejectReason } from '../../shared/features/import/types';
import { importSpec } from '../../shared/features/import/types';
import type { Db } from '../../electron/db/connection';
import { inEnglish } from '../../electron/i18n';
import { commitImport, loadTable, previewImport } from '../../electron/features/import/service';
import { withTable } from '../../electron/features/import/table-source';
import { updateSettings } from '../../electron/features/settings/service';

export async function preview(db: Db, spec: ImportSpecInput) {
  const s = importSpec.parse(spec);
  return withTable(loadTable(db, s), (table) => previewImport(db, table, s));
}

export async function commit(db: Db, spec: ImportSpecInput) {
  const s = importSpec.parse(spec);
  return withTable(loadTable(db, s), (table) => commitImport(db, table, s));
}

export function useLocale(db: Db, locale: string): void {
  updateSettings(db, { locale } as never);
}

/** What is stored, in a form a test can compare exactly. */
export function storedLines(db: Db) {
  return db.sqlite
    .prepare(`SELECT c.name AS client, c.code AS code, p.date, p.invoice, p.product, p.quantity, p.unit_price AS unitPrice, p.amount, p.currency
      FROM purchases p JOIN clients c ON c.id = p.client_id ORDER BY p.id`)
    .all() as { client: string; code: string | null; date: string; invoice: string | null; product: string | null; quantity: number; unitPrice: number | null; amount: number; currency: string | null }[];
}

export function counts(db: Db) {
  const n = (t: string) => (db.sqlite.prepare(`SELECT count(*) AS n FROM ${t}`).get() as { n: number }).n;
  return { clients: n('clients'), purchases: n('purchases'), imports: n('imports') };
}

/** A rejection reason as the user reads it in English: main sends its key and parameters. */
export function reasonInEnglish({ key, params, count, lines }: RejectReason): { reason: string; count: number; lines: number[] } {
  return { reason: inEnglish(key, params), count, lines };
}

/** A preview cell's problem as the user reads it in English. */
export function problemInEnglish({ column, key, params }: PreviewRow['problems'][number]): { column: number; message: string } {
  return { column, message: inEnglish(key, params) };
}
