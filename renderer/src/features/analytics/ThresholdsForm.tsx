import { useEffect, useState } from 'react';
import { analyticsSettingsSchema, DEFAULT_ANALYTICS_SETTINGS, type AnalyticsSettings } from '../../../../shared/features/analytics/settings';
import { Field } from '../../components/Field';
import { issuesToErrors, validate, type FieldErrors, type FormState } from '../../components/form-values';
import { ApiError, call } from '../../lib/api';
import { useT } from '../../lib/i18n';
import { useSettings } from '../../lib/settings-context';
import { useQuery } from '../../lib/useQuery';
import { fieldSpec, formToThresholds, THRESHOLD_GROUPS, THRESHOLDS, thresholdsToForm, valueAt } from './thresholdFields';
import './analytics.css';

/**
 * ABC limits, risk bands, the key-account share and the KAM maximum: the
 * thresholds every figure on the page is worked out with. Saved through
 * analytics.saveSettings, so the report reloads with them at once. Every
 * problem shows at once, under its field and named in the list at the top;
 * what was typed stays. The same form is on the Key accounts page and under
 * Settings (ThresholdsSettings); `intro` says which figures it governs from where it is.
 */
export function ThresholdsForm({ intro = 'analytics:thresholds.intro' }: { intro?: 'analytics:thresholds.intro' | 'analytics:settings.thresholdsIntro' } = {}) {
  const { t } = useT();
  const { settings: app } = useSettings();
  const saved = useQuery('analytics.settings', {}).data;
  const [state, setState] = useState<FormState | null>(null);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [status, setStatus] = useState<'saved' | null>(null);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  useEffect(() => {
    if (saved && !state) setState(thresholdsToForm(saved, app.locale));
  }, [saved, state, app.locale]);
  if (!saved || !state) return null;

  const change = (name: string, value: string | boolean) => {
    setState((s) => ({ ...s, [name]: value }));
    setErrors(({ [name]: _gone, bands: _order, ...rest }) => rest);
    setStatus(null);
  };
  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    setFailure(null);
    const input = formToThresholds(state, saved, app.locale);
    // An entry that is not a number says so, rather than zod's "expected number".
    const unreadable: FieldErrors = {};
    for (const f of THRESHOLDS) if (f.kind !== 'flag' && !Number.isFinite(valueAt(input, f.name))) unreadable[f.name] = t('analytics:thresholds.enterNumber');
    const local = validate(analyticsSettingsSchema, input, t);
    if (local || Object.keys(unreadable).length) {
      setErrors({ ...local, ...unreadable });
      return;
    }
    setBusy(true);
    try {
      const next = await call('analytics.saveSettings', input as AnalyticsSettings);
      setState(thresholdsToForm(next, app.locale));
      setErrors({});
      setStatus('saved');
    } catch (err) {
      if (err instanceof ApiError) setErrors(issuesToErrors(err.error.issues, t));
      setFailure(err instanceof Error ? err.message : String(err));
    } finally {
      setBusy(false);
    }
  };
  const label = (name: string) => {
    const f = THRESHOLDS.find((x) => x.name === name);
    const g = THRESHOLD_GROUPS.find((x) => x.path === name);
    return f ? t(f.label) : g ? t(g.name) : name;
  };
  const problems = Object.entries(errors);

  return (
    <form className="thresholds" onSubmit={submit} noValidate data-testid="thresholds-form">
      <p className="muted">{t(intro)}</p>
      {(problems.length > 0 || failure) && (
        <div className="form-error" role="alert" data-testid="thresholds-problems">
          {failure && <p>{failure}</p>}
          {problems.length > 0 && <p>{t('analytics:thresholds.problems')}</p>}
          <ul>{problems.map(([name, message]) => <li key={name}>{t('analytics:thresholds.problem', { field: label(name), message })}</li>)}</ul>
        </div>
      )}
      <div className="thresholds-groups">
        {THRESHOLD_GROUPS.map((g) => (
          <fieldset key={g.path}>
            <legend>{t(g.legend)}</legend>
            {g.fields.map((f) => <Field key={f.name} spec={fieldSpec(f)} state={state} error={errors[f.name]} onChange={change} />)}
            {errors[g.path] && <small className="error" role="alert">{errors[g.path]}</small>}
          </fieldset>
        ))}
      </div>
      <footer className="form-actions">
        <button type="button" onClick={() => { setState(thresholdsToForm({ ...saved, ...DEFAULT_ANALYTICS_SETTINGS }, app.locale)); setErrors({}); setStatus(null); }}>{t('analytics:thresholds.defaults')}</button>
        <button type="submit" className="primary" disabled={busy}>{t('analytics:thresholds.save')}</button>
        {status === 'saved' && <span className="muted" role="status" data-testid="thresholds-saved">{t('analytics:thresholds.saved')}</span>}
      </footer>
    </form>
  );
}
