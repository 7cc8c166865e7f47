import { useEffect, useMemo, useState } from 'react';
import { callListRows } from '../../../../shared/features/retention/call-list';
import { CALL_OUTCOMES, type CallOutcome } from '../../../../shared/features/retention/enums';
import { logCallInput } from '../../../../shared/features/retention/schemas';
import type { LoggedCall } from '../../../../shared/features/retention/types';
import { Field } from '../../components/Field';
import { fromFormState, issuesToErrors, validate, type FieldErrors, type FieldSpec, type FormState } from '../../components/form-values';
import { ApiError, call } from '../../lib/api';
import { useT } from '../../lib/i18n';
import { href } from '../../lib/navigation';
import { useSettings } from '../../lib/settings-context';
import { useQuery } from '../../lib/useQuery';
import { clientPath } from '../accounts';
import { CALL_STAGES, CallStages, type Stage } from './CallStages';
import { RETENTION_PATHS } from './paths';

/**
 * The guided call: (1) check in on the last purchase and the person, with
 * room for how they are and any complaint; (2) the campaign's news; (3) the
 * time-limited invitation and its reason; then the outcome. Whatever was
 * typed stays through every stage and any error.
 */
export function CallPage({ campaignId, clientId }: { campaignId: number; clientId: number }) {
  const { t } = useT();
  const { settings } = useSettings();
  const ctx = useQuery('retention.callContext', { campaignId, clientId });
  const list = useQuery('retention.callList', { campaignId });
  // The next client not yet called, for the link after saving.
  const next = useMemo(() => (list.data ? callListRows(list.data).find((r) => r.lastCall === null && r.id !== clientId) ?? null : null), [list.data, clientId]);
  const [stage, setStage] = useState<Stage>(1);
  const [state, setState] = useState<FormState>({ contactId: '', wellbeing: '', complaint: '', callbackDate: '', notes: '' });
  const [outcome, setOutcome] = useState<CallOutcome | ''>('');
  const [errors, setErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [saved, setSaved] = useState<LoggedCall | null>(null);
  const [busy, setBusy] = useState(false);
  const c = ctx.data;
  // The first person on file (the owner first) is whom one usually asks for.
  const firstContact = c?.contacts[0]?.id;
  useEffect(() => {
    if (firstContact !== undefined) setState((s) => (s.contactId === '' ? { ...s, contactId: String(firstContact) } : s));
  }, [firstContact]);
  if (ctx.error) return <section className="page"><p className="form-error" role="alert">{ctx.error.message}</p><a href={href(RETENTION_PATHS.winback)}>{t('retention:callScreen.back')}</a></section>;
  if (!c) return <section className="page"><p className="muted">{t('common:app.loading')}</p></section>;
  const fields: Record<string, FieldSpec> = {
    contactId: { name: 'contactId', label: 'retention:callScreen.contact', kind: 'select', numeric: true, options: c.contacts.map((p) => ({ value: p.id, label: `${p.name}${p.role ? ` (${p.role})` : ''}` })) },
    wellbeing: { name: 'wellbeing', label: 'retention:callScreen.wellbeing', kind: 'textarea' },
    complaint: { name: 'complaint', label: 'retention:callScreen.complaint', kind: 'textarea' },
    callbackDate: { name: 'callbackDate', label: 'retention:callScreen.callbackDate', kind: 'date' },
    notes: { name: 'notes', label: 'retention:callScreen.moreNotes', kind: 'textarea' },
  };
  const change = (name: string, value: string | boolean) => {
    setState((s) => ({ ...s, [name]: value }));
    setErrors(({ [name]: _gone, ...rest }) => rest);
  };
  const field = (name: keyof typeof fields) => <Field spec={fields[name]} state={state} error={errors[name]} onChange={change} />;

  const save = async () => {
    const input = { ...fromFormState(Object.values(fields), state, settings), campaignId, clientId, date: new Date().toISOString().slice(0, 10), outcome: outcome || undefined };
    const local = validate(logCallInput, input, t);
    if (local) {
      setErrors(local);
      setFormError(t('common:fixErrors'));
      // Show the stage where the first problem is.
      setStage(local.complaint || local.contactId || local.wellbeing ? 1 : 3);
      return;
    }
    setBusy(true);
    try {
      setSaved(await call('retention.logCall', input as never));
      setFormError(null);
    } catch (err) {
      if (err instanceof ApiError) setErrors(issuesToErrors(err.error.issues, t));
      setFormError((err as Error).message);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="page call-page" data-testid="call-page">
      <header className="page-header">
        <div>
          <a href={href(RETENTION_PATHS.winback)} className="back">← {t('retention:callScreen.back')}</a>
          <h1>{t('retention:callScreen.title', { name: c.client.name })}</h1>
          <p className="muted">{c.campaign.name}{c.client.phone ? ` · ${t('retention:callScreen.phone', { phone: c.client.phone })}` : ''} · <a href={href(clientPath(c.client.id))}>{c.client.code ?? '#'}</a></p>
        </div>
      </header>
      {saved ? (
        <div className="settings-block" role="status" data-testid="call-saved">
          <p>{t('retention:callScreen.saved')} {saved.taskIds.length > 0 && t('retention:callScreen.tasks', { count: saved.taskIds.length })}</p>
          <div className="toolbar">
            {next && <a href={href(RETENTION_PATHS.call(campaignId, next.id))} data-testid="next-client">{t('retention:callScreen.nextClient')}: {next.name}</a>}
            <a href={href(RETENTION_PATHS.winback)}>{t('retention:callScreen.back')}</a>
          </div>
        </div>
      ) : (
        <>
          <nav className="tabs" role="tablist">
            {CALL_STAGES.map((s) => (
              <button key={s} type="button" role="tab" aria-selected={stage === s} className={stage === s ? 'active' : ''} onClick={() => setStage(s)}>
                {t(`retention:callScreen.stage${s}`)}
              </button>
            ))}
          </nav>
          {formError && <div className="form-error" role="alert">{formError}</div>}
          <CallStages stage={stage} context={c} field={field} contactId={state.contactId ? Number(state.contactId) : null} />
          {stage === 3 && (
            <fieldset className="settings-block" data-testid="call-outcome">
              <legend>{t('retention:callScreen.outcome')}</legend>
              {CALL_OUTCOMES.map((o) => (
                <label key={o} className="choice">
                  <input type="radio" name="outcome" value={o} checked={outcome === o} onChange={() => { setOutcome(o); setErrors(({ outcome: _o, ...rest }) => rest); }} /> {t(`retention:outcomes.${o}`)}
                </label>
              ))}
              {errors.outcome && <small className="error" role="alert">{errors.outcome}</small>}
              {(outcome === 'callBack' || state.callbackDate !== '') && field('callbackDate')}
              {outcome === 'complaint' && field('complaint')}
              {field('notes')}
            </fieldset>
          )}
          <footer className="form-actions">
            {stage > 1 && <button type="button" onClick={() => setStage((stage - 1) as Stage)}>{t('retention:callScreen.previous')}</button>}
            {stage < 3 && <button type="button" className="primary" onClick={() => setStage((stage + 1) as Stage)}>{t('retention:callScreen.next')}</button>}
            {stage === 3 && <button type="button" className="primary" disabled={busy} onClick={() => void save()}>{t('retention:callScreen.save')}</button>}
          </footer>
        </>
      )}
    </section>
  );
}
