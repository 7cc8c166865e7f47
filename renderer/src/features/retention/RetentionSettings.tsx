import { useEffect, useState } from 'react';
import { ABC_CLASSES } from '../../../../shared/features/retention/settings';
import { retentionSettingsSchema, type RetentionSettings as Saved } from '../../../../shared/features/retention/settings';
import { parseLocaleNumber } from '../../../../shared/kernel/numbers';
import { Field } from '../../components/Field';
import { editableNumber, issuesToErrors, validate, type FieldErrors, type FieldSpec, type FormState } from '../../components/form-values';
import { ApiError, call } from '../../lib/api';
import { useT } from '../../lib/i18n';
import { useSettings } from '../../lib/settings-context';
import { useQuery } from '../../lib/useQuery';

const NUMBERS = ['gapFactor', 'pAliveBelow', 'minOccasions', 'horizonDays', 'birthdayDaysAhead', 'anniversaryLeadDays', 'reactivationDays'] as const;

/** Settings → the dormancy rule, how far reminders look ahead, and the visit cadence of each class. */
export function RetentionSettings() {
  const { t } = useT();
  const { settings: region } = useSettings();
  const q = useQuery('retention.settings', {});
  const [state, setState] = useState<FormState | null>(null);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [message, setMessage] = useState<{ text: string; error: boolean } | null>(null);
  const toState = (s: Saved): FormState => {
    const out: FormState = { seasonalWords: s.seasonalWords.join(', ') };
    for (const k of NUMBERS) out[k] = editableNumber(s[k], region.locale);
    for (const c of ABC_CLASSES) {
      out[`cadence.${c}.ideal`] = String(s.cadence[c].ideal);
      out[`cadence.${c}.max`] = String(s.cadence[c].max);
    }
    return out;
  };
  useEffect(() => {
    if (q.data && state === null) setState(toState(q.data));
  }, [q.data]);
  if (!state) return null;
  const num = (k: string) => parseLocaleNumber(String(state[k] ?? ''), region.locale);
  const spec = (name: string, label: FieldSpec['label']): FieldSpec => ({ name, label, kind: 'number', required: true });
  const change = (name: string, value: string | boolean) => {
    setState((s) => ({ ...s!, [name]: value }));
    setErrors(({ [name]: _gone, ...rest }) => rest);
  };
  const save = async () => {
    const input = {
      ...Object.fromEntries(NUMBERS.map((k) => [k, num(k)])),
      seasonalWords: String(state.seasonalWords).split(',').map((w) => w.trim()).filter(Boolean),
      cadence: Object.fromEntries(ABC_CLASSES.map((c) => [c, { ideal: num(`cadence.${c}.ideal`), max: num(`cadence.${c}.max`) }])),
    };
    const local = validate(retentionSettingsSchema, input, t);
    if (local) return setErrors(local), setMessage({ text: t('common:fixErrors'), error: true });
    try {
      await call('retention.saveSettings', input as never);
      setMessage({ text: t('retention:settings.saved'), error: false });
    } catch (err) {
      if (err instanceof ApiError) setErrors(issuesToErrors(err.error.issues, t));
      setMessage({ text: (err as Error).message, error: true });
    }
  };
  return (
    <section className="settings-block" data-testid="retention-settings">
      <h2>{t('retention:settings.title')}</h2>
      <div className="form-grid">
        <Field spec={spec('gapFactor', 'retention:settings.gapFactor')} state={state} error={errors.gapFactor} onChange={change} />
        <Field spec={spec('pAliveBelow', 'retention:settings.pAliveBelow')} state={state} error={errors.pAliveBelow} onChange={change} />
        <Field spec={spec('minOccasions', 'retention:settings.minOccasions')} state={state} error={errors.minOccasions} onChange={change} />
        <Field spec={spec('horizonDays', 'retention:settings.horizonDays')} state={state} error={errors.horizonDays} onChange={change} />
        <Field spec={spec('birthdayDaysAhead', 'retention:settings.birthdayDaysAhead')} state={state} error={errors.birthdayDaysAhead} onChange={change} />
        <Field spec={spec('anniversaryLeadDays', 'retention:settings.anniversaryLeadDays')} state={state} error={errors.anniversaryLeadDays} onChange={change} />
        <Field spec={spec('reactivationDays', 'retention:settings.reactivationDays')} state={state} error={errors.reactivationDays} onChange={change} />
        <Field spec={{ name: 'seasonalWords', label: 'retention:settings.seasonalWords', kind: 'text' }} state={state} error={errors.seasonalWords} onChange={change} />
        {ABC_CLASSES.map((c) => (
          <div key={c} className="field">
            <span>{t('retention:settings.cadence', { cls: c })}</span>
            <Field spec={spec(`cadence.${c}.ideal`, 'retention:client.ideal')} state={state} error={errors[`cadence.${c}.ideal`]} onChange={change} />
            <Field spec={spec(`cadence.${c}.max`, 'retention:client.max')} state={state} error={errors[`cadence.${c}.max`]} onChange={change} />
          </div>
        ))}
      </div>
      {message && <p className={message.error ? 'form-error' : 'muted'} role={message.error ? 'alert' : 'status'}>{message.text}</p>}
      <div className="form-actions"><button type="button" className="primary" onClick={() => void save()}>{t('common:save')}</button></div>
    </section>
  );
}
