import type { MessageParams } from '../i18n/messages';

export type ErrorCode =
  | 'invalid_input' | 'not_found' | 'conflict' | 'forbidden' | 'unknown_channel' | 'internal'
  // The disk or the file refused the write: nothing was saved, the user's input is kept.
  | 'disk_full' | 'read_only' | 'busy' | 'damaged';

/** One problem with one field: `path` names the field, `key` and `params` the message (translated by the renderer). */
export interface ErrorIssue {
  path: (string | number)[];
  key: string;
  params?: MessageParams;
}

/** What a failed call answers. No English crosses IPC: the renderer translates `key` with `params`. */
export interface AppErrorShape {
  code: ErrorCode;
  key: string;
  params?: MessageParams;
  issues?: ErrorIssue[];
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: AppErrorShape };
