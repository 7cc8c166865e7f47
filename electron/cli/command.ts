import type { ParseArgsConfig } from 'node:util';
import { isIsoDate } from '../../shared/kernel/dates';

/** A mistake in the command line itself: printed with the usage, exit code 2. */
export class UsageError extends Error {}

export interface CliArgs {
  /** The second word, for commands that take one (`report pareto`, `import purchases`). */
  kind: string | undefined;
  db: string;
  json: boolean;
  asOf: string | undefined;
  values: Record<string, string | boolean | string[] | undefined>;
  positionals: string[];
  out: (s: string) => void;
}

/** One command of `rapport`: its usage lines, its own options, and what it does. Each feature adds its commands. */
export interface CliCommand {
  name: string;
  usage: string[];
  /** The allowed second words; a command with kinds refuses a missing or unknown one before anything opens. */
  kinds?: readonly string[];
  positionals?: boolean;
  options?: NonNullable<ParseArgsConfig['options']>;
  /** Checks that need no database, so a wrong call fails before a file is touched. */
  check?: (a: CliArgs) => void;
  run(a: CliArgs): number | Promise<number>;
}

export function positiveInt(value: string | undefined, name: string, fallback?: number): number | undefined {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new UsageError(`--${name} must be a whole number above 0, got "${value}"`);
  return n;
}

export function dateOption(value: string | undefined, name: string): string | undefined {
  if (value !== undefined && !isIsoDate(value)) throw new UsageError(`--${name} must be a date as YYYY-MM-DD, got "${value}"`);
  return value;
}

export const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);
