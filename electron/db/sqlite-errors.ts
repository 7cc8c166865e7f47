/** What went wrong with the database, in terms the user can act on. */
export type StorageFailure = 'disk_full' | 'read_only' | 'busy' | 'damaged';

/**
 * Maps better-sqlite3's SqliteError codes (and Node's fs errors) to a
 * failure the user can do something about; null for anything else (a bug).
 * A short write is SQLITE_FULL, a refused one SQLITE_IOERR_WRITE (the backup
 * API reports plain SQLITE_IOERR): all mean the change did not reach the disk.
 */
export function storageFailure(err: unknown): StorageFailure | null {
  const code = (err as { code?: unknown } | null)?.code;
  if (typeof code !== 'string') return null;
  // An I/O error while writing is, on a laptop, almost always a full disk (or a removed drive): the change did not land either way.
  if (code === 'SQLITE_FULL' || code.startsWith('SQLITE_IOERR') || code === 'ENOSPC' || code === 'EFBIG' || code === 'EDQUOT') return 'disk_full';
  if (code.startsWith('SQLITE_READONLY') || code === 'SQLITE_CANTOPEN' || code === 'SQLITE_PERM' || code === 'EACCES' || code === 'EPERM' || code === 'EROFS') return 'read_only';
  if (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED')) return 'busy';
  if (code.startsWith('SQLITE_CORRUPT') || code === 'SQLITE_NOTADB') return 'damaged';
  return null;
}

export const isBusy = (err: unknown) => storageFailure(err) === 'busy';
