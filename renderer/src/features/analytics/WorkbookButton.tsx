import { useState } from 'react';
import type { Scope } from '../../../../shared/features/analytics/types';
import { call } from '../../lib/api';
import { JobCancelledError } from '../../lib/jobs';
import { useT } from '../../lib/i18n';
import { downloadWorkbook } from './useAnalytics';

/** "Download Excel report": a job in main's worker, with its progress and a cancel button while it runs. */
export function WorkbookButton({ input, whatIfClientIds }: { input: { from: string; to: string; scope: Scope }; whatIfClientIds: number[] }) {
  const { t } = useT();
  const [state, setState] = useState<{ busy: boolean; jobId?: string; message?: string; error?: boolean }>({ busy: false });
  const run = async () => {
    setState({ busy: true, message: t('export:working') });
    try {
      await downloadWorkbook(
        input,
        whatIfClientIds,
        (p) => p.total > 0 && setState((s) => ({ ...s, message: t('export:progress', { done: p.done, count: p.total }) })),
        (jobId) => setState((s) => ({ ...s, jobId })),
      );
      setState({ busy: false });
    } catch (e) {
      setState(e instanceof JobCancelledError ? { busy: false } : { busy: false, message: (e as Error).message, error: true });
    }
  };
  return (
    <>
      <button type="button" onClick={() => void run()} disabled={state.busy}>{t('analytics:workbook')}</button>
      {state.busy && state.jobId && <button type="button" onClick={() => void call('jobs.cancel', { jobId: state.jobId! })}>{t('common:cancel')}</button>}
      {state.message && <span className={state.error ? 'form-error' : 'muted'} role={state.error ? 'alert' : 'status'} data-testid="workbook-status">{state.message}</span>}
    </>
  );
}
