import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { backupDir, backupPath, createBackup, listBackups, verifyDatabaseFile } from '../../../electron/db/backups';
import { fileState, openConnection, type Db } from '../../../electron/db/connection';
import { openDatabase } from '../../../electron/db/migrate';
import { findMigrationsFolder } from '../../../electron/db/migrations-path';
import { createHandlers } from '../../../electron/app';
import { createRouter } from '../../../electron/router';
import { jobRegistry } from '../../../electron/jobs/registry';
import { runTaskHere, type TaskRunner } from '../../../electron/jobs/tasks';
import { generateDemo } from '../../../electron/features/settings/demo/generate';
import { keyFilePath, loadKey, newKey } from '../../../electron/features/privacy/keys';
import { tempDir } from '../../helpers/db';
import { runScript, waitForLine } from '../../helpers/child';
import { recordDurability } from '../../helpers/durability';
import { canariesIn, dataFiles, fakeSecrets } from './helpers';

const MIGRATIONS = findMigrationsFolder();
const TABLES = ['clients', 'contacts', 'purchases', 'interactions', 'tasks', 'settings', '__drizzle_migrations'];

/** Every row of the tables that matter, hashed, with the counts beside: what must survive a conversion exactly. */
function fingerprint(path: string, key?: string): { counts: Record<string, number>; hash: string } {
  // Read-write, as the next start opens it: after a kill the WAL may need recovering, which a read-only connection cannot do.
  const s = openConnection(path, { key });
  try {
    expect(s.pragma('integrity_check', { simple: true })).toBe('ok');
    const h = createHash('sha256');
    const counts: Record<string, number> = {};
    for (const t of TABLES) {
      const rows = s.prepare(`SELECT * FROM ${t} ORDER BY rowid`).raw(true).all();
      counts[t] = rows.length;
      h.update(JSON.stringify(rows));
    }
    return { counts, hash: h.digest('hex') };
  } finally {
    s.close();
  }
}

function plainBase(dir: string, purchases = 40_000): string {
  const path = join(dir, 'rapport.db');
  const db = openDatabase(path, MIGRATIONS);
  generateDemo(db, { clients: 1000, purchases, seed: 7, asOf: '2026-06-30' });
  db.sqlite.prepare(`INSERT INTO contacts (client_id, name, level, family) VALUES (1, 'Ottokar Brzezinski', 'owner', 'CANARY-CONVERSION')`).run();
  db.sqlite.pragma('wal_checkpoint(TRUNCATE)');
  db.sqlite.close();
  return path;
}

async function waitJob(call: (c: string, i: unknown) => Promise<any>, jobId: string) {
  let s: any;
  await expect.poll(async () => (s = (await call('jobs.status', { jobId })).value).state, { timeout: 60_000 }).not.toBe('running');
  return s;
}

describe('encrypting an existing plain database in place', () => {
  it('makes a verified encrypted backup first, keeps every row, encrypts the older backups, and the app writes on', async () => {
    const path = plainBase(tempDir());
    const seeded = openDatabase(path, MIGRATIONS);
    await createBackup(seeded.sqlite, path, 'manual', 10);
    seeded.sqlite.close();
    const before = fingerprint(path);
    const db = openDatabase(path, MIGRATIONS);
    const secrets = fakeSecrets();
    // The progress the job reports, phase by phase, as the window would show it.
    const phases: string[] = [];
    const runTask: TaskRunner = (d, name, args, ctl) => runTaskHere(d, name, args, { ...ctl, onProgress: (p) => (phases.push(`${p.phase}:${p.total > 0}`), ctl.onProgress(p)) });
    const router = createRouter(db, createHandlers({ version: 't', platform: { secrets }, runTask, migrationsFolder: MIGRATIONS, openOptions: {} }), { log: () => {} });
    const call = (c: string, i: unknown) => router.handle(c, i) as Promise<any>;
    expect((await call('privacy.status', {})).value).toMatchObject({ encrypted: false, plainBackups: 1 });
    const started = await call('privacy.encrypt', {});
    expect(started.ok).toBe(true);
    const job = await waitJob(call, started.value.jobId);
    expect(job).toMatchObject({ state: 'done', result: { task: 'encrypt', encryptedBackups: 1 } });
    expect([...new Set(phases)]).toEqual(['backing-up:true', 'checking:true', 'writing:true']);

    expect(db.key).toMatch(/^[0-9a-f]{64}$/);
    expect(loadKey(path, secrets)).toBe(db.key);
    expect(fileState(path)).toBe('encrypted');
    expect(fingerprint(path, db.key)).toEqual(before);
    // The backup made first is the same data, encrypted and verified; the plain one from before is encrypted too.
    const made = listBackups(path).find((b) => b.name === job.result.backup)!;
    expect(made.reason).toBe('migration');
    expect(fingerprint(backupPath(path, made.name), db.key)).toEqual(before);
    for (const b of listBackups(path)) verifyDatabaseFile(backupPath(path, b.name), undefined, db.key);
    expect(readdirSync(backupDir(path)).filter((n) => n.endsWith('.partial'))).toEqual([]);
    for (const f of dataFiles(path)) expect(canariesIn(f, ['Ottokar Brzezinski', 'CANARY-CONVERSION']), f).toEqual([]);
    expect((await call('privacy.status', {})).value).toMatchObject({ encrypted: true, plainBackups: 0, keyProtection: 'os' });

    expect((await call('clients.create', { name: 'Written after encryption' })).ok).toBe(true);
    expect((await call('analytics.report', { from: '2020-01-01', to: '2026-12-31' })).ok).toBe(true);
    expect((await call('privacy.encrypt', {})).error).toMatchObject({ code: 'conflict', key: 'privacy:errors.alreadyEncrypted' });
    db.sqlite.close();
    expect(fingerprint(path, loadKey(path, secrets)).counts.clients).toBe(before.counts.clients + 1);
  }, 120_000);

  it('a write made while the copy was taken is not lost: the copy is made again', async () => {
    const path = plainBase(tempDir(), 5000);
    const db = openDatabase(path, MIGRATIONS);
    let copies = 0;
    // The app's runner, with a write slipped in right after the first copy (as a save from the window would).
    const runTask: TaskRunner = async (d, name, args, ctl) => {
      const r = await runTaskHere(d, name, args, ctl);
      if (name === 'privacy.encryptCopy' && copies++ === 0) d.sqlite.prepare(`INSERT INTO clients (name) VALUES ('Saved during the copy')`).run();
      return r;
    };
    const router = createRouter(db, createHandlers({ version: 't', platform: { secrets: fakeSecrets() }, runTask, openOptions: {} }), { log: () => {} });
    const call = (c: string, i: unknown) => router.handle(c, i) as Promise<any>;
    const job = await waitJob(call, (await call('privacy.encrypt', {})).value.jobId);
    expect(job.state).toBe('done');
    expect(copies).toBe(2);
    expect(db.sqlite.prepare(`SELECT count(*) AS n FROM clients WHERE name = 'Saved during the copy'`).get()).toEqual({ n: 1 });
    db.sqlite.close();
  }, 60_000);

  it('is refused without a secret store to keep the key, and while other work runs; nothing changes', async () => {
    const path = plainBase(tempDir(), 500);
    const db = openDatabase(path, MIGRATIONS);
    const none = createRouter(db, createHandlers({ version: 't', platform: { secrets: fakeSecrets('none') } }), { log: () => {} });
    expect(await none.handle('privacy.encrypt', {})).toMatchObject({ ok: false, error: { key: 'privacy:errors.noKeyStore' } });
    const jobs = jobRegistry();
    let release = () => {};
    jobs.start(() => new Promise<void>((r) => (release = r)), 'import');
    const busy = createRouter(db, createHandlers({ version: 't', jobs, platform: { secrets: fakeSecrets() } }), { log: () => {} });
    expect(await busy.handle('privacy.encrypt', {})).toMatchObject({ ok: false, error: { key: 'privacy:errors.waitForWork' } });
    release();
    expect(fileState(path)).toBe('plain');
    expect(() => readFileSync(keyFilePath(path))).toThrow();
    db.sqlite.close();
  });

  it('killed 30 times at random moments: the database is the original, or the same rows encrypted, never anything else', async () => {
    const dir = tempDir();
    // Small enough for 30 runs to stay quick, large enough that the copy takes a while to kill into.
    const original = plainBase(dir, 12_000);
    const before = fingerprint(original);
    const key = newKey();
    const trials = 30;
    const outcomes = { plain: 0, encrypted: 0, finished: 0 };
    const one = async (i: number) => {
      const path = join(dir, `trial-${i}.db`);
      copyFileSync(original, path);
      const p = runScript(join(__dirname, 'encrypt-once.ts'), [path, key]);
      // A generous wait for the start: on a loaded machine a fresh process takes a while to load TypeScript.
      await waitForLine(p, 'start', 90_000);
      await new Promise((r) => setTimeout(r, (i * 23) % 320));
      p.child.kill('SIGKILL');
      await p.exit;
      if (p.stdout().includes('done')) outcomes.finished++;
      const state = fileState(path);
      expect(['plain', 'encrypted']).toContain(state);
      outcomes[state as 'plain' | 'encrypted']++;
      expect(fingerprint(path, state === 'encrypted' ? key : undefined), `trial ${i} (${state})`).toEqual(before);
      // The next open clears what the kill left half-written, and the database opens as it is.
      const reopened: Db = openDatabase(path, MIGRATIONS, { key });
      reopened.sqlite.close();
      if (existsSync(backupDir(path))) expect(readdirSync(backupDir(path)).filter((n) => n.includes('.partial'))).toEqual([]);
    };
    for (let i = 0; i < trials; i += 3) await Promise.all([one(i), one(i + 1), one(i + 2)]);
    // The kills landed on both sides of the rename.
    expect(outcomes.plain).toBeGreaterThan(0);
    expect(outcomes.encrypted).toBeGreaterThan(0);
    console.log(`kill -9 during an encryption: ${JSON.stringify(outcomes)}`);
    recordDurability({ suite: 'kill -9 during an encryption in place', trials, faults: trials, acked: trials, lost: 0 });
  }, 600_000);
});
