import { foldHeader, IMPORT_FIELDS, type ImportKind } from '../../shared/import/fields';
import { columnLetter } from '../../shared/import/table';
import { importSpec, type ImportResult, type ImportSpec } from '../../shared/import/types';
import type { Encoding } from '../../shared/import/csv';
import type { Db } from '../db/connection';
import { commitImport, loadTable } from '../services/import/service';
import { resolve } from '../services/import/analyse';
import { getSettings } from '../services/settings';

export interface ImportCliOptions {
  kind: ImportKind;
  file: string;
  sheet?: string;
  encoding?: string;
  map: string[];
  createClients: boolean;
  headerRow?: number;
}

/** `unit_price` on the command line is `unitPrice` in the app. */
const fieldKey = (kind: ImportKind, name: string, fail: (m: string) => Error): string => {
  const key = name.trim().replace(/_([a-z])/g, (_, c: string) => c.toUpperCase());
  if (!IMPORT_FIELDS[kind].some((f) => f.key === key)) {
    throw fail(`"${name}" is not a ${kind} field; use one of ${IMPORT_FIELDS[kind].map((f) => f.key.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`)).join(', ')}`);
  }
  return key;
};

/** A --map header: the header text, the column letter (A, B…) or its 1-based number. */
function columnFor(headers: string[], ref: string): number {
  const folded = foldHeader(ref);
  const byName = headers.findIndex((h) => foldHeader(h) === folded);
  if (byName >= 0) return byName;
  if (/^\d+$/.test(ref)) return Number(ref) - 1 < headers.length ? Number(ref) - 1 : -1;
  return headers.findIndex((_, i) => columnLetter(i) === ref.toUpperCase());
}

export async function importFromCli(db: Db, o: ImportCliOptions, fail: (m: string) => Error, progress: (s: string) => void): Promise<ImportResult> {
  const spec: ImportSpec = importSpec.parse({ path: o.file, kind: o.kind, sheet: o.sheet, encoding: o.encoding as Encoding | undefined, headerRow: o.headerRow, createClients: o.createClients });
  const table = await loadTable(db, spec);
  if (o.map.length) {
    const r = resolve(table, spec, getSettings(db).locale);
    const mapping = [...r.mapping];
    for (const m of o.map) {
      const eq = m.lastIndexOf('=');
      if (eq <= 0) throw fail(`--map needs header=field, got "${m}"`);
      const col = columnFor(r.headers, m.slice(0, eq));
      if (col < 0) throw fail(`--map: the file has no column "${m.slice(0, eq)}"; its columns are ${r.headers.join(', ')}`);
      const field = m.slice(eq + 1) === '' ? null : fieldKey(o.kind, m.slice(eq + 1), fail);
      mapping.forEach((f, i) => field && f === field && (mapping[i] = null));
      mapping[col] = field;
    }
    spec.mapping = mapping;
    spec.headerRow = r.headerRow;
  }
  return commitImport(db, table, spec, { onProgress: (p) => progress(`\r${p.phase} ${p.done.toLocaleString('en')} / ${p.total.toLocaleString('en')}`) });
}

export function importText(r: ImportResult): string {
  const lines = [
    r.importId === null ? 'Nothing was written.' : `Import #${r.importId} written.`,
    `Rows read: ${r.rows}`,
    `Added: ${r.added}${r.kind === 'purchases' ? ` (credit notes or cancellations: ${r.creditLines}; identical lines kept: ${r.identical - r.dropped})` : ''}`,
    `Updated: ${r.updated}${r.unchanged ? `, unchanged: ${r.unchanged}` : ''}`,
    ...(r.kind === 'contacts' ? [`Clients created: ${r.clientsCreated}`] : []),
    ...(r.kind === 'purchases' ? [`Already in the database (skipped): ${r.duplicates}`, `Clients created: ${r.clientsCreated}`, `Total quantity: ${r.quantity}`, `Total amount: ${r.amount.toFixed(2)}`] : []),
    `Rejected: ${r.rejected}`,
    ...r.reasons.map((x) => `  ${x.count} × ${x.reason} (lines ${x.lines.join(', ')}${x.count > x.lines.length ? ', …' : ''})`),
    ...(r.previousImport ? [`Note: this same file was imported before (import #${r.previousImport.id}, ${r.previousImport.at.slice(0, 10)}).`] : []),
  ];
  return lines.join('\n') + '\n';
}
