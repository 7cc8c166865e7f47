import type { JobOutcome, JobProgress } from '../../../shared/import/types';
import { ApiError, call } from './api';

export class JobCancelledError extends Error {}

/** Polls a job until it ends; progress goes to `onProgress`. Resolves with its outcome, rejects with its error. */
export async function waitForJob(jobId: string, onProgress: (p: JobProgress) => void, intervalMs = 200): Promise<JobOutcome> {
  for (;;) {
    const s = await call('jobs.status', { jobId });
    onProgress(s.progress);
    if (s.state === 'done') return s.result;
    if (s.state === 'failed') throw new ApiError({ code: s.error.code as never, message: s.error.message });
    if (s.state === 'cancelled') throw new JobCancelledError('Cancelled; nothing was changed.');
    await new Promise((r) => setTimeout(r, intervalMs));
  }
}
