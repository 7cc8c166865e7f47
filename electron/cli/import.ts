import { importSpec, type ImportResult } from '../../shared/import/types';
import type { ImportKind } from '../../shared/import/fields';
import type { Encoding } from '../../shared/import/csv';
import type { Db } from '../db/connection';
import type { TaskRunner } from '../jobs/tasks';
import { backupsToKeep } from '../services/backups';

export interface ImportCliOptions {
  kind: ImportKind;
  file: string;
  sheet?: string;
  encoding?: string;
  map: string[];
  createClients: boolean;
  headerRow?: number;
}

/** The import as the app does it: a verified backup first, then one transaction, in a worker with the app's memory cap. */
export async function importFromCli(db: Db, o: ImportCliOptions, runTask: TaskRunner, progress: (s: string) => void): Promise<ImportResult> {
  const spec = importSpec.parse({ path: o.file, kind: o.kind, sheet: o.sheet, encoding: o.encoding as Encoding | undefined, headerRow: o.headerRow, createClients: o.createClients });
  const { result } = await runTask(db, 'import.commit', { spec, backup: { keep: backupsToKeep(db) }, map: o.map }, {
    onProgress: (p) => progress(`\r${p.phase} ${p.done.toLocaleString('en')} / ${p.total.toLocaleString('en')}`),
    isCancelled: () => false,
    cancelled: new Promise(() => {}),
  });
  return result;
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
