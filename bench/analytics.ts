import { spawnSync } from 'node:child_process';
import { createWriteStream, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Db } from '../electron/db/connection';
import { openDatabase } from '../electron/db/migrate';
import { findMigrationsFolder } from '../electron/db/migrations-path';
import { scopeRanking } from '../electron/features/analytics/ranking';
import { accountsReport, analyticsReport, getAnalyticsSettings } from '../electron/features/analytics/report';
import { purchaseStore } from '../electron/features/analytics/store';
import { whatIf } from '../electron/features/analytics/what-if';
import { lastTwelveMonths } from '../shared/features/analytics/period';
import { fmt, median, type BenchContext } from './common';

const ms = (fn: () => unknown) => {
  const t = performance.now();
  fn();
  return performance.now() - t;
};
const secs = (x: number) => `${fmt(x / 1000, 2)} s`;
const mb = (x: number) => `${fmt(x)} MB`;

/** One measurement in its own process (bench/analytics-child.ts): its figures and its peak RSS. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
function child(...args: string[]): any {
  const res = spawnSync(process.execPath, ['--import', 'tsx', join(__dirname, 'analytics-child.ts'), ...args], { encoding: 'utf8', maxBuffer: 1 << 24 });
  if (res.status !== 0) throw new Error(`analytics-child ${args[0]} failed: ${res.stderr}`);
  return JSON.parse(res.stdout.trim().split('\n').pop()!);
}

/** Purchase lines as a Hungarian ERP writes them (decimal commas, dd.mm.yyyy), for existing client codes C000001…; a tenth name new clients. */
async function purchasesCsv(path: string, lines: number, clients: number): Promise<void> {
  const out = createWriteStream(path);
  const write = (s: string) => (out.write(s) ? Promise.resolve() : new Promise<void>((r) => out.once('drain', () => r())));
  await write('Ügyfél;Dátum;Számla;Termék;Mennyiség;Egységár;Összeg;Pénznem\n');
  let chunk = '';
  for (let i = 0; i < lines; i++) {
    const q = 1 + (i % 7);
    const code = i % 10 === 9 ? clients + 1 + (i % 1000) : 1 + (i % clients);
    chunk += `C${String(code).padStart(6, '0')};${String(1 + (i % 28)).padStart(2, '0')}.${String(1 + (i % 6)).padStart(2, '0')}.2026;BENCH-${i};P${i % 300};${q};12,50;${(q * 12.5).toFixed(2).replace('.', ',')};EUR\n`;
    if (chunk.length > 1 << 20) await write(chunk), (chunk = '');
  }
  await write(chunk);
  await new Promise<void>((r) => out.end(() => r()));
}

/**
 * Key-account analytics over the bench's base: the figures in this thread
 * (the engine's own speed), then, each in a process of its own, what the
 * app does: the workbook written in the warm analytics host against the clients-grid export
 * (the peer, runs alternating), the store loaded in the background after
 * start with the first report and the grid over the host, and the main
 * process's event-loop delay while an import, a workbook and reports run.
 */
export async function benchAnalytics(db: Db, ctx: BenchContext): Promise<string[]> {
  const { asOf } = ctx;
  const scope = { kind: 'company' as const };
  const period = lastTwelveMonths(asOf);
  const first = ms(() => analyticsReport(db, { ...period, scope }));
  const store = purchaseStore(db);
  const settings = getAnalyticsSettings(db);
  const shifted = (i: number) => ({ from: period.from, to: `${asOf.slice(0, 8)}${String(20 + (i % 9)).padStart(2, '0')}`, scope });
  const core = median(Array.from({ length: 7 }, (_, i) => ms(() => scopeRanking(store, shifted(i), settings))));
  const full = median(Array.from({ length: 7 }, (_, i) => ms(() => analyticsReport(db, shifted(i)))));
  const people = median(Array.from({ length: 5 }, (_, i) => ms(() => accountsReport(db, shifted(i)))));
  const r = analyticsReport(db, { ...period, scope });
  const a = accountsReport(db, { ...period, scope });
  const ids = [r.rows[0].id];
  const what = median(Array.from({ length: 7 }, () => ms(() => whatIf(db, { ...period, scope, clientIds: ids }))));
  const n = `${fmt(store.clientCount)} clients, ${fmt(store.size)} lines`;
  const out = [
    `analytics first      ${fmt(first)} ms in this thread (store load + first report)   (${n})`,
    `pareto+abc+hhi+bands ${fmt(core, 1)} ms warm (median of 7, new period each time)   (${fmt(r.rows.length)} ranked clients)`,
    `full report          ${fmt(full, 1)} ms warm (adds rows, moves, monthly trend, curve)`,
    `key accounts panels  ${fmt(people, 1)} ms warm (key accounts, KAM, breadth, wallet)   (${fmt(a.keyAccounts.length)} key accounts, ${fmt(a.flaggedLeftOut)} flagged left out, ${a.kam.filter((k) => k.overLimit).length} of ${a.kam.length} managers over the limit)`,
    `what-if              ${fmt(what, 1)} ms warm (median of 7)`,
  ];

  // Workbook against the peer, alternating, two runs each; the best of each, and the peak.
  const books: any[] = [];
  const exports: any[] = [];
  for (let i = 0; i < 2; i++) {
    exports.push(child('gridExport', db.path));
    books.push(child('workbook', db.path));
  }
  const best = (xs: any[]) => xs.reduce((p, q) => (q.ms < p.ms ? q : p));
  const peak = (xs: any[]) => Math.max(...xs.map((x) => x.rssMb));
  const b = best(books);
  const e = best(exports);
  out.push(
    `excel report         ${secs(b.ms)} in the analytics host, warm since start (${secs(b.warmMs)} before), ${fmt(b.fileMb, 1)} MB file; peak ${mb(peak(books))} RSS for the whole process, ${mb(Math.max(...books.map((x) => x.rssMb - x.warmRssMb)))} over the warm process   (${fmt(r.rows.length)} rows on each of 3 sheets, 2 charts)`,
    `  peer: grid export  ${secs(e.ms)}, peak ${mb(peak(exports))} RSS   (${fmt(e.rows)} clients × 13 columns)   → workbook ${fmt(b.ms / e.ms, 2)}× the grid export (goal ≤ 2.0×, ≤ 300 MB)`,
  );

  const s = child('start', db.path);
  out.push(
    `store load at start  ${fmt(s.warmMs)} ms in the host worker + hand-over (main's event loop meanwhile: p99 ${fmt(s.warmP99, 1)} ms, max ${fmt(s.warmMax)} ms); peak ${mb(s.rssMb)} RSS`,
    `  then first report  ${fmt(s.reportMs)} ms, key-account panels ${fmt(s.accountsMs)} ms (goal ≤ 300 ms once open a few seconds)`,
    `  clients grid       ${fmt(s.gridMs)} ms first, ${fmt(s.gridWarmMs)} ms warm over the host   (${fmt(s.gridRows)} rows: ${fmt(s.gridJsonMb, 2)} MB as JSON, ${fmt(s.gridCloneMb, 2)} MB structured clone; goal ≤ 4 MB)`,
  );

  // The event loop while long work runs, on a copy (the import writes).
  const dir = mkdtempSync(join(tmpdir(), 'rapport-bench-stall-'));
  try {
    const copy = join(dir, 'copy.db');
    db.sqlite.exec(`VACUUM INTO '${copy.replace(/'/g, "''")}'`);
    const csv = join(dir, 'purchases.csv');
    const lines = Math.min(200_000, Math.max(20_000, Math.round(ctx.purchases / 5)));
    await purchasesCsv(csv, lines, ctx.clients);
    const st = child('stall', copy, csv);
    const line = (what: string, x: any) => `  ${what.padEnd(18)} p99 ${fmt(x.p99, 1)} ms, max ${fmt(x.max)} ms   (${secs(x.ms)})`;
    out.push(
      `main's event loop (monitorEventLoopDelay, 10 ms resolution; goal p99 ≤ 50 ms):`,
      line(`import ${fmt(lines)} lines`, st.import),
      line('excel report', st.workbook),
      line('5 reports', st.report),
      line('clients grid', st.grid),
      line('6 other queries', st.others) + '  dormancy, call list, standing, picker, duplicates, recovery: cold, in the host',
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return out;
}

/**
 * The scale figures: demo generation, store load (in the host, after start),
 * the clients grid and a CSV import at each size (20 lines per client, as
 * the 50,000 / 1,000,000 base), each in a process of its own.
 */
export async function benchScale(sizes: number[]): Promise<string[]> {
  const out = [`scale (each figure in a process of its own; peak RSS of that process):`];
  const demos: { clients: number; ms: number }[] = [];
  for (const clients of sizes) {
    const dir = mkdtempSync(join(tmpdir(), 'rapport-bench-scale-'));
    try {
      const lines = clients * 20;
      const file = join(dir, 'base.db');
      const d = child('demo', file, String(clients), String(lines));
      demos.push({ clients, ms: d.ms });
      const s = child('start', file);
      const empty = join(dir, 'empty.db');
      openDatabase(empty, findMigrationsFolder()).sqlite.close();
      const csv = join(dir, 'purchases.csv');
      await purchasesCsv(csv, lines, clients);
      const imp = child('import', empty, csv);
      out.push(
        `  ${fmt(clients).padStart(7)} clients / ${fmt(lines).padStart(9)} lines: demo ${secs(d.ms)} (${mb(d.rssMb)}, file ${fmt(d.fileMb)} MB); ` +
          `store load ${fmt(s.warmMs)} ms, first report ${fmt(s.reportMs)} ms, grid ${fmt(s.gridWarmMs)} ms warm / ${fmt(s.gridCloneMb, 2)} MB (${mb(s.rssMb)}); ` +
          `CSV import ${secs(imp.ms)} (${fmt(imp.rows)} lines, ${mb(imp.rssMb)})`,
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }
  const a = demos.find((x) => x.clients === 50_000);
  const z = demos.find((x) => x.clients === 200_000);
  if (a && z) out.push(`  demo generation 50,000 → 200,000 clients: ×${fmt(z.ms / a.ms, 2)} for ×4 the data (goal ≤ ×4.5)`);
  return out;
}
