import type { AppErrorShape, ErrorIssue } from '../../shared/contract/result';
import { storageFailure, type StorageFailure } from '../db/sqlite-errors';

/** An error the user can act on; the router sends it to the renderer as-is. */
export class AppError extends Error {
  constructor(readonly code: AppErrorShape['code'], message: string, readonly issues?: ErrorIssue[]) {
    super(message);
    this.name = 'AppError';
  }
}

export const fieldError = (field: string, message: string) =>
  new AppError('invalid_input', message, [{ path: [field], message }]);

/** Long work stopped because the user cancelled it; whatever it was writing is rolled back. */
export class Cancelled extends Error {
  constructor(what = 'The work') {
    super(`${what} was cancelled; nothing was changed.`);
    this.name = 'Cancelled';
  }
}

export const notFound = (what: string, id: number) => new AppError('not_found', `${what} #${id} does not exist`);

/** What happened and what to do, for each way the disk or the file can refuse a write. The change was not saved. */
const STORAGE_MESSAGES: Record<StorageFailure, string> = {
  disk_full: 'The disk is full (or could not be written), so this change was not saved. Free some space (empty the bin, move large files) and save again; what you typed is still here.',
  read_only: 'The database file or its folder is read-only, so this change was not saved. Allow writing to it (or move it to a folder you own) and save again; what you typed is still here.',
  busy: 'Another task (an import, a backup, or another Rapport) is writing to the database right now, so this change was not saved yet. Save again when it finishes; what you typed is still here.',
  damaged: 'The database file is damaged, so Rapport stopped writing to it. Nothing more was changed. Restore a backup under Settings → Backups.',
};

export function storageError(failure: StorageFailure): AppError {
  return new AppError(failure, STORAGE_MESSAGES[failure]);
}

/** An AppError for a storage failure; null when `err` is something else. */
export function asStorageError(err: unknown): AppError | null {
  const f = storageFailure(err);
  return f ? storageError(f) : null;
}
