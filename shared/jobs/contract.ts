import { empty, jobId, query } from '../contract/define';
import type { BackupJobOutcome } from '../features/backups';
import type { ExportJobOutcome } from '../features/export';
import type { ImportJobOutcome } from '../features/import';
import type { ActiveJob, JobState } from './types';

/** What a finished job hands back: one line per feature that runs jobs. */
export type JobOutcome = ImportJobOutcome | ExportJobOutcome | BackupJobOutcome;

export const jobsContract = {
  'jobs.status': query<JobState<JobOutcome>>()(jobId),
  'jobs.cancel': query<null>()(jobId),
  /** Work under way (an import started here or its backup), for the banner that says writes will wait. */
  'jobs.active': query<ActiveJob[]>()(empty),
} as const;
