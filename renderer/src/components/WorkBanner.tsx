import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ActiveJob } from '../../../shared/jobs/types';
import { call } from '../lib/api';

/**
 * Says when long work holds the database (an import writing, a backup, a
 * restore): changes made meanwhile wait for it and are then saved, so the
 * user knows why a save takes a moment.
 */
export function WorkBanner() {
  const { t } = useTranslation();
  const [jobs, setJobs] = useState<ActiveJob[]>([]);
  useEffect(() => {
    let stop = false;
    const tick = async () => {
      try {
        const active = await call('jobs.active', {});
        if (!stop) setJobs(active);
      } catch {
        // the banner is a hint; a failed poll just tries again
      }
      if (!stop) setTimeout(tick, 1000);
    };
    void tick();
    return () => void (stop = true);
  }, []);
  const job = jobs.find((j) => j.kind !== 'export') ?? null;
  if (!job) return null;
  const { done, total } = job.progress;
  return (
    <div className="work-banner" role="status" data-testid="work-banner">
      {t(`work.${job.kind}`)} {total > 0 ? t('work.progress', { percent: Math.floor((100 * done) / total) }) : ''} {t('work.keepGoing')}
    </div>
  );
}
