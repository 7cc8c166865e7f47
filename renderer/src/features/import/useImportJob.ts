import { useCallback, useRef, useState } from 'react';
import type { JobOutcome } from '../../../../shared/contract';
import type { ImportSpecInput } from '../../../../shared/features/import/types';
import type { JobProgress } from '../../../../shared/jobs/types';
import { call, notifyDataChanged } from '../../lib/api';
import { JobCancelledError, waitForJob } from '../../lib/jobs';

export interface ImportJobState {
  running: boolean;
  progress: JobProgress | null;
  error: string | null;
}

/**
 * Runs one import job at a time (preview or commit) in main's worker, with
 * progress and cancel. A newer run replaces an older one: the older job is
 * cancelled and whatever it answers is dropped, so only the newest request's
 * answer ever reaches the page.
 */
export function useImportJob() {
  const [state, setState] = useState<ImportJobState>({ running: false, progress: null, error: null });
  /** The newest run: its job id once started, a ticket before. */
  const current = useRef<string | null>(null);
  const tickets = useRef(0);

  const run = useCallback(async (task: 'preview' | 'commit', spec: ImportSpecInput): Promise<JobOutcome | null> => {
    setState({ running: true, progress: null, error: null });
    const older = current.current;
    let mine = `ticket-${++tickets.current}`;
    current.current = mine;
    if (older && !older.startsWith('ticket-')) void call('jobs.cancel', { jobId: older }).catch(() => {});
    try {
      const { jobId } = await call('imports.start', { task, spec });
      if (current.current !== mine) {
        void call('jobs.cancel', { jobId }).catch(() => {});
        return null;
      }
      current.current = mine = jobId;
      const outcome = await waitForJob(jobId, (progress) => current.current === jobId && setState((s) => ({ ...s, progress })));
      if (current.current !== jobId) return null;
      setState({ running: false, progress: null, error: null });
      if (task === 'commit') notifyDataChanged();
      return outcome;
    } catch (err) {
      if (current.current !== mine) return null;
      setState({ running: false, progress: null, error: err instanceof JobCancelledError ? null : (err as Error).message });
      return null;
    }
  }, []);

  const cancel = useCallback(() => {
    if (current.current && !current.current.startsWith('ticket-')) void call('jobs.cancel', { jobId: current.current });
  }, []);

  return { ...state, run, cancel };
}
