export interface ErrorIssue {
  path: (string | number)[];
  message: string;
}

export interface AppErrorShape {
  code:
    | 'invalid_input' | 'not_found' | 'conflict' | 'forbidden' | 'unknown_channel' | 'internal'
    // The disk or the file refused the write: nothing was saved, the user's input is kept.
    | 'disk_full' | 'read_only' | 'busy' | 'damaged';
  message: string;
  issues?: ErrorIssue[];
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: AppErrorShape };
