import type { z } from 'zod';
import { completeWebsite, parseNumberEntry } from '../../../shared/kernel/format';
import type { ErrorIssue } from '../../../shared/contract/result';
import type { MessageKey } from '../../../shared/i18n';
import { issueOf } from '../../../shared/kernel/zod-issues';
import { say, type T } from '../lib/i18n';
import { formatDateEntry, parseDateEntry } from '../../../shared/kernel/date-entry';
import type { Calendar } from '../../../shared/kernel/app-settings';

export type Option = { value: string | number; label: string };

/** `label` is the field's translation key: each feature names its own fields. */
type Base = { name: string; label: MessageKey };
export type FieldSpec = Base &
  (
    | { kind: 'text' | 'textarea' | 'email' | 'url'; hint?: string; required?: boolean }
    // Dates are typed in the locale's order (31/12/2026, 2026. 12. 31.); a birthday may leave the year out.
    | { kind: 'date' | 'birthday'; hint?: string; required?: boolean }
    | { kind: 'number'; hint?: string; required?: boolean }
    | { kind: 'checkbox' }
    | { kind: 'select'; options: Option[]; allowEmpty?: boolean; numeric?: boolean; required?: boolean }
    // A searchable client picker: matches load as the user types, so a base of 50,000 clients never fills a dropdown.
    | { kind: 'client'; exclude?: number; hint?: string; required?: boolean }
  );

/** What the inputs show: strings and booleans, so a half-typed value is never lost. */
export type FormState = Record<string, string | boolean>;
export type FieldErrors = Record<string, string>;

/** A stored number as the user would type it back in their locale (no grouping, so it re-reads exactly). */
export const editableNumber = (v: unknown, locale: string): string =>
  typeof v === 'number' ? new Intl.NumberFormat(locale, { maximumFractionDigits: 6, useGrouping: false }).format(v) : '';

/** The region a form reads and writes values in. */
export interface FormRegion {
  locale: string;
  calendar: Calendar;
}

export function toFormState(fields: FieldSpec[], record: Record<string, unknown>, region: FormRegion): FormState {
  const state: FormState = {};
  for (const f of fields) {
    const v = record[f.name];
    if (f.kind === 'checkbox') state[f.name] = Boolean(v);
    else if (f.kind === 'number') state[f.name] = editableNumber(v, region.locale);
    else if (f.kind === 'date' || f.kind === 'birthday') state[f.name] = typeof v === 'string' ? formatDateEntry(v, region.locale, region.calendar) : '';
    else if (f.kind === 'client') state[f.name] = typeof v === 'number' ? String(v) : '';
    else state[f.name] = v === null || v === undefined ? '' : String(v);
  }
  return state;
}

/** Turns what was typed into the contract's input shape; the zod schema then says what is wrong. */
export function fromFormState(fields: FieldSpec[], state: FormState, region: FormRegion): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const f of fields) {
    const v = state[f.name];
    if (f.kind === 'checkbox') out[f.name] = Boolean(v);
    else if (f.kind === 'number') out[f.name] = parseNumberEntry(String(v ?? ''), region.locale);
    else if (f.kind === 'client') out[f.name] = v === '' ? null : Number(v);
    else if (f.kind === 'url') out[f.name] = v === '' ? null : completeWebsite(String(v));
    // Unreadable text goes on as typed, so the schema names the field and the typing stays.
    else if (f.kind === 'date' || f.kind === 'birthday') out[f.name] = v === '' ? null : (parseDateEntry(String(v), region.locale, region.calendar, f.kind === 'birthday') ?? v);
    else if (f.kind === 'select' && f.numeric) out[f.name] = v === '' ? null : Number(v);
    else out[f.name] = v === '' ? null : v;
  }
  return out;
}

/** Each field's first problem, in the user's language: main's issues and the form's own check read alike. */
export function issuesToErrors(issues: ErrorIssue[] | undefined, t: T): FieldErrors {
  const errors: FieldErrors = {};
  for (const i of issues ?? []) {
    const key = i.path.join('.');
    if (!errors[key]) errors[key] = say(t, i);
  }
  return errors;
}

/**
 * Every problem at once: the schema's, and `more` (checks the schema cannot
 * make, such as a portrait against its client type), so no message waits for
 * a second Save.
 */
export function validate(schema: z.ZodType, input: unknown, t: T, more: ErrorIssue[] = []): FieldErrors | null {
  const res = schema.safeParse(input);
  if (res.success && more.length === 0) return null;
  return issuesToErrors([...(res.success ? [] : res.error.issues.map(issueOf)), ...more], t);
}
