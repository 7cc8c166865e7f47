import type { Db, OpenOptions } from './db/connection';
import { jobRegistry, type JobRegistry } from './jobs/registry';
import { runTaskHere, type TaskRunner } from './jobs/tasks';
import { quietPlatform, type Platform } from './platform';
import { DEMO_SEEDS } from './demo-seeds';
import type { DemoSeed } from './features/settings/demo/generate';

/** What every feature's handlers receive: the platform, the jobs, where long work runs, and how the app was opened. */
export interface AppContext {
  version: string;
  platform: Platform;
  jobs: JobRegistry;
  /** Where imports, backups and undo run: a worker thread in the app, this thread by default. */
  runTask: TaskRunner;
  /** Make a verified backup before every import and undo (the app does; unit tests of other things need not). */
  backups: boolean;
  /** The migrations a restored backup is brought up to, and how the database is reopened after. */
  migrationsFolder?: string;
  openOptions?: OpenOptions;
  /** Each feature's part of the demo data (electron/demo-seeds.ts). */
  demoSeeds: readonly DemoSeed[];
}

export interface AppOptions extends Partial<Omit<AppContext, 'version' | 'platform'>> {
  version: string;
  platform?: Partial<Platform>;
}

/** Fills in what a caller left out: a quiet platform, a job registry that reports to it, work in this thread. */
export function makeContext(o: AppOptions): AppContext {
  const platform: Platform = { ...quietPlatform, ...o.platform };
  return {
    version: o.version,
    platform,
    jobs: o.jobs ?? jobRegistry({ emit: platform.emit }),
    runTask: o.runTask ?? runTaskHere,
    backups: o.backups ?? false,
    migrationsFolder: o.migrationsFolder,
    openOptions: o.openOptions,
    demoSeeds: o.demoSeeds ?? DEMO_SEEDS,
  };
}

export type { Db };
