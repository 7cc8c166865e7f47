import { useEffect, useRef, useState, type ReactNode } from 'react';
import type { ErrorIssue } from '../../../shared/contract/result';
import type { z } from 'zod';
import { ApiError } from '../lib/api';
import { useSettings } from '../lib/settings-context';
import { useDialog } from './Dialog';
import { Field } from './Field';
import { fromFormState, issuesToErrors, toFormState, validate, type FieldErrors, type FieldSpec, type FormState } from './form-values';
import { useT } from '../lib/i18n';

interface Props {
  fields: FieldSpec[];
  schema: z.ZodType;
  record: Record<string, unknown>;
  /** Values sent with every submit that the user does not edit here (ids, the owning client). */
  fixed?: Record<string, unknown>;
  /** Extra input merged before validation (the client portrait). */
  extra?: (state: FormState) => Record<string, unknown>;
  /** Checks beyond the schema, run in the same round so every message shows at once (a portrait against its type). */
  check?: (input: Record<string, unknown>) => ErrorIssue[];
  onSubmit: (input: Record<string, unknown>) => Promise<void>;
  onCancel: () => void;
  children?: (errors: FieldErrors, state: FormState) => ReactNode;
  actions?: ReactNode;
}

/**
 * Validates with the same zod schema main uses, shows each message under its
 * field, and keeps everything typed on any error, local or from the database.
 */
export function RecordForm({ fields, schema, record, fixed, extra, check, onSubmit, onCancel, children, actions }: Props) {
  const { t } = useT();
  const { settings } = useSettings();
  const [state, setState] = useState<FormState>(() => toFormState(fields, record, settings));
  const [errors, setErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [touched, setTouched] = useState(false);
  const dialog = useDialog();
  const form = useRef<HTMLFormElement>(null);
  useEffect(() => dialog?.setDirty(touched), [dialog, touched]);
  // The first field has the focus when the form opens, not the dialog's close button: the user starts typing at once.
  useEffect(() => {
    form.current?.querySelector<HTMLElement>('.form-grid input, .form-grid select, .form-grid textarea')?.focus();
  }, []);

  const change = (name: string, value: string | boolean) => {
    setState((s) => ({ ...s, [name]: value }));
    setTouched(true);
    setErrors(({ [name]: _gone, ...rest }) => rest);
  };

  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    const input = { ...fromFormState(fields, state, settings), ...(extra?.(state) ?? {}), ...fixed };
    const local = validate(schema, input, t, check?.(input) ?? []);
    if (local) {
      setErrors(local);
      setFormError(t('common:fixErrors'));
      // To the first field that needs fixing, once its message is on screen.
      requestAnimationFrame(() => form.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus());
      return;
    }
    setBusy(true);
    try {
      await onSubmit(input);
      dialog?.setDirty(false);
    } catch (err) {
      if (err instanceof ApiError) {
        setErrors(issuesToErrors(err.error.issues, t));
        setFormError(err.message);
      } else {
        setFormError(err instanceof Error ? err.message : String(err));
      }
    } finally {
      setBusy(false);
    }
  };

  return (
    <form ref={form} className="record-form" onSubmit={submit} noValidate>
      {formError && (
        <div className="form-error" role="alert">
          {formError}
        </div>
      )}
      <div className="form-grid">
        {fields.map((f) => (
          <Field key={f.name} spec={f} state={state} error={errors[f.name]} onChange={change} />
        ))}
      </div>
      {children?.(errors, state)}
      <footer className="form-actions">
        <div className="form-actions-left">{actions}</div>
        <button type="button" onClick={() => (dialog ? dialog.requestClose() : onCancel())}>
          {t('common:cancel')}
        </button>
        <button type="submit" className="primary" disabled={busy}>
          {t('common:save')}
        </button>
      </footer>
    </form>
  );
}
