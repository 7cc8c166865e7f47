#!/usr/bin/env node
import { parseArgs } from 'node:util';
import { openDatabase } from '../db/migrate';
import { findMigrationsFolder } from '../db/migrations-path';
import { isIsoDate } from '../../shared/domain/dates';
import { listClientRows } from '../services/clients';
import { generateDemo } from '../services/demo/generate';
import { AppError, asStorageError } from '../services/errors';
import { ENCODINGS } from '../../shared/import/csv';
import { IMPORT_KINDS, type ImportKind } from '../../shared/import/fields';
import { exportClientsFile } from '../services/export/grids';
import { importFromCli, importText } from './import';
import { backupCommand, BACKUP_ACTIONS, type BackupAction } from './backup';
import { WORKER_HEAP_MB, workerTaskRunner } from '../jobs/worker-runner';
import { join } from 'node:path';
import { undoImport } from '../services/import/service';
import { createBackup, listBackups } from '../db/backups';
import { DatabaseOpenError } from '../db/open-checks';
import { backupsToKeep } from '../services/backups';
import { REPORT_KINDS, reportJson, reportText, resolveScope, type ReportKind } from './report';

const USAGE = `Usage:
  rapport demo --db FILE [--clients N] [--purchases N] [--seed S] [--as-of YYYY-MM-DD]
  rapport clients --db FILE [--json] [--as-of YYYY-MM-DD] [--include-archived]
  rapport report pareto|abc|dependency|kam --db FILE [--from YYYY-MM-DD --to YYYY-MM-DD] [--department X | --manager Y] [--json]
  rapport report workbook --db FILE --out FILE.xlsx [--from … --to …] [--department X | --manager Y]
  rapport import clients|contacts|purchases FILE --db FILE [--sheet S] [--map header=field ...] [--encoding E]
                 [--header-row N | --no-header] [--no-create-clients] [--json]
  rapport import undo ID --db FILE [--json]
  rapport export clients --db FILE --out FILE.xlsx
  rapport backup list|create --db FILE [--json]
  rapport backup restore NAME --db FILE`;

class UsageError extends Error {}

function positiveInt(value: string | undefined, name: string, fallback?: number): number | undefined {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new UsageError(`--${name} must be a whole number above 0, got "${value}"`);
  return n;
}

function asOfOption(value: string | undefined): string | undefined {
  if (value !== undefined && !isIsoDate(value)) throw new UsageError(`--as-of must be a date as YYYY-MM-DD, got "${value}"`);
  return value;
}

export function run(argv: string[], out: (s: string) => void = (s) => process.stdout.write(s)): number | Promise<number> {
  const [command, ...afterCommand] = argv;
  const hasKind = command === 'report' || command === 'import' || command === 'export' || command === 'backup';
  const kind = hasKind ? afterCommand[0] : undefined;
  const rest = hasKind ? afterCommand.slice(1) : afterCommand;
  if (command === 'report' && !REPORT_KINDS.includes(kind as ReportKind)) throw new UsageError(`report needs one of ${REPORT_KINDS.join(', ')}, got "${kind ?? ''}"`);
  if (command === 'import' && kind !== 'undo' && !IMPORT_KINDS.includes(kind as ImportKind)) throw new UsageError(`import needs one of ${IMPORT_KINDS.join(', ')} or undo, got "${kind ?? ''}"`);
  if (command === 'backup' && !BACKUP_ACTIONS.includes(kind as BackupAction)) throw new UsageError(`backup needs one of ${BACKUP_ACTIONS.join(', ')}, got "${kind ?? ''}"`);
  if (command === 'export' && kind !== 'clients') throw new UsageError(`export needs "clients", got "${kind ?? ''}"`);
  const { values, positionals } = parseArgs({
    args: rest,
    allowPositionals: command === 'import' || command === 'backup',
    options: {
      db: { type: 'string' },
      clients: { type: 'string' },
      purchases: { type: 'string' },
      seed: { type: 'string' },
      'as-of': { type: 'string' },
      json: { type: 'boolean', default: false },
      'include-archived': { type: 'boolean', default: false },
      from: { type: 'string' },
      to: { type: 'string' },
      department: { type: 'string' },
      manager: { type: 'string' },
      out: { type: 'string' },
      sheet: { type: 'string' },
      map: { type: 'string', multiple: true, default: [] },
      encoding: { type: 'string' },
      'header-row': { type: 'string' },
      'no-header': { type: 'boolean', default: false },
      'no-create-clients': { type: 'boolean', default: false },
    },
    strict: true,
  });
  if (!values.db) throw new UsageError('--db FILE is required');
  const asOf = asOfOption(values['as-of']);
  switch (command) {
    case 'demo': {
      const clients = positiveInt(values.clients, 'clients', 200)!;
      const purchases = positiveInt(values.purchases, 'purchases');
      const seed = values.seed === undefined ? 42 : Number(values.seed);
      if (!Number.isInteger(seed)) throw new UsageError(`--seed must be a whole number, got "${values.seed}"`);
      const db = openDatabase(values.db, findMigrationsFolder());
      try {
        const summary = generateDemo(db, {
          clients, purchases, seed, asOf,
          onProgress: (done, total) => process.stderr.write(`\rpurchases ${done.toLocaleString('en')} / ${total.toLocaleString('en')}`),
        });
        process.stderr.write('\n');
        out(values.json ? JSON.stringify(summary) + '\n' : `Generated ${summary.clients} clients, ${summary.contacts} contacts, ${summary.purchases} purchase lines in ${summary.seconds.toFixed(2)} s\n`);
      } finally {
        db.sqlite.close();
      }
      return 0;
    }
    case 'clients': {
      const db = openDatabase(values.db, findMigrationsFolder());
      try {
        const rows = listClientRows(db, { asOf, includeArchived: values['include-archived'] });
        if (values.json) out(JSON.stringify(rows) + '\n');
        else for (const r of rows) out(`${r.code ?? ''}\t${r.name}\t${r.revenue12m.toFixed(2)}\t${(r.share12m * 100).toFixed(1)}%\t${r.lastPurchase ?? ''}\n`);
      } finally {
        db.sqlite.close();
      }
      return 0;
    }
    case 'report': {
      for (const k of ['from', 'to'] as const) if (values[k] !== undefined && !isIsoDate(values[k])) throw new UsageError(`--${k} must be a date as YYYY-MM-DD, got "${values[k]}"`);
      if (values.from && values.to && values.from > values.to) throw new UsageError('--from must be on or before --to');
      if (kind === 'workbook' && !values.out) throw new UsageError('--out FILE.xlsx is required for the workbook');
      const db = openDatabase(values.db, findMigrationsFolder());
      const opts = { from: values.from, to: values.to ?? asOf, department: values.department, manager: values.manager, out: values.out };
      return (async () => {
        try {
          const json = await reportJson(db, kind as ReportKind, opts, resolveScope(db, opts, (m) => new UsageError(m)));
          out(values.json ? JSON.stringify(json) + '\n' : reportText(kind as ReportKind, json));
          return 0;
        } finally {
          db.sqlite.close();
        }
      })();
    }
    case 'backup':
      return backupCommand(values.db, kind as BackupAction, positionals, values.json, out, (m) => new UsageError(m));
    case 'import': {
      if (kind === 'undo') {
        const id = positionals.length === 1 ? positiveInt(positionals[0], 'ID') : undefined;
        if (id === undefined) throw new UsageError('import undo needs the import number, e.g. rapport import undo 3 --db FILE');
        const db = openDatabase(values.db, findMigrationsFolder());
        return (async () => {
          try {
            const backup = await createBackup(db.sqlite, db.path, 'undo', backupsToKeep(db));
            const result = undoImport(db, id, { withPlan: true });
            out(values.json ? JSON.stringify({ ...result, backup: backup.name }) + '\n' : `Import #${id} undone: ${result.purchases} lines, ${result.contacts} contacts and ${result.clients} clients removed, ${result.restored} records restored; ${result.plan.keptCount} records and ${result.plan.keptFieldCount} fields kept because they changed since. Backup: ${backup.name}\n`);
            return 0;
          } finally {
            db.sqlite.close();
          }
        })();
      }
      if (positionals.length !== 1) throw new UsageError('import needs exactly one FILE');
      if (values.encoding !== undefined && !(ENCODINGS as readonly string[]).includes(values.encoding)) throw new UsageError(`--encoding must be one of ${ENCODINGS.join(', ')}`);
      const headerRow = values['no-header'] ? -1 : values['header-row'] === undefined ? undefined : positiveInt(values['header-row'], 'header-row')! - 1;
      const db = openDatabase(values.db, findMigrationsFolder());
      return (async () => {
        try {
          // A worker with the app's heap cap: a hostile file ends the worker with a message, not the CLI with 2 GB.
          const heapMb = Number(process.env.RAPPORT_IMPORT_HEAP_MB) || WORKER_HEAP_MB;
          const runTask = workerTaskRunner(join(__dirname, '..', 'workers', 'worker.ts'), undefined, heapMb);
          const result = await importFromCli(db, {
            kind: kind as ImportKind, file: positionals[0], sheet: values.sheet, encoding: values.encoding, map: values.map ?? [],
            createClients: !values['no-create-clients'], headerRow,
          }, runTask, (s) => process.stderr.write(s));
          process.stderr.write('\n');
          out(values.json ? JSON.stringify(result) + '\n' : importText(result));
          return result.importId === null ? 1 : 0;
        } finally {
          db.sqlite.close();
        }
      })();
    }
    case 'export': {
      if (!values.out) throw new UsageError('--out FILE.xlsx is required');
      const db = openDatabase(values.db, findMigrationsFolder());
      return (async () => {
        try {
          const r = await exportClientsFile(db, values.out!, { asOf });
          out(values.json ? JSON.stringify(r) + '\n' : `Wrote ${r.rows} clients to ${values.out}\n`);
          return 0;
        } finally {
          db.sqlite.close();
        }
      })();
    }
    default:
      throw new UsageError(command ? `Unknown command "${command}"` : 'No command given');
  }
}

async function main(): Promise<void> {
  try {
    process.exitCode = await run(process.argv.slice(2));
  } catch (err) {
    if (err instanceof UsageError || (err as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
      process.stderr.write(`${(err as Error).message}\n${USAGE}\n`);
      process.exitCode = 2;
    } else if (err instanceof AppError) {
      process.stderr.write(`${err.message}\n`);
      process.exitCode = 1;
    } else if (err instanceof DatabaseOpenError) {
      const backups = err.code === 'damaged' ? listBackups(err.path) : [];
      process.stderr.write(`${err.message}\n${backups.length ? `Backups: ${backups.map((b) => b.name).join(', ')}\nRestore the newest with: rapport backup restore ${backups[0].name} --db ${err.path}\n` : ''}`);
      process.exitCode = 1;
    } else {
      process.stderr.write(`${asStorageError(err)?.message ?? (err instanceof Error ? err.message : String(err))}\n`);
      process.exitCode = 1;
    }
  }
}

if (require.main === module) void main();
