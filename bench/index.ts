/**
 * npm run bench — figures at the large end the design asks for.
 * Options: --clients N --purchases N (defaults 50,000 / 1,000,000).
 */
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { openDatabase } from '../electron/db/migrate';
import { findMigrationsFolder } from '../electron/db/migrations-path';
import { clientSummary, listClientRows } from '../electron/services/clients';
import { generateDemo } from '../electron/services/demo/generate';
import { benchRenderer } from './renderer';
import { benchAnalytics } from './analytics';
import { benchImportExport } from './import-export';

const { values } = parseArgs({ options: { clients: { type: 'string' }, purchases: { type: 'string' } } });
const nClients = Number(values.clients ?? 50_000);
const nPurchases = Number(values.purchases ?? 1_000_000);
const AS_OF = '2026-06-30';

const fmt = (n: number, d = 0) => n.toLocaleString('en-US', { maximumFractionDigits: d, minimumFractionDigits: d });
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
function time<T>(fn: () => T): [T, number] {
  const t = performance.now();
  const v = fn();
  return [v, performance.now() - t];
}

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'rapport-bench-'));
  try {
    const file = join(dir, 'bench.db');
    const db = openDatabase(file, findMigrationsFolder());
    console.log(`Rapport benchmarks — ${fmt(nClients)} clients, ${fmt(nPurchases)} purchase lines (node ${process.version})\n`);

    const summary = generateDemo(db, { clients: nClients, purchases: nPurchases, seed: 1, asOf: AS_OF });
    const rowsWritten = summary.clients + summary.contacts + summary.purchases;
    console.log(`demo generation      ${fmt(summary.seconds, 2)} s   ${fmt(summary.purchases / summary.seconds)} purchase lines/s   (${fmt(summary.clients)} clients, ${fmt(summary.contacts)} contacts, ${fmt(summary.purchases)} lines; ${fmt(rowsWritten / summary.seconds)} rows/s; file ${fmt(statSync(file).size / 1e6, 1)} MB)`);

    const [rows, cold] = time(() => listClientRows(db, { asOf: AS_OF }));
    const warm = median(Array.from({ length: 5 }, () => time(() => listClientRows(db, { asOf: AS_OF }))[1]));
    console.log(`clients grid query   ${fmt(cold)} ms first, ${fmt(warm)} ms warm (median of 5)   (${fmt(rows.length)} rows over ${fmt(summary.purchases)} lines)`);

    const top = rows.reduce((a, b) => (b.revenue12m > a.revenue12m ? b : a));
    const summaryMs = median(Array.from({ length: 5 }, () => time(() => clientSummary(db, { id: top.id, asOf: AS_OF }))[1]));
    console.log(`client page summary  ${fmt(summaryMs, 1)} ms warm (median of 5)   (the biggest client: ${fmt(top.purchaseCount)} purchase days)`);

    const [json, stringifyMs] = time(() => JSON.stringify({ ok: true, value: rows }));
    const [, parseMs] = time(() => JSON.parse(json));
    const [, cloneMs] = time(() => structuredClone({ ok: true, value: rows }));
    console.log(`grid IPC payload     ${fmt(Buffer.byteLength(json) / 1e6, 1)} MB as JSON; stringify ${fmt(stringifyMs)} ms, parse ${fmt(parseMs)} ms, structuredClone ${fmt(cloneMs)} ms   (${fmt(rows.length)} rows)`);
    for (const line of await benchAnalytics(db, AS_OF)) console.log(line);
    console.log(`peak memory          ${fmt(process.resourceUsage().maxRSS / 1024)} MB RSS (this process)`);
    for (const line of await benchRenderer(db, rows.length)) console.log(line);
    for (const line of await benchImportExport()) console.log(line);
    db.sqlite.close();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

void main();
