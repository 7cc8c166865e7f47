import { useEffect, useRef, useState, type ReactNode } from 'react';
import type { z } from 'zod';
import { Field } from '../../components/Field';
import { fromFormState, issuesToErrors, toFormState, validate, type FieldErrors, type FieldSpec, type FormState } from '../../components/form-values';
import { ApiError } from '../../lib/api';
import { useT } from '../../lib/i18n';
import { useSettings } from '../../lib/settings-context';

export interface StepFormProps {
  fields: FieldSpec[];
  /** Which fields show now (a reason's follow-up questions); hidden ones keep what was typed. */
  visible?: (name: string, state: FormState) => boolean;
  schema: z.ZodType;
  record: Record<string, unknown>;
  /** Starting values of inputs that are not fields (a checkbox group). */
  initial?: FormState;
  /** The contract's input from the fields' values (nested parts, lists); by default the values as they are. */
  build?: (values: Record<string, unknown>, state: FormState) => Record<string, unknown>;
  fixed?: Record<string, unknown>;
  onSubmit: (input: Record<string, unknown>) => Promise<void>;
  submitLabel: string;
  /** Saves by itself a moment after typing stops, whenever what is typed passes the checks. */
  autosave?: boolean;
  /** More inputs under the fields, with the form's state (checkbox groups, a task list). */
  children?: (state: FormState, set: (name: string, value: string | boolean) => void, errors: FieldErrors) => ReactNode;
  /** Told after every change of what is typed (a parent that follows the outcome chosen). */
  onStateChange?: (state: FormState) => void;
  testId?: string;
}

const AUTOSAVE_MS = 800;

/**
 * A form that stays on the page (a step of a case, a settings block). It
 * checks with the same schema as main, shows each problem under its field and
 * never drops what was typed; with `autosave` it saves quietly while the user
 * talks and types.
 */
export function StepForm({ fields, visible, schema, record, initial, build, fixed, onSubmit, submitLabel, autosave, children, onStateChange, testId }: StepFormProps) {
  const { t } = useT();
  const { settings } = useSettings();
  const [state, setState] = useState<FormState>(() => ({ ...toFormState(fields, record, settings), ...initial }));
  const [errors, setErrors] = useState<FieldErrors>({});
  const [message, setMessage] = useState<{ text: string; error: boolean } | null>(null);
  const [busy, setBusy] = useState(false);
  const timer = useRef<number | undefined>(undefined);

  const input = (s: FormState) => {
    const values = fromFormState(fields, s, settings);
    return { ...(build ? build(values, s) : values), ...fixed };
  };

  const save = async (s: FormState, quiet: boolean) => {
    const payload = input(s);
    const local = validate(schema, payload, t);
    if (local) {
      if (!quiet) {
        setErrors(local);
        setMessage({ text: t('common:fixErrors'), error: true });
      }
      return;
    }
    setBusy(true);
    try {
      await onSubmit(payload);
      setErrors({});
      setMessage({ text: t('recovery:case.saved'), error: false });
    } catch (err) {
      setErrors(err instanceof ApiError ? issuesToErrors(err.error.issues, t) : {});
      setMessage({ text: err instanceof Error ? err.message : String(err), error: true });
    } finally {
      setBusy(false);
    }
  };

  const set = (name: string, value: string | boolean) => {
    setMessage(null);
    setErrors(({ [name]: _gone, ...rest }) => rest);
    setState((s) => {
      const next = { ...s, [name]: value };
      if (autosave) {
        window.clearTimeout(timer.current);
        timer.current = window.setTimeout(() => void save(next, true), AUTOSAVE_MS);
      }
      return next;
    });
  };
  useEffect(() => () => window.clearTimeout(timer.current), []);
  const follow = useRef(onStateChange);
  follow.current = onStateChange;
  useEffect(() => follow.current?.(state), [state]);

  return (
    <form
      className="record-form"
      noValidate
      data-testid={testId}
      onSubmit={(e) => {
        e.preventDefault();
        window.clearTimeout(timer.current);
        void save(state, false);
      }}
    >
      {message && <div className={message.error ? 'form-error' : 'muted'} role={message.error ? 'alert' : 'status'}>{message.text}</div>}
      <div className="form-grid">
        {fields.filter((f) => !visible || visible(f.name, state)).map((f) => <Field key={f.name} spec={f} state={state} error={errors[f.name]} onChange={set} />)}
      </div>
      {children?.(state, set, errors)}
      <footer className="form-actions">
        <button type="submit" className="primary" disabled={busy}>{submitLabel}</button>
      </footer>
    </form>
  );
}
