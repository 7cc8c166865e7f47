import { join } from 'node:path';
import { ENCODINGS, type Encoding } from '../../../shared/features/import/csv';
import { IMPORT_KINDS, type ImportKind } from '../../../shared/features/import/fields';
import { importSpec, type ImportResult } from '../../../shared/features/import/types';
import { positiveInt, UsageError, type CliCommand, str } from '../../cli/command';
import { createBackup } from '../../db/backups';
import type { Db } from '../../db/connection';
import { openDatabase } from '../../db/migrate';
import { findMigrationsFolder } from '../../db/migrations-path';
import type { TaskRunner } from '../../jobs/tasks';
import { WORKER_HEAP_MB, workerTaskRunner } from '../../jobs/worker-runner';
import { inEnglish } from '../../i18n';
import { backupsToKeep } from '../backups';
import { undoImport } from './service';

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

/** The result as --json prints it: reasons in English, as they always were (scripts read them). */
export function importJson(r: ImportResult) {
  return { ...r, reasons: r.reasons.map(({ key, params, count, lines }) => ({ reason: inEnglish(key, params), count, lines })) };
}

export function importText(r: ImportResult): string {
  const lines = [
    r.importId === null ? 'Nothing was written.' : `Import #${r.importId} written.`,
    `Rows read: ${r.rows}${r.skipped ? ` (blank and total rows skipped: ${r.skipped})` : ''}`,
    `Added: ${r.added}${r.kind === 'purchases' ? ` (credit notes or cancellations: ${r.creditLines}; identical lines kept: ${r.identical - r.dropped})` : ''}`,
    `Updated: ${r.updated}${r.unchanged ? `, unchanged: ${r.unchanged}` : ''}`,
    ...(r.kind === 'contacts' ? [`Clients created: ${r.clientsCreated}`] : []),
    ...(r.kind === 'purchases' ? [`Already in the database (skipped): ${r.duplicates}`, `Clients created: ${r.clientsCreated}`, `Total quantity: ${r.quantity}`, `Total amount: ${r.amount.toFixed(2)}`] : []),
    `Rejected: ${r.rejected}`,
    ...(r.leftOut ? [`Kept without a value that could not be read: ${r.leftOut}`] : []),
    ...r.reasons.map((x) => `  ${x.count} × ${inEnglish(x.key, x.params)} (lines ${x.lines.join(', ')}${x.count > x.lines.length ? ', …' : ''})`),
    ...(r.previousImport ? [`Note: this same file was imported before (import #${r.previousImport.id}, ${r.previousImport.at.slice(0, 10)}).`] : []),
  ];
  return lines.join('\n') + '\n';
}

function undoCommand(file: string, idArg: string | undefined, json: boolean, out: (s: string) => void): Promise<number> {
  const id = idArg === undefined ? undefined : positiveInt(idArg, 'ID');
  if (id === undefined) throw new UsageError('import undo needs the import number, e.g. rapport import undo 3 --db FILE');
  const db = openDatabase(file, findMigrationsFolder());
  return (async () => {
    try {
      const backup = await createBackup(db.sqlite, db.path, 'undo', backupsToKeep(db));
      const result = undoImport(db, id, { withPlan: true });
      out(json ? JSON.stringify({ ...result, backup: backup.name }) + '\n' : `Import #${id} undone: ${result.purchases} lines, ${result.contacts} contacts and ${result.clients} clients removed, ${result.restored} records restored; ${result.plan.keptCount} records and ${result.plan.keptFieldCount} fields kept because they changed since. Backup: ${backup.name}\n`);
      return 0;
    } finally {
      db.sqlite.close();
    }
  })();
}

export const importCommands: CliCommand[] = [
  {
    name: 'import',
    usage: [
      'import clients|contacts|purchases FILE --db FILE [--sheet S] [--map header=field ...] [--encoding E]',
      '               [--header-row N | --no-header] [--no-create-clients] [--json]',
      'import undo ID --db FILE [--json]',
    ],
    kinds: [...IMPORT_KINDS, 'undo'],
    positionals: true,
    options: {
      sheet: { type: 'string' },
      map: { type: 'string', multiple: true, default: [] },
      encoding: { type: 'string' },
      'header-row': { type: 'string' },
      'no-header': { type: 'boolean', default: false },
      'no-create-clients': { type: 'boolean', default: false },
    },
    check({ kind, positionals, values }) {
      if (kind === 'undo') {
        if (positionals.length !== 1) throw new UsageError('import undo needs the import number, e.g. rapport import undo 3 --db FILE');
        positiveInt(positionals[0], 'ID');
        return;
      }
      if (positionals.length !== 1) throw new UsageError('import needs exactly one FILE');
      const encoding = str(values.encoding);
      if (encoding !== undefined && !(ENCODINGS as readonly string[]).includes(encoding)) throw new UsageError(`--encoding must be one of ${ENCODINGS.join(', ')}`);
    },
    async run({ db: file, kind, positionals, values, json, out }) {
      if (kind === 'undo') return undoCommand(file, positionals[0], json, out);
      const headerRow = values['no-header'] ? -1 : values['header-row'] === undefined ? undefined : positiveInt(str(values['header-row']), 'header-row')! - 1;
      const db = openDatabase(file, findMigrationsFolder());
      try {
        // A worker with the app's heap cap: a hostile file ends the worker with a message, not the CLI with 2 GB.
        const heapMb = Number(process.env.RAPPORT_IMPORT_HEAP_MB) || WORKER_HEAP_MB;
        const runTask = workerTaskRunner(join(__dirname, '..', '..', 'jobs', 'worker.ts'), undefined, heapMb);
        const result = await importFromCli(db, {
          kind: kind as ImportKind, file: positionals[0], sheet: str(values.sheet), encoding: str(values.encoding), map: (values.map as string[] | undefined) ?? [],
          createClients: !values['no-create-clients'], headerRow,
        }, runTask, (s) => process.stderr.write(s));
        process.stderr.write('\n');
        out(json ? JSON.stringify(importJson(result)) + '\n' : importText(result));
        return result.importId === null ? 1 : 0;
      } finally {
        db.sqlite.close();
      }
    },
  },
];
