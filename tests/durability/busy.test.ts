import { WORKER_FILE } from '../helpers/paths';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import Database from 'better-sqlite3-multiple-ciphers';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../electron/db/migrate';
import { findMigrationsFolder } from '../../electron/db/migrations-path';
import { createHandlers } from '../../electron/app';
import { workerTaskRunner } from '../../electron/jobs/worker-runner';
import { createRouter } from '../../electron/router';
import { tempDir } from '../helpers/db';
import { recordDurability } from '../helpers/durability';
import { english } from '../helpers/router';
import type { AppErrorShape } from '../../shared/contract/result';

const WORKER = WORKER_FILE;

describe('writes while an import holds the database', () => {
  it('wait off the main thread and are saved when the import commits; reads answer meanwhile', async () => {
    const dir = tempDir();
    const db = openDatabase(join(dir, 'busy.db'), findMigrationsFolder(), { busyTimeoutMs: 20 });
    const csv = join(dir, 'big.csv');
    writeFileSync(csv, 'client;date;amount\n' + Array.from({ length: 300_000 }, (_, i) => `C${i % 3000};2026-05-${String((i % 28) + 1).padStart(2, '0')};${i},25\n`).join(''));
    const router = createRouter(db, createHandlers({ version: 't', runTask: workerTaskRunner(WORKER), platform: { chooseImportFile: async () => csv } }), { log: () => {} });
    const call = (c: string, i: unknown) => router.handle(c, i) as Promise<any>;
    await call('imports.pickFile', {});
    const { jobId } = (await call('imports.start', { task: 'commit', spec: { path: csv, kind: 'purchases' } })).value;
    // Wait until the worker is writing: from then on it holds the write lock until it commits.
    await expect.poll(async () => (await call('jobs.status', { jobId })).value.progress.phase, { timeout: 30_000, interval: 20 }).toBe('writing');
    expect((await call('jobs.active', {})).value).toEqual([expect.objectContaining({ id: jobId, kind: 'import' })]);

    const loop = monitorEventLoopDelay({ resolution: 5 });
    loop.enable();
    const write = call('clients.create', { name: 'Typed during the import' });
    let settled = false;
    void write.then(() => (settled = true));
    const t0 = performance.now();
    const info = await call('app.info', {});
    const readMs = performance.now() - t0;
    expect(info.ok).toBe(true);
    const saved = await write;
    loop.disable();
    expect(saved, JSON.stringify(saved)).toMatchObject({ ok: true });
    await expect.poll(async () => (await call('jobs.status', { jobId })).value.state, { timeout: 30_000 }).toBe('done');
    expect(settled).toBe(true);
    expect(readMs).toBeLessThan(250);
    // The main thread never blocked on the lock: the busy timeout there is 20 ms, the rest are timers.
    expect(loop.max / 1e6).toBeLessThan(200);
    const s = new Database(db.path, { readonly: true });
    expect(s.prepare(`SELECT count(*) AS n FROM clients WHERE name = 'Typed during the import'`).get()).toEqual({ n: 1 });
    expect(s.prepare(`SELECT count(*) AS n FROM purchases`).get()).toEqual({ n: 300_000 });
    s.close();
    db.sqlite.close();
    recordDurability({ suite: 'a write during a big import', trials: 1, faults: 1, acked: 1, lost: 0 });
  }, 60_000);

  it('a lock held past the wait gives a clear "busy" answer and writes nothing', async () => {
    const db = openDatabase(join(tempDir(), 'held.db'), findMigrationsFolder(), { busyTimeoutMs: 10 });
    const other = new Database(db.path);
    other.exec('BEGIN IMMEDIATE');
    const router = createRouter(db, createHandlers({ version: 't' }), { log: () => {}, busyWaitMs: 300 });
    const res = await router.handle('clients.create', { name: 'Waits' });
    other.exec('ROLLBACK');
    other.close();
    expect(res).toMatchObject({ ok: false, error: { code: 'busy', key: 'common:storage.busy' } });
    expect(english((res as { error: AppErrorShape }).error).message).toMatch(/not saved yet.*what you typed is still here/);
    expect(db.sqlite.prepare(`SELECT count(*) AS n FROM clients`).get()).toEqual({ n: 0 });
    db.sqlite.close();
  });
});
