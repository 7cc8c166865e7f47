import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';
import { describe, expect, it } from 'vitest';
import { backupDir, createBackup, createBackupNow, listBackups, verifyDatabaseFile } from '../../../electron/db/backups';
import { DatabaseOpenError, fileState, openConnection } from '../../../electron/db/connection';
import { openDatabase } from '../../../electron/db/migrate';
import { findMigrationsFolder } from '../../../electron/db/migrations-path';
import { workerTaskRunner } from '../../../electron/jobs/worker-runner';
import { jobRegistry } from '../../../electron/jobs/registry';
import { createHandlers } from '../../../electron/app';
import { createRouter } from '../../../electron/router';
import { newKey } from '../../../electron/features/privacy/keys';
import { tempDir } from '../../helpers/db';
import { canariesIn, dataFiles } from './helpers';

const MIGRATIONS = findMigrationsFolder();
const WORKER = join(__dirname, '..', '..', '..', 'electron', 'jobs', 'worker.ts');
const sha = (p: string) => createHash('sha256').update(readFileSync(p)).digest('hex');

const CANARIES = ['Wenceslas Quintavalle', 'allergic to hazelnuts, CANARY-FOOD', 'birthday party at the lake CANARY-BDAY', 'wenceslas@quintavalle.example'];

/** A client with one person whose every detail is a canary, written as the app writes it. */
function writePerson(db: ReturnType<typeof openDatabase>): void {
  const c = Number(db.sqlite.prepare(`INSERT INTO clients (name) VALUES ('Orion Kft.')`).run().lastInsertRowid);
  db.sqlite
    .prepare(`INSERT INTO contacts (client_id, name, level, food_preferences, family, email) VALUES (?, ?, 'owner', ?, ?, ?)`)
    .run(c, CANARIES[0], CANARIES[1], CANARIES[2], CANARIES[3]);
  db.sqlite.prepare(`INSERT INTO interactions (client_id, kind, date, summary) VALUES (?, 'lunch', '2026-03-01', ?)`).run(c, `Lunch with ${CANARIES[0]}`);
}

describe('encryption at rest', () => {
  it('a database written with a key holds none of the canaries: not the file, the WAL, nor any backup', async () => {
    const path = join(tempDir(), 'enc.db');
    const key = newKey();
    const db = openDatabase(path, MIGRATIONS, { key });
    writePerson(db);
    await createBackup(db.sqlite, path, 'manual', 10);
    createBackupNow(db.sqlite, path, 'daily', 10);
    // Still open: the WAL holds the latest pages, and is scanned as it is.
    const files = dataFiles(path);
    expect(files.some((f) => f.endsWith('-wal'))).toBe(true);
    expect(files.filter((f) => f.includes(backupDir(path)))).toHaveLength(2);
    for (const f of files) expect(canariesIn(f, CANARIES), f).toEqual([]);
    db.sqlite.close();
    for (const f of dataFiles(path)) expect(canariesIn(f, CANARIES), f).toEqual([]);
    for (const b of listBackups(path)) verifyDatabaseFile(join(backupDir(path), b.name), undefined, key);
  });

  it('the same data without a key is in clear: the scan finds what it looks for', async () => {
    const path = join(tempDir(), 'plain.db');
    const db = openDatabase(path, MIGRATIONS);
    writePerson(db);
    await createBackup(db.sqlite, path, 'manual', 10);
    db.sqlite.pragma('wal_checkpoint(TRUNCATE)');
    db.sqlite.close();
    expect(canariesIn(path, CANARIES)).toEqual(CANARIES);
    expect(canariesIn(join(backupDir(path), listBackups(path)[0].name), CANARIES)).toEqual(CANARIES);
  });

  it('cannot be opened without the key, nor with another one: a clear message, and the file is left as it was', () => {
    const path = join(tempDir(), 'locked.db');
    const key = newKey();
    const db = openDatabase(path, MIGRATIONS, { key });
    writePerson(db);
    db.sqlite.close();
    const before = sha(path);
    // Plain SQLite (the same library without a key) refuses it.
    const plain = new Database(path, { readonly: true });
    expect(() => plain.prepare('SELECT count(*) FROM sqlite_master').get()).toThrow(/file is not a database/);
    plain.close();
    const refused = (opts: { key?: string }) => {
      try {
        openDatabase(path, MIGRATIONS, opts);
      } catch (e) {
        return e as DatabaseOpenError;
      }
      throw new Error('opened');
    };
    const none = refused({});
    expect(none).toBeInstanceOf(DatabaseOpenError);
    expect(none.code).toBe('needs_key');
    expect(none.message).toMatch(/is encrypted \(or damaged\).*Give its key \(--key-file FILE or RAPPORT_KEY\)/);
    const wrong = refused({ key: newKey() });
    expect(wrong.code).toBe('wrong_key');
    expect(wrong.message).toMatch(/does not open .*locked\.db: it is the wrong key, or the file is damaged\. Nothing was changed\./);
    expect(() => openConnection(path, { key: newKey() })).toThrow(DatabaseOpenError);
    expect(sha(path)).toBe(before);
    const again = openDatabase(path, MIGRATIONS, { key });
    expect(again.key).toBe(key);
    expect((again.sqlite.prepare(`SELECT name FROM contacts`).get() as { name: string }).name).toBe(CANARIES[0]);
    expect(again.sqlite.pragma('secure_delete', { simple: true })).toBe(1);
    again.sqlite.close();
  });

  it('a plain file stays plain when opened with a key (converting it is a job of its own, after a backup)', () => {
    const path = join(tempDir(), 'p.db');
    openDatabase(path, MIGRATIONS).sqlite.close();
    const db = openDatabase(path, MIGRATIONS, { key: newKey() });
    expect(db.key).toBeUndefined();
    db.sqlite.close();
    expect(fileState(path)).toBe('plain');
  });

  it('a backup in a worker thread gets the key through workerData, reports progress, and writes an encrypted, verified copy', async () => {
    const path = join(tempDir(), 'w.db');
    const key = newKey();
    const db = openDatabase(path, MIGRATIONS, { key });
    writePerson(db);
    const insert = db.sqlite.prepare(`INSERT INTO purchases (client_id, date, amount, description) VALUES (1, '2026-01-01', ?, ?)`);
    db.sqlite.transaction(() => {
      for (let i = 0; i < 60_000; i++) insert.run(i, `line ${i} ${'x'.repeat(40)}`);
    })();
    const jobs = jobRegistry();
    const runTask = workerTaskRunner(WORKER);
    const progress: number[] = [];
    let done: { name: string } | undefined;
    const id = jobs.start(async (ctl) => (done = await runTask(db, 'backup.create', { reason: 'manual', keep: 10 }, { ...ctl, onProgress: (p) => (progress.push(p.done), ctl.onProgress(p)) })), 'backup');
    await expect.poll(() => jobs.status(id).state, { timeout: 150_000 }).toBe('done');
    const file = join(backupDir(path), done!.name);
    expect(fileState(file)).toBe('encrypted');
    expect(canariesIn(file, CANARIES)).toEqual([]);
    verifyDatabaseFile(file, undefined, key);
    expect(progress.at(-1)).toBeGreaterThan(0);
    db.sqlite.close();
    // A worker thread loading its code on a loaded machine: generous, not a measure.
  }, 180_000);

  it('a restore while open keeps the key: the restored file is encrypted and the app goes on writing', async () => {
    const path = join(tempDir(), 'r.db');
    const key = newKey();
    const db = openDatabase(path, MIGRATIONS, { key });
    const router = createRouter(db, createHandlers({ version: 't', backups: true, migrationsFolder: MIGRATIONS, openOptions: {} }), { log: () => {} });
    const call = async (c: string, i: unknown) => {
      const r = (await router.handle(c, i)) as { ok: boolean; value: any; error?: unknown };
      if (!r.ok) throw new Error(`${c}: ${JSON.stringify(r.error)}`);
      return r.value;
    };
    await call('clients.create', { name: 'Before' });
    const wait = async (jobId: string) => {
      for (;;) {
        const s = await call('jobs.status', { jobId });
        if (s.state !== 'running') return s;
        await new Promise((r) => setTimeout(r, 20));
      }
    };
    const made = await wait((await call('backups.backUp', {})).jobId);
    await call('clients.create', { name: 'After' });
    const restored = await wait((await call('backups.restoreFrom', { name: made.result.backup.name })).jobId);
    expect(restored.state).toBe('done');
    expect((await call('clients.list', {})).map((c: { name: string }) => c.name)).toEqual(['Before']);
    await call('clients.create', { name: 'Written after the restore' });
    expect(db.key).toBe(key);
    db.sqlite.close();
    expect(fileState(path)).toBe('encrypted');
    for (const f of dataFiles(path)) expect(fileState(f), f).not.toBe('plain');
  });
});
