import { useEffect, useState } from 'react';
import type { FitInfo } from '../../../../shared/features/retention/types';
import { call } from '../../lib/api';
import { waitForJob } from '../../lib/jobs';

// One request per state of the data for the whole window: every screen that shows the model shares it.
const requested = new Set<string>();

/**
 * Asks main for a new BG/NBD fit when the one in use is not for the data as
 * it is now; the fit runs in the worker, and its end reloads what reads it.
 */
export function useFreshFit(fit: FitInfo | undefined): { running: boolean; error: string | null } {
  const [running, setRunning] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const key = fit && !fit.current ? `${fit.dataMark}` : null;
  useEffect(() => {
    if (!key || requested.has(key)) return;
    requested.add(key);
    let live = true;
    setRunning(true);
    call('retention.fit', {})
      .then((r) => (r.jobId ? waitForJob(r.jobId, () => {}) : null))
      .catch((e: Error) => live && setError(e.message))
      .finally(() => live && setRunning(false));
    return () => {
      live = false;
    };
  }, [key]);
  return { running, error };
}
