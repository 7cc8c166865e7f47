import { useEffect, useState } from 'react';
import type { ActiveJob, JobKind } from '../../../shared/jobs/types';
import { call, onEvent } from '../lib/api';
import { useT } from '../lib/i18n';

const WHAT = {
  import: 'common:work.import',
  undo: 'common:work.undo',
  backup: 'common:work.backup',
  restore: 'common:work.restore',
  export: 'common:work.export',
} as const satisfies Record<JobKind, string>;

/**
 * Says when long work holds the database (an import writing, a backup, a
 * restore): changes made meanwhile wait for it and are then saved, so the
 * user knows why a save takes a moment. Follows the jobs main pushes.
 */
export function WorkBanner() {
  const { t } = useT();
  const [jobs, setJobs] = useState<Map<string, ActiveJob>>(new Map());
  useEffect(() => {
    let stop = false;
    call('jobs.active', {}).then(
      (active) => !stop && setJobs((m) => new Map([...active.map((j) => [j.id, j] as const), ...m])),
      () => {},
    );
    const off = onEvent('jobs.changed', ({ job, state }) =>
      setJobs((m) => {
        const next = new Map(m);
        if (state.state === 'running') next.set(job.id, job);
        else next.delete(job.id);
        return next;
      }),
    );
    return () => {
      stop = true;
      off();
    };
  }, []);
  const job = [...jobs.values()].find((j) => j.kind !== 'export') ?? null;
  if (!job) return null;
  const { done, total } = job.progress;
  return (
    <div className="work-banner" role="status" data-testid="work-banner">
      {t(WHAT[job.kind])} {total > 0 ? t('common:work.progress', { percent: Math.floor((100 * done) / total) }) : ''} {t('common:work.keepGoing')}
    </div>
  );
}
