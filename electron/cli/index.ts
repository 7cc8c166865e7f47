#!/usr/bin/env node
import { parseArgs } from 'node:util';
import { openDatabase } from '../db/migrate';
import { findMigrationsFolder } from '../db/migrations-path';
import { isIsoDate } from '../../shared/domain/dates';
import { listClientRows } from '../services/clients';
import { generateDemo } from '../services/demo/generate';
import { AppError } from '../services/errors';
import { REPORT_KINDS, reportJson, reportText, resolveScope, type ReportKind } from './report';

const USAGE = `Usage:
  rapport demo --db FILE [--clients N] [--purchases N] [--seed S] [--as-of YYYY-MM-DD]
  rapport clients --db FILE [--json] [--as-of YYYY-MM-DD] [--include-archived]
  rapport report pareto|abc|dependency|kam --db FILE [--from YYYY-MM-DD --to YYYY-MM-DD] [--department X | --manager Y] [--json]
  rapport report workbook --db FILE --out FILE.xlsx [--from … --to …] [--department X | --manager Y]`;

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
  const kind = command === 'report' ? afterCommand[0] : undefined;
  const rest = command === 'report' ? afterCommand.slice(1) : afterCommand;
  if (command === 'report' && !REPORT_KINDS.includes(kind as ReportKind)) throw new UsageError(`report needs one of ${REPORT_KINDS.join(', ')}, got "${kind ?? ''}"`);
  const { values } = parseArgs({
    args: rest,
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
    } else {
      process.stderr.write(`${err instanceof Error ? err.message : String(err)}\n`);
      process.exitCode = 1;
    }
  }
}

if (require.main === module) void main();
