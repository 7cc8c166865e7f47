import { SCRIPTS } from '../../helpers/paths';
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { backupDir, createBackup, listBackups, verifyDatabaseFile } from '../../../electron/db/backups';
import { openDatabase } from '../../../electron/db/migrate';
import { findMigrationsFolder } from '../../../electron/db/migrations-path';
import { createHandlers } from '../../../electron/app';
import { createRouter } from '../../../electron/router';
import { generateDemo } from '../../../electron/features/settings/demo/generate';
import { dailyBackupDue } from '../../../electron/features/backups/service';
import { jobRegistry } from '../../../electron/jobs/registry';
import { runTaskHere } from '../../../electron/jobs/tasks';
import { scheduleDailyBackups } from '../../../electron/features/backups/daily';
import { tempDir } from '../../helpers/db';
import { runScript, waitForLine } from '../../helpers/child';
import { recordDurability } from '../../helpers/durability';

const MIGRATIONS = findMigrationsFolder();
const sha = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex');

/** The state an undo changes, in a few aggregates: cheap enough to take after every one of 30 kills. */
function undoPrint(path: string): string {
  const s = new Database(path, { readonly: true });
  try {
    expect(s.pragma('quick_check', { simple: true })).toBe('ok');
    return JSON.stringify([
      s.prepare(`SELECT count(*), total(id), total(amount), count(import_id) FROM purchases`).raw(true).get(),
      s.prepare(`SELECT group_concat(id || ':' || name || ':' || COALESCE(import_id, ''), '|') FROM (SELECT * FROM clients ORDER BY id)`).raw(true).get(),
      s.prepare(`SELECT group_concat(id || ':' || (undone_at IS NULL), '|') FROM imports`).raw(true).get(),
    ]);
  } finally {
    s.close();
  }
}

function fingerprint(path: string): string {
  const s = new Database(path, { readonly: true });
  try {
    expect(s.pragma('integrity_check', { simple: true })).toBe('ok');
    const h = createHash('sha256');
    for (const t of ['clients', 'contacts', 'purchases', 'interactions', 'tasks']) h.update(JSON.stringify(s.prepare(`SELECT * FROM ${t} ORDER BY id`).all()));
    return h.digest('hex');
  } finally {
    s.close();
  }
}

async function waitJob(call: (c: string, i: unknown) => Promise<any>, jobId: string) {
  let s: any;
  await expect.poll(async () => (s = (await call('jobs.status', { jobId })).value).state, { timeout: 20_000 }).not.toBe('running');
  return s;
}

afterEach(() => vi.useRealTimers());

describe('rolling backups', () => {
  it('are verified copies, numbered so a clock set back cannot reorder them, and pruned to the number kept', async () => {
    const path = join(tempDir(), 'r.db');
    const db = openDatabase(path, MIGRATIONS);
    generateDemo(db, { clients: 20, purchases: 500, seed: 1, asOf: '2026-06-30' });
    vi.useFakeTimers({ toFake: ['Date'] });
    const made = [];
    for (const [i, t] of ['2026-12-01T10:00:00Z', '2025-01-01T00:00:00Z', '2027-06-01T00:00:00Z', '2026-12-01T09:00:00Z'].entries()) {
      vi.setSystemTime(new Date(t));
      db.sqlite.prepare(`INSERT INTO clients (name) VALUES (?)`).run(`After backup ${i}`);
      made.push(await createBackup(db.sqlite, path, 'manual', 3));
    }
    vi.useRealTimers();
    const list = listBackups(path);
    expect(list.map((b) => b.seq)).toEqual([4, 3, 2]);
    expect(list[0].createdAt).toBe('2026-12-01T09:00:00Z');
    for (const b of list) verifyDatabaseFile(join(backupDir(path), b.name));
    // Each copy holds exactly the data of its moment, and nothing sits beside it.
    const newest = new Database(join(backupDir(path), list[0].name), { readonly: true });
    expect((newest.prepare(`SELECT count(*) AS n FROM clients WHERE name LIKE 'After backup%'`).get() as { n: number }).n).toBe(4);
    newest.close();
    expect(readdirSync(backupDir(path)).sort()).toEqual(list.map((b) => b.name).sort());
    db.sqlite.close();
  });

  it('the daily one is made at start when none exists for today, and not twice', async () => {
    const path = join(tempDir(), 'd.db');
    const db = openDatabase(path, MIGRATIONS);
    db.sqlite.prepare(`INSERT INTO clients (name) VALUES ('A')`).run();
    expect(dailyBackupDue(db)).toBe(true);
    const jobs = jobRegistry();
    const stop = scheduleDailyBackups(db, jobs, runTaskHere);
    await expect.poll(() => jobs.active().length).toBe(0);
    expect(listBackups(path).map((b) => b.reason)).toEqual(['daily']);
    expect(dailyBackupDue(db)).toBe(false);
    scheduleDailyBackups(db, jobs, runTaskHere)();
    expect(listBackups(path)).toHaveLength(1);
    stop();
    db.sqlite.close();
  });

  it('a restore while the app is open: the data comes back, the current file is kept first, and writing goes on', async () => {
    const path = join(tempDir(), 'live.db');
    const db = openDatabase(path, MIGRATIONS);
    const router = createRouter(db, createHandlers({ version: 't', backups: true, migrationsFolder: MIGRATIONS }), { log: () => {} });
    const call = (c: string, i: unknown) => router.handle(c, i) as Promise<any>;
    const a = (await call('clients.create', { name: 'Before the backup' })).value.id;
    await call('purchases.create', { clientId: a, date: '2026-05-01', quantity: 1, amount: 100 });
    expect((await call('analytics.report', { from: '2026-01-01', to: '2026-12-31' })).value.revenue).toBe(100);
    const made = await waitJob(call, (await call('backups.backUp', {})).value.jobId);
    expect(made.state).toBe('done');
    const afterBackup = (await call('clients.create', { name: 'After the backup' })).value.id;
    await call('purchases.create', { clientId: afterBackup, date: '2026-05-02', quantity: 1, amount: 900 });
    expect((await call('analytics.report', { from: '2026-01-01', to: '2026-12-31' })).value.revenue).toBe(1000);

    const restored = await waitJob(call, (await call('backups.restoreFrom', { name: made.result.backup.name })).value.jobId);
    expect(restored).toMatchObject({ state: 'done', result: { task: 'restore', restored: made.result.backup.name } });
    expect((await call('clients.list', {})).value.map((c: { name: string }) => c.name)).toEqual(['Before the backup']);
    // The in-memory analytics follow the restored file, not the one before.
    expect((await call('analytics.report', { from: '2026-01-01', to: '2026-12-31' })).value.revenue).toBe(100);
    const aside = listBackups(path).find((b) => b.reason === 'before-restore')!;
    const kept = new Database(join(backupDir(path), aside.name), { readonly: true });
    expect((kept.prepare(`SELECT name FROM clients ORDER BY id`).all() as { name: string }[]).map((r) => r.name)).toEqual(['Before the backup', 'After the backup']);
    kept.close();
    expect((await call('clients.create', { name: 'After the restore' })).ok).toBe(true);
    db.sqlite.close();
    const s = new Database(path, { readonly: true });
    expect((s.prepare(`SELECT name FROM clients ORDER BY id`).all() as { name: string }[]).map((r) => r.name)).toEqual(['Before the backup', 'After the restore']);
    s.close();
  });

  it('a restore is refused while other work runs, and an unknown backup name is refused', async () => {
    const path = join(tempDir(), 'busy.db');
    const db = openDatabase(path, MIGRATIONS);
    const jobs = jobRegistry();
    const router = createRouter(db, createHandlers({ version: 't', jobs, migrationsFolder: MIGRATIONS }), { log: () => {} });
    let release = () => {};
    jobs.start(() => new Promise<void>((r) => (release = r)), 'import');
    expect(await router.handle('backups.restoreFrom', { name: '000001-20260101T000000Z-manual.db' })).toMatchObject({ ok: false, error: { code: 'conflict' } });
    release();
    await expect.poll(() => jobs.active().length).toBe(0);
    const r = (await router.handle('backups.restoreFrom', { name: '000009-20260101T000000Z-manual.db' })) as any;
    expect((await waitJob((c, i) => router.handle(c, i) as Promise<any>, r.value.jobId)).error.code).toBe('not_found');
    db.sqlite.close();
  });
});

describe('killed at a random moment', () => {
  it('a backup killed 30 times leaves the earlier backups and the database as they were', async () => {
    const path = join(tempDir(), 'kill.db');
    const db = openDatabase(path, MIGRATIONS);
    generateDemo(db, { clients: 1000, purchases: 40_000, seed: 2, asOf: '2026-06-30' });
    await createBackup(db.sqlite, path, 'manual', 100);
    db.sqlite.close();
    const dbPrint = fingerprint(path);
    const trials = 30;
    let killedMidway = 0;
    let checked = 0;
    const one = async (i: number) => {
      const p = runScript(join(SCRIPTS, 'backup-once.ts'), [path]);
      await waitForLine(p, 'start', 90_000);
      await new Promise((r) => setTimeout(r, (i * 37) % 300));
      p.child.kill('SIGKILL');
      const { signal } = await p.exit;
      if (signal === 'SIGKILL' && !p.stdout().includes('done')) killedMidway++;
    };
    const before = new Map(listBackups(path).map((b) => [b.name, sha(join(backupDir(path), b.name))]));
    for (let i = 0; i < trials; i += 3) await Promise.all([one(i), one(i + 1), one(i + 2)]);
    for (const b of listBackups(path)) {
      const file = join(backupDir(path), b.name);
      if (before.has(b.name)) expect(sha(file), `${b.name} changed`).toBe(before.get(b.name));
      else verifyDatabaseFile(file); // one that finished is whole
      checked++;
    }
    expect(fingerprint(path)).toBe(dbPrint);
    // The next start clears what the kills left half-written.
    openDatabase(path, MIGRATIONS).sqlite.close();
    expect(readdirSync(backupDir(path)).filter((n) => n.endsWith('.partial'))).toEqual([]);
    expect(killedMidway).toBeGreaterThan(trials / 2);
    recordDurability({ suite: 'kill -9 during a backup', trials, faults: trials, acked: checked, lost: 0 });
  }, 600_000);

  it('an undo killed 30 times leaves the database exactly as before the undo or exactly as after', async () => {
    const dir = tempDir();
    const path = join(dir, 'undo.db');
    const db = openDatabase(path, MIGRATIONS);
    db.sqlite.prepare(`INSERT INTO clients (name, code) VALUES ('Orion Kft.', 'C1')`).run();
    db.sqlite.close();
    const csv = join(dir, 'lines.csv');
    const { writeFileSync } = await import('node:fs');
    writeFileSync(csv, 'client;date;amount;product\n' + Array.from({ length: 80_000 }, (_, i) => `${i % 7 ? 'C1' : `NEW${i % 500}`};2026-05-${String((i % 28) + 1).padStart(2, '0')};${i},50;P${i}\n`).join(''));
    const importDb = openDatabase(path, MIGRATIONS);
    const { commit } = await import('../../helpers/importing');
    const r = await commit(importDb, { path: csv, kind: 'purchases' });
    importDb.sqlite.close();
    expect(r.importId).not.toBeNull();
    const beforePrint = undoPrint(path);
    const done = join(dir, 'done.db');
    copyFileSync(path, done);
    const finished = runScript(join(SCRIPTS, 'undo-once.ts'), [done, String(r.importId)]);
    expect((await finished.exit).code, finished.stderr()).toBe(0);
    const afterPrint = undoPrint(done);
    expect(afterPrint).not.toBe(beforePrint);
    const trials = 30;
    const outcomes = { before: 0, after: 0 };
    const one = async (i: number) => {
      const copy = join(dir, `trial-${i}.db`);
      copyFileSync(path, copy);
      const p = runScript(join(SCRIPTS, 'undo-once.ts'), [copy, String(r.importId)]);
      await waitForLine(p, 'start', 90_000);
      await new Promise((res) => setTimeout(res, (i * 53) % 400));
      p.child.kill('SIGKILL');
      await p.exit;
      const print = undoPrint(copy);
      expect([beforePrint, afterPrint]).toContain(print);
      outcomes[print === beforePrint ? 'before' : 'after']++;
    };
    for (let i = 0; i < trials; i += 3) await Promise.all([one(i), one(i + 1), one(i + 2)]);
    expect(outcomes.before).toBeGreaterThan(0);
    expect(existsSync(path)).toBe(true);
    recordDurability({ suite: 'kill -9 during an undo', trials, faults: trials, acked: 0, lost: 0 });
  }, 600_000);

  it('writes killed 10 times: every write answered as saved is in the file', async () => {
    const path = join(tempDir(), 'acks.db');
    openDatabase(path, MIGRATIONS).sqlite.close();
    let acked = 0;
    let lost = 0;
    for (let i = 0; i < 10; i++) {
      const p = runScript(join(SCRIPTS, 'ack-writer.ts'), [path, '100000']);
      await expect.poll(() => p.stdout().includes('ack '), { timeout: 60_000 }).toBe(true);
      await new Promise((res) => setTimeout(res, (i * 131) % 500));
      p.child.kill('SIGKILL');
      await p.exit;
      const acks = p.stdout().split('\n').filter((l) => l.startsWith('ack clients'));
      const s = new Database(path, { readonly: true });
      const has = s.prepare(`SELECT 1 FROM clients WHERE id = ?`);
      for (const l of acks) if (!has.get(Number(l.split(' ')[2]))) lost++;
      acked += acks.length;
      s.close();
    }
    expect(acked).toBeGreaterThan(10);
    expect(lost).toBe(0);
    recordDurability({ suite: 'kill -9 during writes', trials: 10, faults: 10, acked, lost });
  }, 600_000);
});
