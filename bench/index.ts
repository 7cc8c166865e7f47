/**
 * npm run bench — figures at the large end the design asks for.
 * Options: --clients N --purchases N (defaults 50,000 / 1,000,000);
 * --sizes 5000,50000,200000 for the scale figures (default 5000,50000; 0 for none).
 */
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import type { Db } from '../electron/db/connection';
import { openDatabase } from '../electron/db/migrate';
import { findMigrationsFolder } from '../electron/db/migrations-path';
import { generateDemo } from '../electron/features/settings';
import { benchAccounts } from './accounts';
import { benchAnalytics, benchScale } from './analytics';
import { fmt, type BenchContext } from './common';
import { benchImportExport } from './import-export';
import { benchRenderer } from './renderer';
import { benchDossiers } from './dossiers';
import { benchRetention } from './retention';
import { benchPrivacy } from './privacy';
import { benchClientPage } from './accounts-client-page';

/** Each feature's benchmarks, one line each, run in this order over one generated base. */
const BENCHES: ((db: Db, ctx: BenchContext) => Promise<string[]>)[] = [
  benchAccounts,
  benchAnalytics,
  async () => [`peak memory          ${fmt(process.resourceUsage().maxRSS / 1024)} MB RSS (this process)`],
  (db, ctx) => benchRenderer(db, ctx.rows ?? ctx.clients),
  () => benchImportExport(),
  benchDossiers,
  benchRetention,
  benchPrivacy,
  // Last: it merges two clients, a write the other benches should not see.
  benchClientPage,
];

const { values } = parseArgs({ options: { clients: { type: 'string' }, purchases: { type: 'string' }, sizes: { type: 'string' } } });
const sizes = (values.sizes ?? '5000,50000').split(',').map(Number).filter((n) => n > 0);
const ctx: BenchContext = { asOf: '2026-06-30', clients: Number(values.clients ?? 50_000), purchases: Number(values.purchases ?? 1_000_000) };

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'rapport-bench-'));
  try {
    const file = join(dir, 'bench.db');
    const db = openDatabase(file, findMigrationsFolder());
    console.log(`Rapport benchmarks — ${fmt(ctx.clients)} clients, ${fmt(ctx.purchases)} purchase lines (node ${process.version})\n`);
    const summary = generateDemo(db, { clients: ctx.clients, purchases: ctx.purchases, seed: 1, asOf: ctx.asOf });
    const rowsWritten = summary.clients + summary.contacts + summary.purchases;
    console.log(`demo generation      ${fmt(summary.seconds, 2)} s   ${fmt(summary.purchases / summary.seconds)} purchase lines/s   (${fmt(summary.clients)} clients, ${fmt(summary.contacts)} contacts, ${fmt(summary.purchases)} lines; ${fmt(rowsWritten / summary.seconds)} rows/s; file ${fmt(statSync(file).size / 1e6, 1)} MB)`);
    for (const bench of BENCHES) for (const line of await bench(db, ctx)) console.log(line);
    db.sqlite.close();
    if (sizes.length) for (const line of await benchScale(sizes)) console.log(line);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

void main();
