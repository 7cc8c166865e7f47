import type { ErrorIssue } from '../../contract/result';
import type { ClientTypeField, ProfileValue } from './types';

function valueFits(field: ClientTypeField, v: ProfileValue): boolean {
  if (v === null) return true;
  switch (field.kind) {
    case 'number': return typeof v === 'number';
    case 'boolean': return typeof v === 'boolean';
    case 'list': return Array.isArray(v);
    case 'select': return typeof v === 'string' && field.options.includes(v);
    default: return typeof v === 'string';
  }
}

/**
 * Every problem with a portrait at once, with the messages main gives: the
 * form checks the portrait in the same round as the other fields, so no error
 * waits for a second Save.
 */
export function profileIssues(fields: ClientTypeField[], profile: Record<string, ProfileValue>): ErrorIssue[] {
  const byKey = new Map(fields.map((f) => [f.key, f]));
  const issues: ErrorIssue[] = [];
  for (const [key, value] of Object.entries(profile)) {
    const field = byKey.get(key);
    const path = [`profile.${key}`];
    if (!field) issues.push({ path, key: 'accounts:errors.profileUnknownField', params: { key } });
    else if (!valueFits(field, value)) {
      // The label is the user's own words: it goes as it is, only the sentence around it is translated.
      if (field.kind === 'select') issues.push({ path, key: 'accounts:errors.profileOneOf', params: { label: field.label, options: field.options.join(', ') } });
      else issues.push({ path, key: 'accounts:errors.profileKind', params: { label: field.label, kind: { key: `accounts:fieldKindArticle.${field.kind}` } } });
    }
  }
  return issues;
}
