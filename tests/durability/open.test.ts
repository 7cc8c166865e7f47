import { createHash } from 'node:crypto';
import { chmodSync, closeSync, existsSync, mkdirSync, openSync, readFileSync, readdirSync, statSync, truncateSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import Database from 'better-sqlite3-multiple-ciphers';
import { describe, expect, it } from 'vitest';
import { createBackupNow, listBackups } from '../../electron/db/backups';
import type { Db } from '../../electron/db/connection';
import { openDatabase } from '../../electron/db/migrate';
import { findMigrationsFolder } from '../../electron/db/migrations-path';
import { DatabaseOpenError } from '../../electron/db/open-checks';
import { generateDemo } from '../../electron/features/settings/demo/generate';
import { openOrRecover } from '../../electron/main/open-or-recover';
import { tempDir } from '../helpers/db';
import { CLI, tsxCommand } from '../helpers/child';
import { recordDurability } from '../helpers/durability';
import { english } from '../helpers/router';
import type { AppErrorShape } from '../../shared/contract/result';

const MIGRATIONS = findMigrationsFolder();
const sha = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex');

/** A real base of about a megabyte, closed, with one verified backup beside it. */
function base(dir: string, name = 'rapport.db'): string {
  const path = join(dir, name);
  const db = openDatabase(path, MIGRATIONS);
  generateDemo(db, { clients: 40, purchases: 4000, seed: 5, asOf: '2026-06-30' });
  createBackupNow(db.sqlite, path, 'manual', 10);
  db.sqlite.pragma('wal_checkpoint(TRUNCATE)');
  db.sqlite.close();
  return path;
}

function expectRefused(path: string, code: string, message: RegExp) {
  const before = existsSync(path) ? sha(path) : null;
  let err: unknown;
  try {
    openDatabase(path, MIGRATIONS).sqlite.close();
  } catch (e) {
    err = e;
  }
  expect(err).toBeInstanceOf(DatabaseOpenError);
  expect((err as DatabaseOpenError).code).toBe(code);
  expect((err as Error).message).toMatch(message);
  if (before) expect(sha(path), 'the refused file was changed').toBe(before);
}

const damages: [string, (path: string) => void, RegExp, string?][] = [
  ['16 KB of garbage in the middle', (p) => {
    const fd = openSync(p, 'r+');
    writeSync(fd, Buffer.alloc(16384, 0x5a), 0, 16384, Math.floor(statSync(p).size / 2 / 4096) * 4096);
    closeSync(fd);
  }, /damaged/],
  ['cut short by 3 pages and a half', (p) => truncateSync(p, statSync(p).size - 3 * 4096 - 2048), /damaged.*not a whole number of .*pages|damaged/],
  ['0 bytes', (p) => truncateSync(p, 0), /empty \(0 bytes\)/],
  ['a wrong header', (p) => {
    const fd = openSync(p, 'r+');
    writeSync(fd, Buffer.from('NotSQLite at all'), 0, 16, 0);
    closeSync(fd);
    // The rest of the header is still plain SQLite's (bytes 72–91 zero), so this is a damaged plain file, not an encrypted one.
  }, /damaged: its first bytes are not those of an SQLite database/],
  ['a header that is not SQLite\'s at all', (p) => {
    const fd = openSync(p, 'r+');
    writeSync(fd, Buffer.alloc(100, 0x5a), 0, 100, 0);
    closeSync(fd);
    // Nothing plain is left in the header: encrypted or damaged beyond telling, and the message says both.
  }, /encrypted \(or damaged\): it does not start like a plain SQLite database/, 'needs_key'],
];

describe('opening a file that is not sound', () => {
  for (const [what, damage, message, code = 'damaged'] of damages) {
    it(`${what}: refused with a clear message, left byte for byte, a backup offered and restored`, () => {
      const dir = tempDir();
      const path = base(dir);
      damage(path);
      expectRefused(path, code, message);
      // The CLI says the same, lists the backup and writes nothing.
      const before = sha(path);
      const [node, ...args] = tsxCommand(CLI, ['import', 'purchases', join(dir, 'none.csv'), '--db', path]);
      const res = spawnSync(node, args, { encoding: 'utf8' });
      expect(res.status).toBe(1);
      expect(res.stderr).toMatch(/damaged/);
      expect(res.stderr).toMatch(/rapport backup restore 000001-/);
      expect(sha(path)).toBe(before);
      // The app offers the newest backup; taking it keeps the damaged file aside.
      const asked: string[][] = [];
      const db = openOrRecover(path, MIGRATIONS, {}, { ask: (_t, _m, _d, buttons) => (asked.push(buttons), 0) }) as Db | null;
      expect(asked[0]).toEqual(['Restore the newest backup', 'Quit']);
      expect(db).not.toBeNull();
      expect((db!.sqlite.prepare('SELECT count(*) AS n FROM clients').get() as { n: number }).n).toBe(40);
      db!.sqlite.close();
      expect(sha(`${path}.damaged-1`)).toBe(before);
    }, 120_000);
  }

  it('a database from a newer Rapport is refused before anything is written', () => {
    const dir = tempDir();
    const path = base(dir);
    const s = new Database(path);
    s.prepare(`INSERT INTO __drizzle_migrations (hash, created_at) VALUES ('from-the-future', ?)`).run(Date.now() + 10 ** 9);
    s.close();
    expectRefused(path, 'newer_version', /last opened by a newer Rapport/);
    const asked: string[][] = [];
    expect(openOrRecover(path, MIGRATIONS, {}, { ask: (_t, _m, _d, b) => (asked.push(b), 0) })).toBeNull();
    expect(asked).toEqual([['Quit']]);
  });

  it('a database whose history has a migration this build does not know is refused', () => {
    const dir = tempDir();
    const path = base(dir);
    const s = new Database(path);
    s.prepare(`UPDATE __drizzle_migrations SET created_at = created_at + 1 WHERE rowid = (SELECT MIN(rowid) FROM __drizzle_migrations)`).run();
    s.close();
    expectRefused(path, 'newer_version', /newer Rapport/);
  });

  it('a read-only file and a read-only folder are refused with what to do, and left as they were', async () => {
    const dir = tempDir();
    chmodSync(dir, 0o755);
    const roFileDir = join(dir, 'rofile');
    const roFolder = join(dir, 'rofolder');
    for (const d of [roFileDir, roFolder]) mkdirSync(d);
    const fileDb = base(roFileDir);
    const folderDb = base(roFolder);
    chmodSync(fileDb, 0o444);
    for (const n of readdirSync(roFolder)) chmodSync(join(roFolder, n), 0o444);
    chmodSync(roFolder, 0o555);
    chmodSync(roFileDir, 0o755);
    // Root may write anywhere: run the check as an ordinary user, as the app would run.
    const asUser = process.getuid?.() === 0 ? ['setpriv', '--reuid=65534', '--regid=65534', '--clear-groups', '--'] : [];
    for (const [path, message] of [[fileDb, /is read-only/], [folderDb, /cannot write in the folder/]] as const) {
      const before = sha(path);
      const [node, ...args] = tsxCommand(CLI, ['clients', '--db', path]);
      const res = spawnSync(asUser.length ? asUser[0] : node, asUser.length ? [...asUser.slice(1), node, ...args] : args, { encoding: 'utf8', env: { ...process.env, HOME: dir } });
      expect(res.status, res.stderr).toBe(1);
      expect(res.stderr).toMatch(message);
      expect(sha(path)).toBe(before);
    }
    chmodSync(roFolder, 0o755);
    // Two CLI runs through tsx: slow on a loaded machine, not a measure of anything.
  }, 120_000);

  it('records what the open checks did', () => {
    recordDurability({ suite: 'damaged, newer and read-only files at open', trials: damages.length + 4, faults: damages.length + 4, acked: 0, lost: 0 });
    expect(listBackups(join(tempDir(), 'x.db'))).toEqual([]);
  });
});

describe('a damaged file found while the app runs', () => {
  it('stops writes with the damaged message until a backup is restored', async () => {
    const { createRouter } = await import('../../electron/router');
    const { createHandlers } = await import('../../electron/app');
    const dir = tempDir();
    const path = base(dir);
    const db = openDatabase(path, MIGRATIONS);
    const router = createRouter(db, createHandlers({ version: 't' }), { log: () => {} });
    // Garbage over every page after the schema's, behind SQLite's back, as a failing disk would (covering
    // indexes answer some reads without the table's own pages, so damaging one table is not enough).
    const pages = db.sqlite.pragma('page_count', { simple: true }) as number;
    const fd = openSync(path, 'r+');
    writeSync(fd, Buffer.alloc(4096 * (pages - 2), 0xa5), 0, 4096 * (pages - 2), 2 * 4096);
    closeSync(fd);
    db.sqlite.pragma('cache_size = 0');
    const res = await router.handle('clients.list', {});
    expect(res).toMatchObject({ ok: false, error: { code: 'damaged' } });
    const write = await router.handle('clients.create', { name: 'After the damage' });
    expect(write).toMatchObject({ ok: false, error: { code: 'damaged', key: 'common:storage.damaged' } });
    expect(english((write as { error: AppErrorShape }).error).message).toMatch(/Restore a backup/);
    db.sqlite.close();
  });
});
