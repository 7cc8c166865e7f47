import type { Db } from '../electron/db/connection';
import { inTransaction } from '../electron/db/transaction';
import { clientStory } from '../electron/features/accounts/story';
import { clientStandings } from '../electron/features/accounts/standing';
import { clientOptions } from '../electron/features/accounts/options';
import { findDuplicates } from '../electron/features/accounts/duplicates';
import { mergeClients } from '../electron/features/accounts/merge';
import { makeContext } from '../electron/context';
import { fmt, median, time, type BenchContext } from './common';

async function timeAsync<T>(fn: () => Promise<T>): Promise<[T, number]> {
  const t = performance.now();
  const v = await fn();
  return [v, performance.now() - t];
}

const opts = (search: string) => ({ search, ids: [], exclude: null, limit: 50, includeArchived: false });

/** The client page's story, the grid's standing columns, the picker per keystroke, duplicates and a merge, over the large base. */
export async function benchClientPage(db: Db, ctx: BenchContext): Promise<string[]> {
  const s = db.sqlite;
  const big = s.prepare(`SELECT client_id AS id, COUNT(*) AS n FROM purchases GROUP BY client_id ORDER BY n DESC LIMIT 2`).all() as { id: number; n: number }[];
  const lines: string[] = [];
  // Without a worker runner the analytics host answers in this thread: the figures are its work, wherever it runs.
  const app = makeContext({ version: 'bench' });
  const [, storyCold] = await timeAsync(() => clientStory(db, app, { id: big[0].id, asOf: ctx.asOf }));
  const warm: number[] = [];
  for (let i = 0; i < 5; i++) warm.push((await timeAsync(() => clientStory(db, app, { id: big[0].id, asOf: ctx.asOf })))[1]);
  const storyWarm = median(warm);
  lines.push(`client page story    ${fmt(storyCold)} ms first (store loaded, classes computed), ${fmt(storyWarm, 1)} ms warm (median of 5)   (the biggest client: ${fmt(big[0].n)} lines)`);
  const [standing, standingMs] = await timeAsync(() => clientStandings(db, app, { asOf: ctx.asOf }));
  lines.push(`grid standing cols   ${fmt(standingMs)} ms warm   (${fmt(standing.length)} clients with a class, reason or open task)`);
  const [, indexMs] = time(() => clientOptions(db, opts('')));
  const typed = ['o', 'or', 'ori', 'orio', 'kft', 'zz'];
  const perKey = median(typed.flatMap((q) => Array.from({ length: 3 }, () => time(() => clientOptions(db, opts(q)))[1])));
  lines.push(`client picker        ${fmt(indexMs)} ms first (folds every name), ${fmt(perKey, 1)} ms per keystroke warm (median)   (${fmt(ctx.clients)} clients)`);
  const [report, dupMs] = time(() => findDuplicates(db, { limit: 200 }));
  const [, dupAgain] = time(() => findDuplicates(db, { limit: 200 }));
  lines.push(`duplicates           ${fmt(dupMs)} ms first, ${fmt(dupAgain, 1)} ms again while no client changed   (${fmt(report.clients)} active clients, ${fmt(report.pairs.length + report.more)} pairs)`);
  const [moved, mergeMs] = time(() => inTransaction(db, () => mergeClients(db, { keepId: big[0].id, mergeId: big[1].id })));
  lines.push(`merge two clients    ${fmt(mergeMs)} ms in one transaction   (${fmt(Object.values(moved.moved).reduce((a, b) => a + b, 0))} rows moved over ${fmt(Object.keys(moved.moved).length)} tables)`);
  const [, afterMerge] = await timeAsync(() => clientStory(db, app, { id: big[0].id, asOf: ctx.asOf }));
  lines.push(`story after a write  ${fmt(afterMerge)} ms (classes recomputed by the analytics host, off the main process in the app)`);
  return lines;
}

// Alone: npx tsx bench/accounts-client-page.ts [--clients N --purchases N]
if (require.main === module) {
  void (async () => {
    const { mkdtempSync, rmSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const { join } = await import('node:path');
    const { parseArgs } = await import('node:util');
    const { openDatabase } = await import('../electron/db/migrate');
    const { findMigrationsFolder } = await import('../electron/db/migrations-path');
    const { generateDemo } = await import('../electron/features/settings');
    const { values } = parseArgs({ options: { clients: { type: 'string' }, purchases: { type: 'string' } } });
    const ctx: BenchContext = { asOf: '2026-06-30', clients: Number(values.clients ?? 50_000), purchases: Number(values.purchases ?? 1_000_000) };
    const dir = mkdtempSync(join(tmpdir(), 'rapport-bench-'));
    try {
      const db = openDatabase(join(dir, 'bench.db'), findMigrationsFolder());
      const summary = generateDemo(db, { clients: ctx.clients, purchases: ctx.purchases, seed: 1, asOf: ctx.asOf });
      console.log(`${fmt(summary.clients)} clients, ${fmt(summary.purchases)} lines, generated in ${fmt(summary.seconds, 1)} s`);
      for (const line of await benchClientPage(db, ctx)) console.log(line);
      db.sqlite.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  })();
}
