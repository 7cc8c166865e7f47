export interface ErrorIssue {
  path: (string | number)[];
  message: string;
}

export interface AppErrorShape {
  code: 'invalid_input' | 'not_found' | 'conflict' | 'forbidden' | 'unknown_channel' | 'internal';
  message: string;
  issues?: ErrorIssue[];
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: AppErrorShape };
