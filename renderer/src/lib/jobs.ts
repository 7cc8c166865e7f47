import i18n from 'i18next';
import type { JobOutcome } from '../../../shared/contract';
import type { JobProgress, JobState } from '../../../shared/jobs/types';
import { ApiError, call, onEvent } from './api';

export class JobCancelledError extends Error {}

/** A safety net only: main pushes every change of a job, so this poll rarely finds anything new. */
const POLL_MS = 1000;

/**
 * Follows a job until it ends, from the events main pushes (and a slow poll
 * in case one is missed); progress goes to `onProgress`. Resolves with the
 * outcome, rejects with its error.
 */
export function waitForJob(jobId: string, onProgress: (p: JobProgress) => void): Promise<JobOutcome> {
  return new Promise((resolve, reject) => {
    let finished = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const settle = (s: JobState<JobOutcome>) => {
      if (finished) return;
      onProgress(s.progress);
      if (s.state === 'running') return;
      finished = true;
      stop();
      clearTimeout(timer);
      if (s.state === 'done') resolve(s.result);
      else if (s.state === 'failed') reject(new ApiError(s.error));
      else reject(new JobCancelledError(String(i18n.t('common:errors.cancelled', { what: i18n.t('common:work.theWork') }))));
    };
    const stop = onEvent('jobs.changed', ({ job, state }) => job.id === jobId && settle(state as JobState<JobOutcome>));
    const poll = async () => {
      try {
        settle(await call('jobs.status', { jobId }));
      } catch (err) {
        finished = true;
        stop();
        reject(err);
        return;
      }
      if (!finished) timer = setTimeout(poll, POLL_MS);
    };
    void poll();
  });
}
