/**
 * Import and export at the sizes issue 17 names. Each case runs in its own
 * process so its peak memory (maxRSS, worker threads included) is its own,
 * not the benchmark's. The CSV import is measured against the sqlite3 CLI
 * doing the same work on the same file in the same run, runs alternating:
 * `.import` into a staging table, decimal commas and dd.mm.yyyy converted in
 * SQL, the 20,000 clients created, the lines inserted and the purchase
 * indexes built, in one transaction, on a copy of the same migrated empty
 * database (so the same tables, indexes and triggers).
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, rmSync, statSync, createWriteStream } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase } from '../electron/db/migrate';
import { findMigrationsFolder } from '../electron/db/migrations-path';
import { writeSheetXlsx } from '../electron/features/export';
import { importTasks } from '../electron/features/import/tasks';
import { workerTaskRunner } from '../electron/jobs/worker-runner';
import { importSpec } from '../shared/features/import/types';
import type { ExportColumn } from '../shared/features/export/types';
import { fmt } from './common';

const WORKER_JS = join(__dirname, '..', 'out', 'main', 'worker.js');
/** `npm run build` made the app's worker: the import runs in it, as in the app, instead of from the TypeScript sources. */
const BUILT = existsSync(WORKER_JS) && !process.env.RAPPORT_BENCH_SOURCES;

const CSV_HEADER = 'Ügyfél;Dátum;Számla;Termék;Mennyiség;Egységár;Összeg;Pénznem';

/** A Hungarian ERP's purchase lines: decimal commas, dd.mm.yyyy, `clients` distinct client codes. */
async function csvFile(path: string, lines: number, clients = 20_000): Promise<void> {
  const out = createWriteStream(path);
  const write = (s: string) => (out.write(s) ? Promise.resolve() : new Promise<void>((r) => out.once('drain', () => r())));
  await write(CSV_HEADER + '\n');
  let chunk = '';
  for (let i = 0; i < lines; i++) {
    const q = 1 + (i % 7);
    const d = `${String(1 + (i % 28)).padStart(2, '0')}.${String(1 + (i % 12)).padStart(2, '0')}.2024`;
    chunk += `C${String(i % clients).padStart(6, '0')};${d};INV-${i};P${i % 300};${q};12,50;${(q * 12.5).toFixed(2).replace('.', ',')};EUR\n`;
    if (chunk.length > 1 << 20) await write(chunk), (chunk = '');
  }
  await write(chunk);
  await new Promise<void>((r) => out.end(() => r()));
}

/** Lines as short as a purchases file has them (client, date, amount), every one a different line: as many as fit the importer's 300 MB cap. */
async function shortCsvFile(path: string, lines: number, clients = 20_000): Promise<void> {
  const out = createWriteStream(path);
  const write = (s: string) => (out.write(s) ? Promise.resolve() : new Promise<void>((r) => out.once('drain', () => r())));
  await write('Ügyfél;Dátum;Összeg\n');
  let chunk = '';
  for (let i = 0; i < lines; i++) {
    chunk += `C${String(i % clients).padStart(6, '0')};${String(1 + (i % 28)).padStart(2, '0')}.${String(1 + (i % 12)).padStart(2, '0')}.${2000 + (i % 25)};${Math.floor(i / 100)},${String(i % 100).padStart(2, '0')}\n`;
    if (chunk.length > 1 << 20) await write(chunk), (chunk = '');
  }
  await write(chunk);
  await new Promise<void>((r) => out.end(() => r()));
}

async function xlsxFile(path: string, rows: number): Promise<void> {
  // Loaded here: the import children measure their peak memory, and the bench's own file writer is not the importer's.
  const { default: ExcelJS } = await import('exceljs');
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: path, useStyles: true, useSharedStrings: false });
  const ws = wb.addWorksheet('Sales');
  ws.addRow(['Client', 'Date', 'Invoice', 'Product', 'Quantity', 'Unit price', 'Amount', 'Currency']).commit();
  for (let i = 0; i < rows; i++) {
    const q = 1 + (i % 7);
    const r = ws.addRow([`C${i % 5000}`, new Date(Date.UTC(2024, i % 12, 1 + (i % 28))), `INV-${i}`, `P${i % 300}`, q, 12.5, q * 12.5, 'EUR']);
    r.getCell(2).numFmt = 'yyyy-mm-dd';
    r.commit();
  }
  await wb.commit();
}

/** The clients grid's columns, as the renderer sends them. */
const EXPORT_COLUMNS: ExportColumn[] = [
  ...['Code', 'Name', 'Type', 'Status', 'Manager', 'Department', 'Country'].map((header) => ({ header, kind: 'text' as const })),
  { header: 'Revenue', kind: 'money' }, { header: 'Share', kind: 'percent' }, { header: 'Purchases', kind: 'integer' },
  { header: 'First purchase', kind: 'date' }, { header: 'Last purchase', kind: 'date' }, { header: 'Days since', kind: 'integer' },
  { header: 'Potential', kind: 'money' }, { header: 'Notes', kind: 'text' },
];

/** The columns of each bench file, in order, and how the sqlite3 CLI converts each into a purchases column. */
const SHAPES = {
  full: ['client', 'date', 'invoice', 'product', 'quantity', 'unit_price', 'amount', 'currency'],
  short: ['client', 'date', 'amount'],
} as const;
type Shape = keyof typeof SHAPES;

/** The same conversion as the importer's, in SQL, for the sqlite3 CLI. */
export function sqlite3Script(csv: string, shape: Shape = 'full'): string {
  const day = (c: string) => `substr(${c}, 7, 4) || '-' || substr(${c}, 4, 2) || '-' || substr(${c}, 1, 2)`;
  const num = (c: string) => `CAST(replace(${c}, ',', '.') AS REAL)`;
  const columns: readonly string[] = SHAPES[shape];
  const converted = columns.filter((c) => c !== 'client').map((c) => (c === 'date' ? day('s.date') : ['quantity', 'unit_price', 'amount'].includes(c) ? num(`s.${c}`) : `s.${c}`));
  return [
    'PRAGMA foreign_keys = OFF;',
    'PRAGMA cache_size = -65536;',
    'BEGIN IMMEDIATE;',
    `CREATE TEMP TABLE stage (${columns.map((c) => `${c} TEXT`).join(', ')});`,
    '.mode csv',
    '.separator ;',
    `.import --skip 1 ${JSON.stringify(csv)} stage`,
    'DROP INDEX purchases_client_date_amount_idx;',
    'DROP INDEX purchases_date_amount_idx;',
    'INSERT INTO clients (code, name) SELECT client, client FROM stage GROUP BY client ORDER BY min(rowid);',
    `INSERT INTO purchases (client_id, ${columns.filter((c) => c !== 'client').join(', ')})
       SELECT c.id, ${converted.join(', ')}
       FROM stage s JOIN clients c ON c.code = s.client ORDER BY s.rowid;`,
    'CREATE INDEX `purchases_client_date_amount_idx` ON `purchases` (`client_id`,`date`,`amount`,`archived_at`);',
    'CREATE INDEX `purchases_date_amount_idx` ON `purchases` (`date`,`amount`,`archived_at`);',
    'COMMIT;',
    'SELECT count(*) FROM purchases;',
  ].join('\n');
}

/** One case, in this (child) process: prints "ms rows" on stdout. */
async function child(kind: string, file: string, dbFile: string, count: string): Promise<void> {
  const t = performance.now();
  let rows = 0;
  if (kind === 'export') {
    const n = Number(count);
    const gen = function* () {
      for (let i = 0; i < n; i++) {
        yield [`C${i}`, `Client ${i} Kft`, 'Shop', 'active', `Manager ${i % 40}`, `Dept ${i % 6}`, 'HU', i * 1.5, i / 1e7, i % 90, '2024-01-02', '2025-06-30', i % 400, i * 3, i % 5 ? '' : '=not a formula'];
      }
    };
    rows = (await writeSheetXlsx(file, { title: 'Clients', sheetName: 'Clients', filter: '', currency: 'EUR', columns: EXPORT_COLUMNS }, gen(), { total: n })).rows;
  } else if (kind === 'idle') {
    // The same code loaded and the same file opened, nothing imported: what the process costs before any work.
    openDatabase(dbFile, findMigrationsFolder()).sqlite.close();
    void workerTaskRunner;
    void importTasks;
  } else {
    // The app's own path: the commit task in a worker (the built one, as the app runs it, when there is a build),
    // which reads a large file on a second thread.
    const db = openDatabase(dbFile, findMigrationsFolder());
    const spec = importSpec.parse({ path: file, kind: 'purchases' });
    const ctl = { onProgress: () => {}, isCancelled: () => false, cancelled: new Promise<void>(() => {}) };
    const args = { spec, backup: null };
    rows = (BUILT ? await workerTaskRunner(WORKER_JS)(db, 'import.commit', args, ctl) : await importTasks['import.commit'](db, args, ctl)).result.added;
    db.sqlite.close();
  }
  process.stdout.write(`${performance.now() - t} ${rows}`);
}

interface Run { ms: number; rows: number; rssMb: number }

const TIME = existsSync('/usr/bin/time') ? '/usr/bin/time' : null;
/** Peak RSS of a child from /usr/bin/time -f %M (KB), when there is one. */
function timed(cmd: string, args: string[], input?: string): { stdout: string; stderr: string; ms: number; rssMb: number } {
  const t = performance.now();
  const res = TIME ? spawnSync(TIME, ['-f', 'maxrss %M', cmd, ...args], { encoding: 'utf8', input, maxBuffer: 1 << 26 }) : spawnSync(cmd, args, { encoding: 'utf8', input, maxBuffer: 1 << 26 });
  const ms = performance.now() - t;
  if (res.status !== 0) throw new Error(`${cmd} failed: ${res.stderr}`);
  const kb = [...res.stderr.matchAll(/maxrss (\d+)/g)].map((m) => Number(m[1]));
  return { stdout: res.stdout, stderr: res.stderr, ms, rssMb: kb.length ? Math.max(...kb) / 1024 : NaN };
}

function runChild(kind: string, file: string, dbFile: string, count = ''): Run {
  const r = timed(process.execPath, ['--import', 'tsx', __filename, 'child', kind, file, dbFile, count]);
  const [ms, rows] = r.stdout.trim().split(' ').map(Number);
  return { ms, rows, rssMb: r.rssMb };
}

function runSqlite3(csv: string, dbFile: string, shape: Shape = 'full'): Run {
  const r = timed('sqlite3', [dbFile], sqlite3Script(csv, shape));
  const rows = Number(r.stdout.trim().split('\n').pop());
  return { ms: r.ms, rows, rssMb: r.rssMb };
}

const hasSqlite3 = () => spawnSync('sqlite3', ['-version'], { encoding: 'utf8' }).status === 0;
const best = (runs: Run[]) => runs.reduce((a, b) => (b.ms < a.ms ? b : a));
const peak = (runs: Run[]) => Math.max(...runs.map((r) => r.rssMb));
const secs = (ms: number) => `${fmt(ms / 1000, 2)} s`;

export async function benchImportExport(): Promise<string[]> {
  const dir = mkdtempSync(join(tmpdir(), 'rapport-bench-io-'));
  const out: string[] = [];
  try {
    // An empty migrated base, copied for every run, so both importers start from the same file.
    const empty = join(dir, 'empty.db');
    openDatabase(empty, findMigrationsFolder()).sqlite.close();
    let k = 0;
    const fresh = () => {
      const f = join(dir, `run-${k++}.db`);
      copyFileSync(empty, f);
      return f;
    };
    const csv = join(dir, 'purchases.csv');
    await csvFile(csv, 1_000_000);
    const size = `${fmt(statSync(csv).size / 1e6, 1)} MB`;
    const rapport: Run[] = [];
    const peer: Run[] = [];
    const sqlite3 = hasSqlite3();
    for (let i = 0; i < 2; i++) {
      rapport.push(runChild('import', csv, fresh()));
      if (sqlite3) peer.push(runSqlite3(csv, fresh()));
    }
    const a = best(rapport);
    const idle = runChild('idle', csv, fresh());
    out.push(`CSV import           ${secs(a.ms)} (runs ${rapport.map((r) => secs(r.ms)).join(', ')}), peak ${fmt(peak(rapport))} MB RSS, ${fmt(peak(rapport) - idle.rssMb)} MB over the idle process (${fmt(idle.rssMb)} MB)   (${fmt(a.rows)} purchase lines, ${size}, decimal commas, dd.mm.yyyy, 20,000 new clients; end to end; ${BUILT ? 'in the built worker' : 'from the TypeScript sources'}; goal ≤ 1.0× sqlite3, ≤ 300 MB)`);
    if (sqlite3) {
      const b = best(peer);
      out.push(`  sqlite3 importer   ${secs(b.ms)} (runs ${peer.map((r) => secs(r.ms)).join(', ')}), peak ${fmt(peak(peer))} MB RSS   (${fmt(b.rows)} lines: .import, the same conversion in SQL, the same indexes, one transaction)   ratio ${fmt(a.ms / b.ms, 2)}×`);
    } else out.push('  sqlite3 importer   skipped: sqlite3 not found');
    // Memory must not grow with the file: the same import at twice the lines.
    const csv2 = join(dir, 'purchases-2m.csv');
    await csvFile(csv2, 2_000_000);
    const two = runChild('import', csv2, fresh());
    rmSync(csv2, { force: true });
    out.push(`CSV import, 2M lines ${secs(two.ms)}, peak ${fmt(two.rssMb)} MB RSS, ${fmt(two.rssMb - idle.rssMb)} MB over idle   (${fmt(two.rows)} lines, the same shape; memory should not follow the file)`);
    // The longest file the importer takes: short lines, none alike, up to the 300 MB cap; past 3.8M lines the keys go to disk.
    const long = join(dir, 'purchases-short.csv');
    await shortCsvFile(long, 10_500_000);
    const l = runChild('import', long, fresh());
    const lp = sqlite3 ? runSqlite3(long, fresh(), 'short') : null;
    out.push(`CSV import, longest  ${secs(l.ms)}, peak ${fmt(l.rssMb)} MB RSS, ${fmt(l.rssMb - idle.rssMb)} MB over idle   (${fmt(l.rows)} lines of client, date and amount, all different, ${fmt(statSync(long).size / 1e6, 1)} MB)` +
      (lp ? `; sqlite3 importer ${secs(lp.ms)}, ratio ${fmt(l.ms / lp.ms, 2)}×` : ''));
    rmSync(long, { force: true });
    const xlsx = join(dir, 'purchases.xlsx');
    await xlsxFile(xlsx, 100_000);
    const x = runChild('import', xlsx, fresh());
    out.push(`.xlsx import         ${secs(x.ms)}, peak ${fmt(x.rssMb)} MB RSS   (${fmt(x.rows)} rows, ${fmt(statSync(xlsx).size / 1e6, 1)} MB file)`);
    for (const n of [5_000, 50_000, 200_000]) {
      const file = join(dir, `export-${n}.xlsx`);
      const e = runChild('export', file, '', String(n));
      out.push(`.xlsx export         ${secs(e.ms)}, peak ${fmt(e.rssMb)} MB RSS   (clients grid, ${fmt(e.rows)} clients × ${EXPORT_COLUMNS.length} columns, streamed, ${fmt(statSync(file).size / 1e6, 1)} MB file)`);
    }
    return out;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[2] === 'child') {
  void child(process.argv[3], process.argv[4], process.argv[5], process.argv[6]);
} else if (require.main === module) {
  void benchImportExport().then((lines) => console.log(lines.join('\n')));
}
