import { accessSync, closeSync, constants, openSync, readSync, statSync } from 'node:fs';
import { dirname } from 'node:path';
import { readMigrationFiles } from 'drizzle-orm/migrator';
import { inEnglish } from '../i18n';
import { DatabaseOpenError, keyFor, looksPlain, openConnection, type DatabaseKey, type Sqlite } from './connection';
import { storageFailure } from './sqlite-errors';

export { DatabaseOpenError, type OpenFailure } from './connection';

const MAGIC = 'SQLite format 3\0';
/** The encrypted file's page size (SQLite3 Multiple Ciphers' default), which Rapport never changes. */
const ENCRYPTED_PAGE = 4096;

/**
 * The 100-byte header says whether this is an SQLite file at all, before
 * SQLite touches it. An encrypted file has no readable header: with a key
 * only its size can be checked here, the key itself at the first read.
 */
function checkHeader(path: string, size: number, key: DatabaseKey | undefined): void {
  const damaged = (why: string) => new DatabaseOpenError('damaged', `${path} is damaged: ${why}.`, path);
  if (size === 0) throw damaged('the file is empty (0 bytes), so it holds no data');
  if (size < 512) throw damaged(`the file is only ${size} bytes, too short to be a Rapport database`);
  const head = Buffer.alloc(100);
  const fd = openSync(path, 'r');
  try {
    readSync(fd, head, 0, 100, 0);
  } finally {
    closeSync(fd);
  }
  if (head.toString('latin1', 0, 16) !== MAGIC) {
    // The rest of the header is plain SQLite's: the file is plain and its first bytes were overwritten.
    if (looksPlain(head)) throw damaged('its first bytes are not those of an SQLite database (the header was overwritten)');
    if (!key) throw new DatabaseOpenError('needs_key', inEnglish('privacy:open.needsKey', { path }), path, 'privacy:open.needsKey');
    if (size % ENCRYPTED_PAGE !== 0) throw damaged(`its size (${size} bytes) is not a whole number of ${ENCRYPTED_PAGE}-byte pages, so part of it is missing`);
    return;
  }
  const raw = head.readUInt16BE(16);
  const pageSize = raw === 1 ? 65536 : raw;
  if (pageSize < 512 || pageSize > 65536 || (pageSize & (pageSize - 1)) !== 0) throw damaged(`its header names an impossible page size (${raw})`);
  if (size % pageSize !== 0) throw damaged(`its size (${size} bytes) is not a whole number of ${pageSize}-byte pages, so part of it is missing`);
}

function checkWritable(path: string, exists: boolean): void {
  const dir = dirname(path);
  try {
    accessSync(dir, constants.W_OK);
  } catch {
    throw new DatabaseOpenError('read_only', `Rapport cannot write in the folder ${dir} (it is read-only or not yours). Move the database to a folder you can write to.`, path);
  }
  if (!exists) return;
  try {
    accessSync(path, constants.R_OK | constants.W_OK);
  } catch {
    throw new DatabaseOpenError('read_only', `${path} is read-only, so Rapport cannot save changes to it. Allow writing to the file (its properties or permissions), or copy it somewhere you can write.`, path);
  }
}

/**
 * The migrations recorded in the file must be the first ones this build
 * ships, in order; anything else was written by a newer (or different)
 * Rapport, whose schema this build does not know.
 */
function checkMigrationsPrefix(sqlite: Sqlite, path: string, migrationsFolder: string): void {
  const hasTable = sqlite.prepare(`SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = '__drizzle_migrations'`).get();
  if (!hasTable) return;
  const recorded = (sqlite.prepare(`SELECT created_at AS at FROM __drizzle_migrations ORDER BY created_at, id`).all() as { at: number | string }[]).map((r) => Number(r.at));
  const shipped = readMigrationFiles({ migrationsFolder }).map((m) => m.folderMillis);
  const unknown = recorded.findIndex((at, i) => shipped[i] !== at);
  if (recorded.length > shipped.length || unknown >= 0) {
    throw new DatabaseOpenError(
      'newer_version',
      `${path} was last opened by a newer Rapport (it has ${recorded.length} schema changes, this version knows ${shipped.length}). Nothing was changed. Install the newer Rapport to open it, or restore a backup made by this version.`,
      path,
    );
  }
}

/**
 * Everything that can be checked without writing a byte: the header, the
 * permissions, SQLite's quick_check and the migration history. A file that
 * fails is left exactly as it was.
 */
export function checkBeforeOpen(path: string, migrationsFolder: string, opts: { nativeBinding?: string; quickCheck?: boolean; key?: DatabaseKey } = {}): { exists: boolean } {
  let exists = false;
  let size = 0;
  try {
    const st = statSync(path);
    if (st.isDirectory()) throw new DatabaseOpenError('folder', `${path} is a folder, not a database file.`, path);
    exists = true;
    size = st.size;
  } catch (err) {
    if (err instanceof DatabaseOpenError) throw err;
    if ((err as { code?: string }).code !== 'ENOENT') throw err;
  }
  checkWritable(path, exists);
  if (!exists) return { exists };
  checkHeader(path, size, keyFor(opts));
  let sqlite: Sqlite | null = null;
  try {
    // Read-only, keyed when the file is encrypted: a wrong key is refused here, before any write.
    sqlite = openConnection(path, { readonly: true, nativeBinding: opts.nativeBinding, key: opts.key });
    if (opts.quickCheck !== false) {
      const result = sqlite.pragma('quick_check(5)', { simple: false }) as { quick_check: string }[];
      const problems = result.map((r) => r.quick_check).filter((r) => r !== 'ok');
      if (problems.length) throw new DatabaseOpenError('damaged', `${path} is damaged (SQLite's check found: ${problems.join('; ')}).`, path);
    }
    checkMigrationsPrefix(sqlite, path, migrationsFolder);
  } catch (err) {
    if (err instanceof DatabaseOpenError) throw err;
    const failure = storageFailure(err);
    if (failure === 'damaged') throw new DatabaseOpenError('damaged', `${path} is damaged: ${(err as Error).message}.`, path);
    if (failure === 'read_only') throw new DatabaseOpenError('read_only', `${path} cannot be read: ${(err as Error).message}.`, path);
    throw err;
  } finally {
    sqlite?.close();
  }
  return { exists };
}
