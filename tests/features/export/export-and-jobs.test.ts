import { WORKER_FILE } from '../../helpers/paths';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { run } from '../../../electron/cli/index';
import { openDatabase } from '../../../electron/db/migrate';
import { findMigrationsFolder } from '../../../electron/db/migrations-path';
import { createHandlers } from '../../../electron/app';
import { workerTaskRunner } from '../../../electron/jobs/worker-runner';
import { describeError } from '../../../electron/i18n';
import { createRouter } from '../../../electron/router';
import { listClientRows } from '../../../electron/features/accounts/clients';
import { moneyFormat } from '../../../electron/features/export/xlsx-writer';
import { AS_OF, emptyDatabase, tempDir } from '../../helpers/db';
import { writeCsv } from '../../helpers/fixtures';
import { counts, problemInEnglish } from '../../helpers/importing';
import { routerCalls } from '../../helpers/router';

const WORKER = WORKER_FILE;

async function readSheet(path: string) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(path);
  return wb.worksheets[0];
}

describe('export clients to .xlsx', () => {
  it('the CLI writes every client with typed cells, read back cell by cell', async () => {
    const dir = tempDir();
    const dbPath = join(dir, 'e.db');
    const out = join(dir, 'clients.xlsx');
    expect(await run(['demo', '--db', dbPath, '--clients', '60', '--purchases', '2000', '--as-of', AS_OF], () => {})).toBe(0);
    expect(await run(['export', 'clients', '--db', dbPath, '--out', out, '--as-of', AS_OF], () => {})).toBe(0);
    const db = openDatabase(dbPath, findMigrationsFolder());
    const rows = listClientRows(db, { asOf: AS_OF });
    db.sqlite.close();
    const ws = await readSheet(out);
    expect(ws.name).toBe('Clients');
    expect(ws.getCell('A1').value).toBe(`Clients — ${AS_OF}`);
    expect(ws.getCell('A2').font?.bold).toBe(true);
    expect(ws.getCell('A1').font?.bold).toBe(true);
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 2 });
    expect(ws.autoFilter).toBe(`A2:M${rows.length + 2}`);
    expect(ws.rowCount).toBe(rows.length + 2);
    rows.forEach((r, i) => {
      const row = ws.getRow(i + 3);
      expect(row.getCell(1).value).toBe(r.code);
      expect(row.getCell(2).value).toBe(r.name);
      expect(row.getCell(5).value).toBe(r.revenue12m);
      expect(row.getCell(5).numFmt).toBe(moneyFormat('EUR'));
      expect(row.getCell(6).value).toBe(r.share12m);
      expect(row.getCell(7).value).toBe(r.purchaseCount);
      const last = row.getCell(9).value;
      if (r.lastPurchase) expect((last as Date).toISOString().slice(0, 10)).toBe(r.lastPurchase);
      else expect(last).toBeNull();
    });
    expect(ws.getColumn(2).width).toBeGreaterThan(10);
  });
});

describe('export a grid as shown, as a job', () => {
  it('writes what the renderer sent, neutralises formula-like text, and reports where it went', async () => {
    const db = emptyDatabase();
    const dir = tempDir();
    const router = createRouter(db, createHandlers({ version: 't', platform: { chooseSavePath: async (name) => join(dir, name) } }), () => {});
    const call = async (ch: string, input: unknown) => {
      const r = await router.handle(ch, input);
      if (!r.ok) throw new Error(describeError(r.error));
      return r.value as any;
    };
    const started = await call('exports.grid', {
      title: 'Purchases', fileName: 'purchases: acme', filter: 'Amount greaterThan 5',
      columns: [{ header: 'Date', kind: 'date' }, { header: 'Note', kind: 'text' }, { header: 'Amount', kind: 'money' }, { header: 'Qty', kind: 'integer' }],
      rows: [['2024-03-15', '=HYPERLINK("http://evil","x")', 12.5, 3], ['2024-03-16', '@SUM(A1)', -4, null], [null, 'plain', 0, 1]],
    });
    let state: any;
    for (let i = 0; i < 100; i++) {
      state = await call('jobs.status', { jobId: started.jobId });
      if (state.state !== 'running') break;
      await new Promise((r) => setTimeout(r, 20));
    }
    expect(state).toMatchObject({ state: 'done', result: { task: 'export', rows: 3, path: join(dir, 'purchases acme.xlsx') } });
    const ws = await readSheet(state.result.path);
    expect(ws.getCell('A1').value).toMatch(/^Purchases — \d{4}-\d{2}-\d{2} — Filter: Amount greaterThan 5$/);
    expect(ws.getRow(2).values).toEqual([undefined, 'Date', 'Note', 'Amount', 'Qty']);
    expect((ws.getCell('A3').value as Date).toISOString()).toBe('2024-03-15T00:00:00.000Z');
    expect(ws.getCell('B3').value).toBe(`'=HYPERLINK("http://evil","x")`);
    expect(ws.getCell('B4').value).toBe(`'@SUM(A1)`);
    expect(ws.getCell('C3').value).toBe(12.5);
    expect(ws.getCell('C4').value).toBe(-4);
    expect(ws.getCell('D4').value).toBeNull();
    expect(ws.getCell('A5').value).toBeNull();
  });

  it('a closed save dialog writes nothing', async () => {
    const db = emptyDatabase();
    const router = createRouter(db, createHandlers({ version: 't', platform: { chooseSavePath: async () => null } }), () => {});
    const r = await router.handle('exports.grid', { title: 'X', fileName: 'x.xlsx', columns: [{ header: 'A', kind: 'text' }], rows: [] });
    expect(r).toEqual({ ok: true, value: null });
  });
});

describe('imports in a worker thread', () => {
  it('preview then commit through the router, polling the job; the main connection sees the result', async () => {
    expect(existsSync(WORKER)).toBe(true);
    const db = emptyDatabase();
    const dir = tempDir();
    const path = writeCsv(dir, 'p.csv', 'Client;Date;Amount\nA;15.03.2024;1 234,50\nB;16.03.2024;bad\n');
    const router = createRouter(db, createHandlers({ version: 't', runTask: workerTaskRunner(WORKER), platform: { chooseImportFile: async () => path } }), () => {});
    const call = async (ch: string, input: unknown) => {
      const r = await router.handle(ch, input);
      if (!r.ok) throw new Error(describeError(r.error));
      return r.value as any;
    };
    const waitJob = async (jobId: string) => {
      for (;;) {
        const s = await call('jobs.status', { jobId });
        if (s.state !== 'running') return s;
        await new Promise((r) => setTimeout(r, 20));
      }
    };
    // Only a file the user picked can be read.
    await expect(call('imports.start', { task: 'preview', spec: { path: '/etc/passwd', kind: 'purchases' } })).rejects.toThrow('Choose the file with "Choose file…" first.');
    expect(await call('imports.pickFile', {})).toEqual({ path, name: 'p.csv', size: readFileSync(path).length });
    const p = await waitJob((await call('imports.start', { task: 'preview', spec: { path, kind: 'purchases' } })).jobId);
    expect(p.state).toBe('done');
    expect(p.result.preview.summary).toMatchObject({ added: 1, rejected: 1 });
    expect(p.result.preview.rows[1].problems.map(problemInEnglish)).toEqual([{ column: 2, message: '"bad" is not a number' }]);
    expect(counts(db)).toEqual({ clients: 0, purchases: 0, imports: 0 });
    const c = await waitJob((await call('imports.start', { task: 'commit', spec: { path, kind: 'purchases' } })).jobId);
    expect(c.result.result).toMatchObject({ added: 1, amount: 1234.5 });
    expect(counts(db)).toEqual({ clients: 1, purchases: 1, imports: 1 });
    expect((await call('imports.list', {}))[0]).toMatchObject({ fileName: 'p.csv', added: 1, rejected: 1, undoneAt: null });
  });

  it('cancel reaches the worker mid-write through the shared flag; nothing is written', async () => {
    const db = emptyDatabase();
    const dir = tempDir();
    const lines = ['Client,Date,Amount', ...Array.from({ length: 300_000 }, (_, i) => `C${i % 2000},2024-01-02,${i}`)];
    const path = join(dir, 'big.csv');
    writeFileSync(path, lines.join('\n'));
    const router = createRouter(db, createHandlers({ version: 't', runTask: workerTaskRunner(WORKER), platform: { chooseImportFile: async () => path } }), () => {});
    const value = async (ch: string, input: unknown) => ((await router.handle(ch, input)) as { value: any }).value;
    await value('imports.pickFile', {});
    const { jobId } = await value('imports.start', { task: 'commit', spec: { path, kind: 'purchases' } });
    let s: any;
    for (;;) {
      s = await value('jobs.status', { jobId });
      if (s.state !== 'running' || s.progress.phase === 'writing') break;
      await new Promise((r) => setTimeout(r, 10));
    }
    expect(s).toMatchObject({ state: 'running', progress: { phase: 'writing' } });
    expect(s.progress.done).toBeLessThan(300_000);
    await value('jobs.cancel', { jobId });
    while ((s = await value('jobs.status', { jobId })).state === 'running') await new Promise((r) => setTimeout(r, 10));
    expect(s.state).toBe('cancelled');
    expect(counts(db)).toEqual({ clients: 0, purchases: 0, imports: 0 });
  });

  it('a worker that runs out of its memory limit fails with a message, and the app lives on', async () => {
    const db = emptyDatabase();
    const dir = tempDir();
    // A CSV well under the file cap whose rows cost far more memory than its bytes suggest, against a tiny heap.
    writeFileSync(join(dir, 'wide.csv'), `A,B\n${'x,1\n'.repeat(2_000_000)}`);
    const router = createRouter(db, createHandlers({ version: 't', runTask: workerTaskRunner(WORKER, undefined, 16), platform: { chooseImportFile: async () => join(dir, 'wide.csv') } }), () => {});
    await router.handle('imports.pickFile', {});
    const started = await router.handle('imports.start', { task: 'preview', spec: { path: join(dir, 'wide.csv'), kind: 'clients' } });
    if (!started.ok) throw new Error(describeError(started.error));
    let s: any;
    for (;;) {
      const r = await router.handle('jobs.status', { jobId: (started.value as any).jobId });
      s = (r as any).value;
      if (s.state !== 'running') break;
      await new Promise((r2) => setTimeout(r2, 50));
    }
    expect(s.state).toBe('failed');
    expect(describeError(s.error)).toMatch(/needed more than 16 MB of memory/);
  });
});

describe('saved mappings', () => {
  it('are kept by name and kind, replaced on a second save, and refused without a name', async () => {
    const { call, fail } = routerCalls(emptyDatabase());
    expect(await call('imports.mappings', {})).toEqual([]);
    await call('imports.saveMapping', { name: 'OTP export', kind: 'purchases', fields: { Partner: 'client', Kelt: 'date', Megjegyzés: null } });
    await call('imports.saveMapping', { name: 'OTP export', kind: 'clients', fields: { Név: 'name' } });
    const list = await call('imports.saveMapping', { name: 'OTP export', kind: 'purchases', fields: { Partner: 'client', Kelt: 'date', Összeg: 'amount' } });
    expect(list).toEqual([
      { name: 'OTP export', kind: 'clients', fields: { Név: 'name' } },
      { name: 'OTP export', kind: 'purchases', fields: { Partner: 'client', Kelt: 'date', Összeg: 'amount' } },
    ]);
    expect((await fail('imports.saveMapping', { name: '  ', kind: 'purchases', fields: {} })).message).toBe('name: Give the mapping a name');
  });
});
