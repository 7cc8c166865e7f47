import { useEffect, useState } from 'react';
import type { UndoPlan } from '../../../../shared/features/import/types';
import { Dialog } from '../../components/Dialog';
import { call, notifyDataChanged } from '../../lib/api';
import { waitForJob } from '../../lib/jobs';
import { useT } from '../../lib/i18n';
import { fieldName } from './labels';

/** Says exactly what undo will remove, put back and keep, and runs it only when the user agrees. */
export function UndoDialog({ importId, onClose, onDone }: { importId: number; onClose: () => void; onDone: (message: string) => void }) {
  const { t } = useT();
  const [plan, setPlan] = useState<UndoPlan | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [running, setRunning] = useState(false);
  useEffect(() => {
    call('imports.undoPlan', { id: importId }).then(setPlan, (e: Error) => setError(e.message));
  }, [importId]);
  const run = async () => {
    setRunning(true);
    try {
      const { jobId } = await call('imports.undo', { id: importId });
      const outcome = await waitForJob(jobId, () => {});
      notifyDataChanged();
      if (outcome.task === 'undo') onDone(t('import:undoDone', { purchases: outcome.result.purchases, contacts: outcome.result.contacts, clients: outcome.result.clients, restored: outcome.result.restored }));
    } catch (e) {
      setError((e as Error).message);
      setRunning(false);
    }
  };
  return (
    <Dialog title={t('import:undoTitle', { id: importId })} onClose={onClose} wide>
      {error && <p className="form-error" role="alert">{error}</p>}
      {!plan && !error && <p className="muted">{t('common:app.loading')}</p>}
      {plan && (
        <div data-testid="undo-plan">
          <p>{t('import:undoWill', { file: plan.fileName, ...plan.remove, fields: plan.restoreFields, records: plan.restoreRecords })}</p>
          {plan.keptCount > 0 && (
            <>
              <h3>{t('import:undoKeeps', { count: plan.keptCount })}</h3>
              <ul className="undo-kept">
                {plan.kept.map((k) => (
                  <li key={`${k.table}-${k.id}`}>
                    {t(`import:undoTable.${k.table}`)} “{k.label}”: {k.reason === 'edited' ? t('import:undoEdited') : t('import:undoReferenced', { by: t(`import:undoBy.${k.by ?? 'client'}`) })}
                  </li>
                ))}
              </ul>
            </>
          )}
          {plan.keptFieldCount > 0 && (
            <>
              <h3>{t('import:undoKeepsFields', { count: plan.keptFieldCount })}</h3>
              <ul className="undo-kept">
                {plan.keptFields.map((f) => (
                  <li key={`${f.table}-${f.id}-${f.field}`}>
                    {f.label}: {f.fieldLabel ?? fieldName(t, f.table, f.field)} — {f.reason === 'changed_since' ? t('import:undoChangedSince') : t('import:undoNotRecorded')}
                  </li>
                ))}
              </ul>
            </>
          )}
          <p className="muted">{t('import:undoBackup')}</p>
          <div className="form-actions">
            <button type="button" onClick={onClose} disabled={running}>{t('common:cancel')}</button>
            <button type="button" className="danger" onClick={run} disabled={running}>{running ? t('import:undoing') : t('import:undoRun')}</button>
          </div>
        </div>
      )}
    </Dialog>
  );
}
