import type { Db } from '../electron/db/connection';
import { serialize } from 'node:v8';
import { clientSummary, listClientRows } from '../electron/features/accounts';
import { clientsGrid, purchaseStore } from '../electron/features/analytics';
import { fmt, median, time, type BenchContext } from './common';

/** The clients grid and a client page over the large base. */
export async function benchAccounts(db: Db, ctx: BenchContext): Promise<string[]> {
  const [rows, cold] = time(() => listClientRows(db, { asOf: ctx.asOf }));
  const warm = median(Array.from({ length: 5 }, () => time(() => listClientRows(db, { asOf: ctx.asOf }))[1]));
  const lines = [`clients grid query   ${fmt(cold)} ms first, ${fmt(warm)} ms warm (median of 5)   (${fmt(rows.length)} rows over ${fmt(ctx.purchases)} lines)`];
  const top = rows.reduce((a, b) => (b.revenue12m > a.revenue12m ? b : a));
  const summaryMs = median(Array.from({ length: 5 }, () => time(() => clientSummary(db, { id: top.id, asOf: ctx.asOf }))[1]));
  lines.push(`client page summary  ${fmt(summaryMs, 1)} ms warm (median of 5)   (the biggest client: ${fmt(top.purchaseCount)} purchase days)`);
  const [json, stringifyMs] = time(() => JSON.stringify({ ok: true, value: rows }));
  const [, parseMs] = time(() => JSON.parse(json));
  const [, cloneMs] = time(() => structuredClone({ ok: true, value: rows }));
  lines.push(`grid IPC payload     ${fmt(Buffer.byteLength(json) / 1e6, 1)} MB as JSON; stringify ${fmt(stringifyMs)} ms, parse ${fmt(parseMs)} ms, structuredClone ${fmt(cloneMs)} ms   (${fmt(rows.length)} rows)`);
  // What the grid loads now: columns from the analytics store (in the host worker in the app).
  const store = purchaseStore(db);
  const [grid, gridCold] = time(() => clientsGrid(store, { asOf: ctx.asOf, includeArchived: false }));
  const gridWarm = median(Array.from({ length: 5 }, () => time(() => clientsGrid(store, { asOf: ctx.asOf, includeArchived: false }))[1]));
  const [bytes, columnsCloneMs] = time(() => serialize(grid).length);
  lines.push(`grid as columns      ${fmt(gridCold)} ms first, ${fmt(gridWarm)} ms warm from the store; ${fmt(bytes / 1e6, 2)} MB structured clone (${fmt(columnsCloneMs)} ms), ${fmt(Buffer.byteLength(JSON.stringify(grid)) / 1e6, 2)} MB as JSON   (${fmt(grid.count)} rows)`);
  ctx.rows = rows.length;
  return lines;
}
