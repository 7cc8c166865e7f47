import type { FieldSpec, FormState } from './form-values';
import { useT } from '../lib/i18n';
import { useSettings } from '../lib/settings-context';
import { dateEntryExample, formatDateEntry, parseDateEntry } from '../../../shared/kernel/date-entry';
import { completeWebsite } from '../../../shared/kernel/format';
import { ClientPicker } from './ClientPicker';

interface Props {
  spec: FieldSpec;
  state: FormState;
  error?: string;
  onChange: (name: string, value: string | boolean) => void;
  label?: string;
}

export function Field({ spec, state, error, onChange, label }: Props) {
  const { t } = useT();
  const { settings } = useSettings();
  const isDate = spec.kind === 'date' || spec.kind === 'birthday';
  // A date that reads is rewritten in the locale's own layout on leaving the field; one that does not stays as typed.
  const tidyDate = () => {
    const iso = parseDateEntry(String(state[spec.name] ?? ''), settings.locale, settings.calendar, spec.kind === 'birthday');
    if (iso) {
      const shown = formatDateEntry(iso, settings.locale, settings.calendar);
      if (shown !== state[spec.name]) onChange(spec.name, shown);
    }
  };
  // "orion.example" becomes "https://orion.example" on leaving the field, so the user sees what is saved.
  const tidyUrl = () => {
    const typed = String(state[spec.name] ?? '');
    const done = completeWebsite(typed);
    if (done !== typed.trim() || typed !== typed.trim()) onChange(spec.name, done);
  };
  const id = `field-${spec.name}`;
  const text = label ?? t(spec.label);
  const value = state[spec.name];
  const described = error ? `${id}-error` : undefined;
  const common = { id, name: spec.name, 'aria-invalid': Boolean(error), 'aria-describedby': described };
  let input;
  switch (spec.kind) {
    case 'checkbox':
      return (
        <label className="field field-checkbox" htmlFor={id}>
          <input {...common} type="checkbox" checked={Boolean(value)} onChange={(e) => onChange(spec.name, e.target.checked)} />
          <span>{text}</span>
        </label>
      );
    case 'textarea':
      input = <textarea {...common} rows={3} value={String(value ?? '')} onChange={(e) => onChange(spec.name, e.target.value)} />;
      break;
    case 'select':
      input = (
        <select {...common} value={String(value ?? '')} onChange={(e) => onChange(spec.name, e.target.value)}>
          {spec.allowEmpty !== false && <option value="">{t('common:none')}</option>}
          {spec.options.map((o) => (
            <option key={o.value} value={String(o.value)}>{o.label}</option>
          ))}
        </select>
      );
      break;
    case 'client':
      input = (
        <ClientPicker id={id} value={String(value ?? '')} onChange={(v) => onChange(spec.name, v)} label={text} exclude={spec.exclude} invalid={Boolean(error)} describedBy={described} />
      );
      break;
    default:
      input = (
        <input
          {...common}
          // Never type="date": Chromium shows it in the browser's order, not the user's region.
          type="text"
          inputMode={spec.kind === 'number' ? 'decimal' : spec.kind === 'email' ? 'email' : undefined}
          placeholder={isDate ? dateEntryExample(settings.locale, settings.calendar) : undefined}
          value={String(value ?? '')}
          onChange={(e) => onChange(spec.name, e.target.value)}
          onBlur={isDate ? () => tidyDate() : spec.kind === 'url' ? () => tidyUrl() : undefined}
        />
      );
  }
  return (
    <div className={`field${error ? ' field-error' : ''}`}>
      <label htmlFor={id}>
        {text}
        {'required' in spec && spec.required ? ' *' : ''}
      </label>
      {input}
      {'hint' in spec && spec.hint && !error && <small className="hint">{spec.hint}</small>}
      {error && (
        <small className="error" id={described} role="alert">
          {error}
        </small>
      )}
    </div>
  );
}
