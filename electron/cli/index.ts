#!/usr/bin/env node
import { parseArgs } from 'node:util';
import { openDatabase } from '../db/migrate';
import { findMigrationsFolder } from '../db/migrations-path';
import { isIsoDate } from '../../shared/domain/dates';
import { listClientRows } from '../services/clients';
import { generateDemo } from '../services/demo/generate';
import { AppError } from '../services/errors';

const USAGE = `Usage:
  rapport demo --db FILE [--clients N] [--purchases N] [--seed S] [--as-of YYYY-MM-DD]
  rapport clients --db FILE [--json] [--as-of YYYY-MM-DD] [--include-archived]`;

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

export function run(argv: string[], out: (s: string) => void = (s) => process.stdout.write(s)): number {
  const [command, ...rest] = argv;
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
    default:
      throw new UsageError(command ? `Unknown command "${command}"` : 'No command given');
  }
}

function main(): void {
  try {
    process.exitCode = run(process.argv.slice(2));
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

if (require.main === module) main();
