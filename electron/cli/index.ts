#!/usr/bin/env node
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { listBackups } from '../db/backups';
import { fileState, setProcessKey, type DatabaseKey } from '../db/connection';
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
import { keyFromPassphraseSync, parseKey } from '../features/privacy';
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

export const USAGE =
  `Usage:\n${COMMANDS.flatMap((c) => c.usage.map((u) => `  rapport ${u}`)).join('\n')}\n` +
  `Every command also takes --key-file FILE (or the RAPPORT_KEY environment variable): the key of an encrypted\n` +
  `database (the recovery key, or 64 hex digits) or its passphrase. A database created without one is not encrypted.`;

/** A key that cannot be read or does not fit: exit 1 with what to do, before any database is opened. */
export class KeyError extends Error {}

/**
 * The key from --key-file or RAPPORT_KEY: a key (the recovery key as printed, 64 hex digits, or
 * x'…'), else the database's passphrase, unwrapped from its .keys file. Undefined when neither is given.
 */
function resolveKey(file: string | undefined, dbPath: string): DatabaseKey | undefined {
  let text: string | undefined;
  let from: string;
  if (file !== undefined) {
    from = `the key file ${file}`;
    try {
      text = readFileSync(file, 'utf8');
    } catch (err) {
      throw new KeyError(`Cannot read ${from}: ${(err as Error).message}`);
    }
  } else {
    from = 'RAPPORT_KEY';
    text = process.env.RAPPORT_KEY;
    if (text === undefined || text === '') return undefined;
  }
  const key = parseKey(text) ?? keyFromPassphraseSync(dbPath, text.replace(/\r?\n$/, ''));
  if (!key) throw new KeyError(`${from} holds neither a key (the recovery key, or 64 hex digits) nor the passphrase of ${dbPath}. Nothing was opened.`);
  return key;
}

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
    options: { db: { type: 'string' }, json: { type: 'boolean', default: false }, 'as-of': { type: 'string' }, 'key-file': { type: 'string' }, ...command.options },
    strict: true,
  });
  if (typeof values.db !== 'string') throw new UsageError('--db FILE is required');
  const args = { kind, db: values.db, json: values.json === true, asOf: dateOption(values['as-of'] as string | undefined, 'as-of'), values, positionals, out };
  command.check?.(args);
  const key = resolveKey(values['key-file'] as string | undefined, values.db);
  // Each feature's command opens its file itself: the key is the process's default for every open.
  setProcessKey(key);
  const dbPath = values.db;
  const wasNew = ['missing', 'empty'].includes(fileState(dbPath));
  const said = () => {
    if (wasNew && !key && fileState(dbPath) === 'plain') {
      process.stderr.write(`Note: ${dbPath} was created without encryption (no --key-file or RAPPORT_KEY given): anyone who can read the file can read its data. \`rapport encrypt\` converts it.\n`);
    }
  };
  const result = command.run(args);
  if (typeof result === 'number') return said(), result;
  return result.finally(said);
}

async function main(): Promise<void> {
  try {
    process.exitCode = await run(process.argv.slice(2));
  } catch (err) {
    if (err instanceof UsageError || (err as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
      process.stderr.write(`${(err as Error).message}\n${USAGE}\n`);
      process.exitCode = 2;
    } else if (err instanceof KeyError) {
      process.stderr.write(`${err.message}\n`);
      process.exitCode = 1;
    } else if (err instanceof DatabaseOpenError) {
      // An unreadable header may be damage as well as encryption: the backups are listed for both.
      const backups = ['damaged', 'needs_key', 'wrong_key'].includes(err.code) ? listBackups(err.path) : [];
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
