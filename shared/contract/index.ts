import type { z } from 'zod';
import { accountsContract } from '../features/accounts/contract';
import { analyticsContract } from '../features/analytics/contract';
import { backupsContract } from '../features/backups/contract';
import { exportContract } from '../features/export/contract';
import { importContract } from '../features/import/contract';
import { settingsContract } from '../features/settings/contract';
import { dossiersContract } from '../features/dossiers/contract';
import { retentionContract } from '../features/retention/contract';
import { recoveryContract } from '../features/recovery/contract';
import { privacyContract } from '../features/privacy/contract';
import { jobsContract } from '../jobs/contract';
import type { ChannelDef } from './define';
import type { Result } from './result';

/**
 * Every call the renderer can make: each feature's part, one line each.
 * Main validates each input against its schema before any service runs.
 */
export const contract = {
  ...settingsContract,
  ...accountsContract,
  ...analyticsContract,
  ...importContract,
  ...exportContract,
  ...backupsContract,
  ...dossiersContract,
  ...retentionContract,
  ...recoveryContract,
  ...privacyContract,
  ...jobsContract,
} as const satisfies Record<string, ChannelDef<z.ZodType, unknown>>;

export type Contract = typeof contract;
export type Channel = keyof Contract;
export type InputOf<C extends Channel> = z.input<Contract[C]['input']>;
export type ParsedInputOf<C extends Channel> = z.output<Contract[C]['input']>;
export type OutputOf<C extends Channel> = Exclude<Contract[C]['output'], undefined>;
export type CommandChannel = { [C in Channel]: Contract[C]['kind'] extends 'command' ? C : never }[Channel];

export const CHANNELS = Object.keys(contract) as Channel[];

/** What the preload puts on `window.api`: exactly one function per channel. */
export type RapportApi = { [C in Channel]: (input?: InputOf<C>) => Promise<Result<OutputOf<C>>> };

/** Builds that object over any transport (Electron IPC in the app, a Playwright binding in tests). */
export function buildApi(invoke: (channel: Channel, input: unknown) => Promise<unknown>): RapportApi {
  const api: Record<string, (input?: unknown) => Promise<unknown>> = {};
  for (const channel of CHANNELS) api[channel] = (input?: unknown) => invoke(channel, input);
  return Object.freeze(api) as unknown as RapportApi;
}

export type { JobOutcome } from '../jobs/contract';
export type { Tag } from './define';
