import { useMemo, useState } from 'react';
import { lastTwelveMonths } from '../../../../shared/features/analytics/period';
import { toIsoDate } from '../../../../shared/kernel/dates';
import type { Scope } from '../../../../shared/features/analytics/types';
import { call } from '../../lib/api';
import { waitForJob } from '../../lib/jobs';
import type { JobProgress } from '../../../../shared/jobs/types';


/** The period and scope the whole page shares; the input every analytics channel takes. */
export function useAnalyticsInput() {
  const [period, setPeriod] = useState(() => lastTwelveMonths(toIsoDate(new Date())));
  const [scope, setScope] = useState<Scope>({ kind: 'company' });
  const input = useMemo(() => ({ from: period.from, to: period.to, scope }), [period, scope]);
  return { period, setPeriod, scope, setScope, input };
}

/**
 * Has main write the workbook (a job in a worker, with progress), then hands
 * it to the browser as a download (Electron shows its save dialog).
 * `onStarted` gets the job's id, for a cancel button.
 */
export async function downloadWorkbook(
  input: { from: string; to: string; scope: Scope },
  whatIfClientIds: number[],
  onProgress: (p: JobProgress) => void = () => {},
  onStarted: (jobId: string) => void = () => {},
): Promise<void> {
  const { jobId } = await call('analytics.workbook', { report: input, whatIfClientIds });
  onStarted(jobId);
  const outcome = await waitForJob(jobId, onProgress);
  if (outcome.task !== 'workbook') return;
  const { fileName, base64 } = await call('analytics.workbookFile', { token: outcome.token });
  const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
  const url = URL.createObjectURL(new Blob([bytes], { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
