import { parseNumberEntry } from '../../../../shared/kernel/format';
import type { ClientTypeField, ProfileValue } from '../../../../shared/features/accounts/types';
import { useDialog } from '../../components/Dialog';
import { editableNumber, type FieldErrors } from '../../components/form-values';
import { useT } from '../../lib/i18n';

export type ProfileDraft = Record<string, string | boolean>;

export function profileToDraft(fields: ClientTypeField[], profile: Record<string, ProfileValue>, locale: string): ProfileDraft {
  const draft: ProfileDraft = {};
  for (const f of fields) {
    const v = profile[f.key];
    if (f.kind === 'boolean') draft[f.key] = v === true;
    else if (f.kind === 'list') draft[f.key] = Array.isArray(v) ? v.join('\n') : '';
    else if (f.kind === 'number') draft[f.key] = editableNumber(v, locale);
    else draft[f.key] = typeof v === 'string' ? v : '';
  }
  return draft;
}

/** Only the chosen type's fields are sent; empty ones are left out rather than stored as blanks. */
export function draftToProfile(fields: ClientTypeField[], draft: ProfileDraft, locale: string): Record<string, ProfileValue> {
  const profile: Record<string, ProfileValue> = {};
  for (const f of fields) {
    const v = draft[f.key];
    if (f.kind === 'boolean') profile[f.key] = Boolean(v);
    else if (f.kind === 'number') {
      const n = parseNumberEntry(String(v ?? ''), locale);
      if (n !== null) profile[f.key] = Number.isNaN(n) ? String(v) : n;
    } else if (f.kind === 'list') {
      const items = String(v ?? '').split('\n').map((s) => s.trim()).filter(Boolean);
      if (items.length) profile[f.key] = items;
    } else if (v) profile[f.key] = String(v);
  }
  return profile;
}

interface Props {
  fields: ClientTypeField[];
  draft: ProfileDraft;
  errors: FieldErrors;
  onChange: (key: string, value: string | boolean) => void;
}

export function ProfileFields({ fields, draft, errors, onChange: change }: Props) {
  const { t } = useT();
  const dialog = useDialog();
  const onChange = (key: string, value: string | boolean) => {
    dialog?.setDirty(true);
    change(key, value);
  };
  if (fields.length === 0) return <p className="muted">{t('accounts:client.noType')}</p>;
  return (
    <fieldset className="profile-fields">
      <legend>{t('accounts:client.profile')}</legend>
      <div className="form-grid">
        {fields.map((f) => {
          const id = `profile-${f.key}`;
          const error = errors[`profile.${f.key}`];
          const value = draft[f.key];
          // Invalid fields say so, so the form can take the user to the first one.
          const aria = { 'aria-invalid': Boolean(error), 'aria-describedby': error ? `${id}-error` : undefined };
          let input;
          if (f.kind === 'boolean') input = <input id={id} type="checkbox" {...aria} checked={Boolean(value)} onChange={(e) => onChange(f.key, e.target.checked)} />;
          else if (f.kind === 'select')
            input = (
              <select id={id} {...aria} value={String(value ?? '')} onChange={(e) => onChange(f.key, e.target.value)}>
                <option value="">{t('common:none')}</option>
                {f.options.map((o) => (
                  <option key={o}>{o}</option>
                ))}
              </select>
            );
          else if (f.kind === 'list' || f.kind === 'text') input = <textarea id={id} {...aria} rows={2} value={String(value ?? '')} onChange={(e) => onChange(f.key, e.target.value)} />;
          else input = <input id={id} {...aria} type="text" inputMode="decimal" value={String(value ?? '')} onChange={(e) => onChange(f.key, e.target.value)} />;
          return (
            <div key={f.id} className={`field${error ? ' field-error' : ''}`}>
              <label htmlFor={id}>{f.label}</label>
              {input}
              {error && <small className="error" id={`${id}-error`} role="alert">{error}</small>}
            </div>
          );
        })}
      </div>
    </fieldset>
  );
}
