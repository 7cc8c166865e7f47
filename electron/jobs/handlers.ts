import type { JobOutcome } from '../../shared/contract';
import type { jobsContract } from '../../shared/jobs/contract';
import type { JobState } from '../../shared/jobs/types';
import type { AppContext } from '../context';
import type { HandlersOf } from '../handler-types';

export function jobsHandlers({ jobs }: AppContext): HandlersOf<typeof jobsContract> {
  return {
    'jobs.status': (_db, input) => jobs.status(input.jobId) as JobState<JobOutcome>,
    'jobs.cancel': (_db, input) => (jobs.cancel(input.jobId), null),
    'jobs.active': () => jobs.active(),
  };
}
