import { makeContext, type AppOptions } from './context';
import type { Handlers } from './handler-types';
import { accountsHandlers } from './features/accounts/handlers';
import { analyticsHandlers } from './features/analytics/handlers';
import { backupsHandlers } from './features/backups/handlers';
import { exportHandlers } from './features/export/handlers';
import { importHandlers } from './features/import/handlers';
import { settingsHandlers } from './features/settings/handlers';
import { dossiersHandlers } from './features/dossiers/handlers';
import { retentionHandlers } from './features/retention/handlers';
import { recoveryHandlers } from './features/recovery/handlers';
import { privacyHandlers } from './features/privacy/handlers';
import { jobsHandlers } from './jobs/handlers';
import { runTaskHere } from './jobs/tasks';
import { offloadQueries } from './offload';

/** One handler per contract channel, each feature's part one line; the compiler refuses a missing or extra one. */
export function createHandlers(options: AppOptions): Handlers {
  const ctx = makeContext(options);
  const handlers: Handlers = {
    ...settingsHandlers(ctx),
    ...accountsHandlers(ctx),
    ...analyticsHandlers(ctx),
    ...importHandlers(ctx),
    ...exportHandlers(ctx),
    ...backupsHandlers(ctx),
    ...dossiersHandlers(ctx),
    ...retentionHandlers(ctx),
    ...recoveryHandlers(ctx),
    ...privacyHandlers(ctx),
    ...jobsHandlers(ctx),
  };
  // With workers (the app), the heavy reads go to the analytics host; in this thread (tests, the CLI) they run as they are.
  return ctx.runTask === runTaskHere ? handlers : offloadQueries(handlers, ctx);
}

export type { AppOptions, Handlers };
