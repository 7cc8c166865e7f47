import { useState } from 'react';
import type { ImportSpecInput } from '../../../../shared/features/import/types';
import { call } from '../../lib/api';
import { useT } from '../../lib/i18n';
import { waitForJob } from '../../lib/jobs';

/** Writes the rows the import would reject to a CSV (their cells as they were, and what is wrong), to fix and import again. */
export function SaveRejected({ spec }: { spec: ImportSpecInput }) {
  const { t } = useT();
  const [state, setState] = useState<{ busy: boolean; message?: string; error?: boolean }>({ busy: false });
  const save = async () => {
    setState({ busy: true });
    try {
      const started = await call('imports.saveRejected', { spec });
      if (!started) return setState({ busy: false });
      const outcome = await waitForJob(started.jobId, () => {});
      setState({ busy: false, message: outcome.task === 'rejected' ? t('import:rejectedSaved', { count: outcome.rows, path: outcome.path }) : undefined });
    } catch (err) {
      setState({ busy: false, message: (err as Error).message, error: true });
    }
  };
  return (
    <div className="toolbar">
      <button type="button" onClick={() => void save()} disabled={state.busy} data-testid="save-rejected">{t('import:exportRejected')}</button>
      {state.message && <span className={state.error ? 'form-error' : 'muted'} role="status" data-testid="rejected-status">{state.message}</span>}
    </div>
  );
}
