/**
 * Import and export at the sizes the issue names. Each case runs in its own
 * process so its peak memory (maxRSS) is its own, not the benchmark's.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { openDatabase } from '../electron/db/migrate';
import { findMigrationsFolder } from '../electron/db/migrations-path';
import { writeSheetXlsx } from '../electron/features/export/xlsx-writer';
import { commitImport, loadTable } from '../electron/features/import/service';
import { importSpec } from '../shared/features/import/types';
import type { ExportColumn } from '../shared/features/export/types';

const fmt = (n: number, d = 0) => n.toLocaleString('en-US', { maximumFractionDigits: d, minimumFractionDigits: d });

function csvFile(path: string, lines: number): void {
  const out: string[] = ['Ügyfél;Dátum;Számla;Termék;Mennyiség;Egységár;Összeg;Pénznem'];
  for (let i = 0; i < lines; i++) {
    const q = 1 + (i % 7);
    const d = `${String(1 + (i % 28)).padStart(2, '0')}.${String(1 + (i % 12)).padStart(2, '0')}.2024`;
    out.push(`C${String(i % 20_000).padStart(5, '0')};${d};INV-${i};P${i % 300};${q};12,50;${(q * 12.5).toFixed(2).replace('.', ',')};EUR`);
  }
  writeFileSync(path, out.join('\n') + '\n');
}

async function xlsxFile(path: string, rows: number): Promise<void> {
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

const EXPORT_COLUMNS: ExportColumn[] = [
  ...['Code', 'Name', 'Type', 'Status', 'Manager', 'Department', 'Country'].map((header) => ({ header, kind: 'text' as const })),
  { header: 'Revenue', kind: 'money' }, { header: 'Share', kind: 'percent' }, { header: 'Purchases', kind: 'integer' },
  { header: 'First purchase', kind: 'date' }, { header: 'Last purchase', kind: 'date' }, { header: 'Days since', kind: 'integer' },
  { header: 'Potential', kind: 'money' }, { header: 'Notes', kind: 'text' },
];

/** One case, in this (child) process: prints "ms rows" on stdout. */
async function child(kind: string, file: string, dbFile: string): Promise<void> {
  const t = performance.now();
  let rows = 0;
  if (kind === 'export') {
    const gen = function* () {
      for (let i = 0; i < 100_000; i++) {
        yield [`C${i}`, `Client ${i} Kft`, 'Shop', 'active', `Manager ${i % 40}`, `Dept ${i % 6}`, 'HU', i * 1.5, i / 1e7, i % 90, '2024-01-02', '2025-06-30', i % 400, i * 3, i % 5 ? '' : '=not a formula'];
      }
    };
    rows = (await writeSheetXlsx(file, { title: 'Clients', sheetName: 'Clients', filter: '', currency: 'EUR', columns: EXPORT_COLUMNS }, gen(), { total: 100_000 })).rows;
  } else {
    const db = openDatabase(dbFile, findMigrationsFolder());
    const spec = importSpec.parse({ path: file, kind: 'purchases' });
    rows = commitImport(db, await loadTable(db, spec), spec).added;
    db.sqlite.close();
  }
  process.stdout.write(`${performance.now() - t} ${rows}`);
}

function runChild(kind: string, file: string, dbFile: string): { ms: number; rows: number; rssMb: number } {
  const res = spawnSync(process.execPath, ['--import', 'tsx', __filename, 'child', kind, file, dbFile], { encoding: 'utf8' });
  if (res.status !== 0) throw new Error(`${kind} benchmark failed: ${res.stderr}`);
  const [ms, rows] = res.stdout.trim().split(' ').map(Number);
  // /usr/bin/time is not everywhere; the child's own maxRSS comes back through a second line on stderr.
  const rss = Number(/maxrss (\d+)/.exec(res.stderr)?.[1] ?? NaN);
  return { ms, rows, rssMb: rss / 1024 };
}

export async function benchImportExport(): Promise<string[]> {
  const dir = mkdtempSync(join(tmpdir(), 'rapport-bench-io-'));
  try {
    const csv = join(dir, 'purchases.csv');
    csvFile(csv, 1_000_000);
    const xlsx = join(dir, 'purchases.xlsx');
    await xlsxFile(xlsx, 100_000);
    const a = runChild('import', csv, join(dir, 'a.db'));
    const b = runChild('import', xlsx, join(dir, 'b.db'));
    const c = runChild('export', join(dir, 'export.xlsx'), '');
    return [
      `CSV import           ${fmt(a.ms / 1000, 2)} s, peak ${fmt(a.rssMb)} MB RSS   (${fmt(a.rows)} purchase lines, ${fmt(statSync(csv).size / 1e6, 1)} MB file, decimal commas, dd.mm.yyyy, 20,000 new clients; parse, validate, insert, index, commit; target 5 s / 400 MB)`,
      `.xlsx import         ${fmt(b.ms / 1000, 2)} s, peak ${fmt(b.rssMb)} MB RSS   (${fmt(b.rows)} rows, ${fmt(statSync(xlsx).size / 1e6, 1)} MB file; target 4 s / 300 MB)`,
      `.xlsx export         ${fmt(c.ms / 1000, 2)} s, peak ${fmt(c.rssMb)} MB RSS   (${fmt(c.rows)} rows × ${EXPORT_COLUMNS.length} columns, streamed, ${fmt(statSync(join(dir, 'export.xlsx')).size / 1e6, 1)} MB file; target 4 s / 300 MB)`,
    ];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[2] === 'child') {
  void child(process.argv[3], process.argv[4], process.argv[5]).then(() => process.stderr.write(`maxrss ${process.resourceUsage().maxRSS}\n`));
} else if (require.main === module) {
  void benchImportExport().then((lines) => console.log(lines.join('\n')));
}
