import { useState } from 'react';
import { addReferral } from '../../../../shared/features/recovery/schemas';
import type { RecoveryCase } from '../../../../shared/features/recovery/types';
import { Dialog } from '../../components/Dialog';
import { call } from '../../lib/api';
import { useT } from '../../lib/i18n';
import { href } from '../../lib/navigation';
import { useSettings } from '../../lib/settings-context';
import { clientPath } from '../accounts';
import { referralFields, referralInput } from './referralFields';
import { StepForm } from './StepForm';
import { useLookups } from './useLookups';

function AddReferralDialog({ c, onClose }: { c: RecoveryCase; onClose: () => void }) {
  const { t } = useT();
  const lookups = useLookups(c.clientId);
  if (!lookups.ready) return null;
  return (
    <Dialog title={t('recovery:close.addReferral')} onClose={onClose} wide>
      <p className="muted">{t('recovery:close.referralHint', { name: c.clientName })}</p>
      <StepForm
        fields={referralFields(lookups.types, lookups.clients)}
        schema={addReferral}
        record={{}}
        build={(values) => ({ referral: referralInput(values) })}
        fixed={{ caseId: c.id }}
        onSubmit={async (input) => {
          await call('recovery.addReferral', input as never);
          onClose();
        }}
        submitLabel={t('recovery:close.addReferral')}
        testId="referral-form"
      />
    </Dialog>
  );
}

/** How the case ended, what it created (tasks, referrals), and the ways back (reopen, one more referral). */
export function ClosedSummary({ c }: { c: RecoveryCase }) {
  const { t } = useT();
  const { fmt } = useSettings();
  const [adding, setAdding] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const reopen = async () => {
    try {
      await call('recovery.reopen', { id: c.id });
    } catch (e) {
      setError((e as Error).message);
    }
  };
  return (
    <section className="settings-block" data-testid="step-closed">
      <h2>{t('recovery:case.steps.followUp')}</h2>
      <p className="headline" data-testid="outcome">{t('recovery:close.closed', { date: fmt.date(c.outcomeOn), outcome: c.outcome ? t(`recovery:outcome.${c.outcome}`) : '' })}</p>
      {c.agreedTerms && <p><span className="muted">{t('recovery:close.agreedTerms')}:</span> {c.agreedTerms}</p>}
      {c.outcomeNote && <p className="notes">{c.outcomeNote}</p>}
      <h3>{t('recovery:close.tasksCreated')}</h3>
      {c.tasks.length === 0 ? <p className="muted">{t('recovery:close.noTasks')}</p> : (
        <ul data-testid="case-tasks">{c.tasks.map((x) => <li key={x.id}>{fmt.date(x.dueDate)}: <a href={href(clientPath(x.clientId))}>{x.title}</a>{x.doneAt ? ` ✓ ${fmt.date(x.doneAt)}` : ''}</li>)}</ul>
      )}
      <h3>{t('recovery:close.referrals')}</h3>
      {c.referrals.length > 0 && (
        <ul data-testid="case-referrals">{c.referrals.map((r) => <li key={r.key}><a href={href(clientPath(r.referredId))}>{r.referredName}</a> ({r.referredStatus === 'prospect' ? t('recovery:tabs.prospects') : t(`accounts:status.${r.referredStatus as 'active'}`)}){r.contactName ? ` — ${r.contactName}` : ''}</li>)}</ul>
      )}
      {error && <p className="form-error" role="alert">{error}</p>}
      {!c.archivedAt && (
        <div className="toolbar">
          <button type="button" onClick={() => setAdding(true)}>{t('recovery:close.addReferral')}</button>
          <button type="button" onClick={() => void reopen()}>{t('recovery:close.reopen')}</button>
        </div>
      )}
      {adding && <AddReferralDialog c={c} onClose={() => setAdding(false)} />}
    </section>
  );
}
