import type { MessageKey } from './index';

/** A text to show, as a key and its parameters: what crosses IPC instead of English. */
export interface Message {
  key: MessageKey;
  params?: MessageParams;
}

/** A parameter may itself be a message (a translated noun, a field's label): it is translated first. */
export type MessageParams = Record<string, string | number | boolean | null | Message | Message[]>;

export const message = (key: MessageKey, params?: MessageParams): Message => (params ? { key, params } : { key });

const isMessage = (v: unknown): v is Message => typeof v === 'object' && v !== null && typeof (v as Message).key === 'string';

/**
 * Translates a message with any translate function (i18next's `t` in the
 * renderer, the English instance in the CLI): nested messages in the
 * parameters first, lists joined with ", ".
 */
export function render(t: (key: string, params?: Record<string, unknown>) => string, m: { key: string; params?: Record<string, unknown> }): string {
  const params: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(m.params ?? {})) {
    if (isMessage(v)) params[k] = render(t, v);
    else if (Array.isArray(v)) params[k] = v.map((x) => (isMessage(x) ? render(t, x) : String(x))).join(', ');
    else params[k] = v;
  }
  return t(m.key, params);
}
