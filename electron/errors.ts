import type { AppErrorShape, ErrorIssue } from '../shared/contract/result';
import type { MessageKey } from '../shared/i18n';
import type { MessageParams } from '../shared/i18n/messages';
import { storageFailure, type StorageFailure } from './db/sqlite-errors';
import { describeError, inEnglish } from './i18n';

/**
 * An error the user can act on; the router sends it to the renderer as a
 * code, a translation key and parameters, never as English.
 */
export class AppError extends Error {
  constructor(readonly code: AppErrorShape['code'], readonly key: MessageKey, readonly params?: MessageParams, readonly issues?: ErrorIssue[]) {
    // English for logs, the CLI and tests; what crosses IPC is shape().
    super(describeError({ key, params, issues }));
    this.name = 'AppError';
  }

  shape(): AppErrorShape {
    return { code: this.code, key: this.key, ...(this.params ? { params: this.params } : {}), ...(this.issues ? { issues: this.issues } : {}) };
  }
}

/** A problem with one field, shown under it. */
export const fieldError = (field: string, key: MessageKey, params?: MessageParams) =>
  new AppError('invalid_input', key, params, [{ path: [field], key, ...(params ? { params } : {}) }]);

/** Long work stopped because the user cancelled it; whatever it was writing is rolled back. */
export class Cancelled extends Error {
  constructor(readonly what: MessageKey = 'common:work.theWork') {
    super(inEnglish('common:errors.cancelled', { what: { key: what } }));
    this.name = 'Cancelled';
  }
}

/** `what` is the noun's key ('accounts:nouns.client'), translated inside the message. */
export const notFound = (what: MessageKey, id: number) => new AppError('not_found', 'common:errors.notFound', { what: { key: what }, id });

export function storageError(failure: StorageFailure): AppError {
  return new AppError(failure, `common:storage.${failure}`);
}

/** An AppError for a storage failure; null when `err` is something else. */
export function asStorageError(err: unknown): AppError | null {
  const f = storageFailure(err);
  return f ? storageError(f) : null;
}
