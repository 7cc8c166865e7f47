#!/usr/bin/env node
import { parseArgs } from 'node:util';
import { listBackups } from '../db/backups';
import { DatabaseOpenError } from '../db/open-checks';
import { asStorageError } from '../errors';
import { accountsCommands } from '../features/accounts/cli';
import { analyticsCommands } from '../features/analytics/cli';
import { backupsCommands } from '../features/backups/cli';
import { exportCommands } from '../features/export/cli';
import { importCommands } from '../features/import/cli';
import { settingsCommands } from '../features/settings/cli';
import { dossiersCommands } from '../features/dossiers/cli';
import { retentionCommands } from '../features/retention/cli';
import { recoveryCommands } from '../features/recovery/cli';
import { privacyCommands } from '../features/privacy/cli';
import { dateOption, UsageError, type CliCommand } from './command';

/** Every command: each feature's, one line each. */
const COMMANDS: CliCommand[] = [
  ...settingsCommands,
  ...accountsCommands,
  ...analyticsCommands,
  ...importCommands,
  ...exportCommands,
  ...backupsCommands,
  ...dossiersCommands,
  ...retentionCommands,
  ...recoveryCommands,
  ...privacyCommands,
];

export const USAGE = `Usage:\n${COMMANDS.flatMap((c) => c.usage.map((u) => `  rapport ${u}`)).join('\n')}`;

/** Runs one command line; usage mistakes throw synchronously, before any file is opened. */
export function run(argv: string[], out: (s: string) => void = (s) => process.stdout.write(s)): number | Promise<number> {
  const [name, ...afterName] = argv;
  const command = COMMANDS.find((c) => c.name === name);
  if (!command) throw new UsageError(name ? `Unknown command "${name}"` : 'No command given');
  const kind = command.kinds ? afterName[0] : undefined;
  if (command.kinds && !command.kinds.includes(kind ?? '')) throw new UsageError(`${name} needs one of ${command.kinds.join(', ')}, got "${kind ?? ''}"`);
  const { values, positionals } = parseArgs({
    args: command.kinds ? afterName.slice(1) : afterName,
    allowPositionals: command.positionals ?? false,
    options: { db: { type: 'string' }, json: { type: 'boolean', default: false }, 'as-of': { type: 'string' }, ...command.options },
    strict: true,
  });
  if (typeof values.db !== 'string') throw new UsageError('--db FILE is required');
  const args = { kind, db: values.db, json: values.json === true, asOf: dateOption(values['as-of'] as string | undefined, 'as-of'), values, positionals, out };
  command.check?.(args);
  return command.run(args);
}

async function main(): Promise<void> {
  try {
    process.exitCode = await run(process.argv.slice(2));
  } catch (err) {
    if (err instanceof UsageError || (err as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
      process.stderr.write(`${(err as Error).message}\n${USAGE}\n`);
      process.exitCode = 2;
    } else if (err instanceof DatabaseOpenError) {
      const backups = err.code === 'damaged' ? listBackups(err.path) : [];
      process.stderr.write(`${err.message}\n${backups.length ? `Backups: ${backups.map((b) => b.name).join(', ')}\nRestore the newest with: rapport backup restore ${backups[0].name} --db ${err.path}\n` : ''}`);
      process.exitCode = 1;
    } else {
      // An AppError's message is its English text; a storage failure gets the same words the app shows.
      process.stderr.write(`${asStorageError(err)?.message ?? (err instanceof Error ? err.message : String(err))}\n`);
      process.exitCode = 1;
    }
  }
}

if (require.main === module) void main();
