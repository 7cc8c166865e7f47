/**
 * One measurement of bench/analytics.ts in a process of its own, so its
 * peak memory (maxRSS, worker threads included) is its own:
 *
 *   tsx bench/analytics-child.ts demo FILE CLIENTS LINES    generate a demo base
 *   tsx bench/analytics-child.ts workbook FILE               the Excel report as the app runs it (in the analytics host, warm from start)
 *   tsx bench/analytics-child.ts gridExport FILE             the peer: the clients grid exported to .xlsx
 *   tsx bench/analytics-child.ts start FILE                  after start: the store loaded in the background, then the first report and the grid
 *   tsx bench/analytics-child.ts stall FILE CSV              main's event-loop delay while an import, a workbook and a report run
 *   tsx bench/analytics-child.ts import FILE CSV             a CSV import of purchase lines (the app's commit task)
 *
 * Prints one JSON line.
 */
import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { serialize } from 'node:v8';
import { createHandlers } from '../electron/app';
import type { Db } from '../electron/db/connection';
import { openDatabase } from '../electron/db/migrate';
import { findMigrationsFolder } from '../electron/db/migrations-path';
import { analyticsCall, stopAnalyticsHost, warmUp } from '../electron/features/analytics';
import { exportClientsFile } from '../electron/features/export';
import { importTasks } from '../electron/features/import/tasks';
import { generateDemo } from '../electron/features/settings';
import { workerTaskRunner } from '../electron/jobs/worker-runner';
import { createRouter } from '../electron/router';
import { importSpec } from '../shared/features/import/types';

// The app's own bundled worker when built (npm run build); else the sources through tsx, whose start-up adds seconds to every job.
const BUILT = join(__dirname, '..', 'out', 'main', 'worker.js');
const WORKER = existsSync(BUILT) ? BUILT : join(__dirname, '..', 'electron', 'jobs', 'worker.ts');
const AS_OF = '2026-06-30';
const REPORT = { from: '2025-07-01', to: AS_OF, scope: { kind: 'company' as const } };
const quiet = { onProgress: () => {}, isCancelled: () => false, cancelled: new Promise<void>(() => {}) };
const rssMb = () => process.resourceUsage().maxRSS / 1024;
const open = (file: string) => openDatabase(file, findMigrationsFolder());

function timed<T>(fn: () => Promise<T>): Promise<[T, number]> {
  const t = performance.now();
  return fn().then((v) => [v, performance.now() - t]);
}

/** The main thread's event-loop delay while `fn` runs, in ms (histogram in ns, 10 ms resolution as the probe). */
async function stalls<T>(fn: () => Promise<T>): Promise<{ value: T; ms: number; p99: number; max: number }> {
  const h = monitorEventLoopDelay({ resolution: 10 });
  h.enable();
  const [value, ms] = await timed(fn);
  h.disable();
  return { value, ms, p99: h.percentile(99) / 1e6, max: h.max / 1e6 };
}

async function job(router: ReturnType<typeof createRouter>, channel: string, input: unknown): Promise<unknown> {
  const started = (await router.handle(channel, input)) as { ok: boolean; value: { jobId: string }; error?: unknown };
  if (!started.ok) throw new Error(`${channel}: ${JSON.stringify(started.error)}`);
  for (;;) {
    await new Promise((r) => setTimeout(r, 50));
    const s = (await router.handle('jobs.status', { jobId: started.value.jobId })) as { ok: true; value: { state: string; result?: unknown; error?: unknown } };
    if (s.value.state === 'done') return s.value.result;
    if (s.value.state !== 'running') throw new Error(`${channel}: ${s.value.state} ${JSON.stringify(s.value.error)}`);
  }
}

async function main(): Promise<unknown> {
  const [mode, file, a, b] = process.argv.slice(2);
  if (mode === 'demo') {
    const db = open(file);
    const s = generateDemo(db, { clients: Number(a), purchases: Number(b), seed: 1, asOf: AS_OF });
    db.sqlite.close();
    return { ...s, ms: s.seconds * 1000, fileMb: statSync(file).size / 1e6 };
  }
  const db: Db = open(file);
  const runTask = workerTaskRunner(WORKER);
  if (mode === 'workbook') {
    const out = join(file, '..', 'report.xlsx');
    const ctx = { runTask };
    // As in the app: the host loaded the store at start; the user asks for the workbook of another period than the screen's.
    const [, warmMs] = await timed(() => warmUp(db, ctx));
    const warmRssMb = process.memoryUsage().rss / 1024 / 1024;
    const [r, ms] = await timed(() => analyticsCall(db, ctx, 'workbook', { input: { ...REPORT }, whatIfClientIds: [], path: out }, { onProgress: () => {} }));
    stopAnalyticsHost(db);
    return { ms, warmMs, warmRssMb, rows: r.rows, fileMb: statSync(out).size / 1e6 };
  }
  if (mode === 'gridExport') {
    const out = join(file, '..', 'clients.xlsx');
    const [r, ms] = await timed(() => exportClientsFile(db, out, { asOf: AS_OF }));
    return { ms, rows: r.rows, fileMb: statSync(out).size / 1e6 };
  }
  if (mode === 'start') {
    const ctx = { runTask };
    // What the app does once its window is up: the store loads in the host, main takes a copy.
    const warm = await stalls(() => warmUp(db, ctx));
    const [, reportMs] = await timed(() => analyticsCall(db, ctx, 'report', REPORT));
    const [, accountsMs] = await timed(() => analyticsCall(db, ctx, 'accounts', REPORT));
    const [grid, gridMs] = await timed(() => analyticsCall(db, ctx, 'clientsGrid', { includeArchived: false, asOf: AS_OF }));
    const [, gridWarmMs] = await timed(() => analyticsCall(db, ctx, 'clientsGrid', { includeArchived: false, asOf: AS_OF }));
    stopAnalyticsHost(db);
    return {
      warmMs: warm.ms, warmP99: warm.p99, warmMax: warm.max, reportMs, accountsMs, gridMs, gridWarmMs,
      gridRows: grid.count, gridJsonMb: Buffer.byteLength(JSON.stringify(grid)) / 1e6, gridCloneMb: serialize(grid).length / 1e6,
    };
  }
  if (mode === 'stall' || mode === 'import') {
    const router = createRouter(db, createHandlers({ version: 'bench', runTask, platform: { chooseImportFile: async () => a } }), () => {});
    const spec = importSpec.parse({ path: a, kind: 'purchases' });
    if (mode === 'import') {
      const [r, ms] = await timed(() => importTasks['import.commit'](db, { spec, backup: null }, quiet));
      return { ms, rows: r.result.added };
    }
    await router.handle('imports.pickFile', {});
    const ctx = { runTask };
    await warmUp(db, ctx);
    const imp = await stalls(() => job(router, 'imports.start', { task: 'commit', spec }));
    const book = await stalls(() => job(router, 'analytics.workbook', { report: REPORT, whatIfClientIds: [] }));
    const report = await stalls(async () => {
      for (let i = 0; i < 5; i++) await router.handle('analytics.reportColumns', { ...REPORT, to: `2026-06-${20 + i}` });
    });
    const grid = await stalls(() => router.handle('clients.grid', { asOf: AS_OF }));
    // Other features' whole-base reads, cold (a new day, as at the first start of the day): answered by the host (electron/offload.ts).
    const others = await stalls(async () => {
      for (const [channel, input] of [['retention.gridValues', { asOf: '2026-06-29' }], ['retention.callList', { asOf: '2026-06-29' }],
        ['clients.standing', { asOf: '2026-06-29' }], ['clients.options', { search: 'kft' }], ['clients.duplicates', {}], ['recovery.candidates', { asOf: '2026-06-29' }]] as const) {
        const r = (await router.handle(channel, input)) as { ok: boolean; error?: unknown };
        if (!r.ok) throw new Error(`${channel}: ${JSON.stringify(r.error)}`);
      }
    });
    stopAnalyticsHost(db);
    const pick = (x: { ms: number; p99: number; max: number }) => ({ ms: x.ms, p99: x.p99, max: x.max });
    return { import: pick(imp), workbook: pick(book), report: pick(report), grid: pick(grid), others: pick(others) };
  }
  throw new Error(`unknown mode ${mode}`);
}

main().then(
  (r) => {
    process.stdout.write(JSON.stringify({ ...(r as object), rssMb: rssMb(), worker: WORKER === BUILT ? 'built' : 'tsx' }) + '\n');
    process.exit(0);
  },
  (e) => {
    console.error(e);
    process.exit(1);
  },
);
