import type { z } from 'zod';
import type { ErrorIssue } from '../contract/result';
import type { MessageParams } from '../i18n/messages';

/** Schemas give translation keys as their messages ('common:errors.required'); zod's own texts are English sentences. */
const KEY = /^[a-z]+:[\w.]+$/;

const ZOD_CODES = new Set(['invalid_type', 'unrecognized_keys', 'too_small', 'too_big', 'invalid_value', 'invalid_format', 'invalid_union', 'not_multiple_of', 'invalid_key', 'invalid_element', 'custom']);

/**
 * A zod issue as a key with parameters, the same on both sides: main sends
 * it, the renderer's forms show it. The numbers a message needs (a maximum,
 * the keys that were not expected) come from the issue itself.
 */
export function issueOf(issue: z.core.$ZodIssue): ErrorIssue {
  const i = issue as z.core.$ZodIssue & { maximum?: number | bigint; minimum?: number | bigint; keys?: string[]; expected?: string; values?: unknown[]; params?: Record<string, unknown> };
  const key = KEY.test(i.message) ? i.message : `common:zod.${ZOD_CODES.has(i.code) ? i.code : 'custom'}`;
  const params: MessageParams = {};
  if (i.maximum !== undefined) params.maximum = Number(i.maximum);
  if (i.minimum !== undefined) params.minimum = Number(i.minimum);
  if (i.keys) params.keys = i.keys.join(', ');
  if (i.expected) params.expected = i.expected;
  if (i.values) params.values = i.values.map(String).join(', ');
  if (i.params) Object.assign(params, i.params);
  const path = i.path.map((p) => (typeof p === 'symbol' ? String(p) : p)) as (string | number)[];
  return Object.keys(params).length ? { path, key, params } : { path, key };
}
