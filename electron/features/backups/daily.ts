import type { Db } from '../../db/connection';
import { backupsToKeep, dailyBackupDue } from './service';
import type { JobRegistry } from '../../jobs/registry';
import type { TaskRunner } from '../../jobs/tasks';

/**
 * Makes the day's backup when none exists yet: at start and then every hour
 * (a laptop left open overnight gets the next day's). Returns a stop function.
 */
export function scheduleDailyBackups(db: Db, jobs: JobRegistry, runTask: TaskRunner, opts: { nativeBinding?: string; everyMs?: number } = {}): () => void {
  const check = () => {
    if (jobs.active().some((j) => j.kind === 'backup' || j.kind === 'restore')) return;
    if (!dailyBackupDue(db)) return;
    jobs.start(async (ctl) => ({ task: 'backup' as const, backup: await runTask(db, 'backup.create', { reason: 'daily', keep: backupsToKeep(db), nativeBinding: opts.nativeBinding }, ctl) }), 'backup');
  };
  check();
  const timer = setInterval(check, opts.everyMs ?? 60 * 60_000);
  timer.unref?.();
  return () => clearInterval(timer);
}
