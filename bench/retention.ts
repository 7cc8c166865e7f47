import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Db } from '../electron/db/connection';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { purchaseStore, stopAnalyticsHost, warmUp } from '../electron/features/analytics';
import { act } from '../electron/features/retention/actions';
import { computeBase, computeModel } from '../electron/features/retention/dormancy';
import { classesBySlot } from '../electron/features/retention/facts';
import { fitInput } from '../electron/features/retention/fits';
import { buildHistory } from '../electron/features/retention/history';
import { today, todayCount, todayGatherer } from '../electron/features/retention/today';
import { dormancyRows, dormancyState, gridValues } from '../electron/features/retention/views';
import { workerTaskRunner } from '../electron/jobs/worker-runner';
import { fitBgnbd } from '../shared/features/retention/bgnbd';
import { addDays } from '../shared/kernel/dates';
import { simulate } from '../tests/features/retention/simulate';
import { fmt, median, time, type BenchContext } from './common';

const WORKER = resolve(__dirname, '..', 'out', 'main', 'worker.js');
async function timed<T>(f: () => Promise<T>): Promise<[T, number]> {
  const t = performance.now();
  const v = await f();
  return [v, performance.now() - t];
}
async function repeat(n: number, f: () => Promise<unknown>): Promise<number[]> {
  const out: number[] = [];
  for (let i = 0; i < n; i++) out.push((await timed(f))[1]);
  return out;
}

const quiet = { onProgress: () => {}, isCancelled: () => false, cancelled: new Promise<void>(() => {}) };

/**
 * Dormancy, the BG/NBD fit and Today at the large end. "Warm" means the
 * analytics store is loaded (the screens' normal state); each figure is the
 * median of several runs with a different date, so no memo answers it.
 */
export async function benchRetention(db: Db, ctx: BenchContext): Promise<string[]> {
  const s = purchaseStore(db);
  const n = `${fmt(s.clientCount)} clients, ${fmt(s.size)} lines`;
  const dates = Array.from({ length: 7 }, (_, i) => addDays(ctx.asOf, -i));
  const history = median(Array.from({ length: 3 }, () => time(() => buildHistory(s))[1]));
  const base = median(dates.map((d) => time(() => computeBase(s, d, 3))[1]));
  const b = computeBase(s, ctx.asOf, 3);
  const st = dormancyState(db, ctx.asOf);
  const input = fitInput(b);
  const [fit, fitMs] = time(() => fitBgnbd(input));
  const model = median(dates.slice(0, 3).map(() => time(() => computeModel(b, fit.params ?? { r: 0.5, alpha: 5, a: 0.8, b: 2.5 }, 90))[1]));
  const grid = median(dates.map((d) => time(() => gridValues(db, d))[1]));
  classesBySlot(db, s, ctx.asOf);
  const list = median(Array.from({ length: 5 }, () => time(() => dormancyRows(db, st, { dormantOnly: true }))[1]));
  const dormant = dormancyRows(db, st, { dormantOnly: true }).length;
  const [, todayCold] = await timed(() => today(db, addDays(ctx.asOf, -30)));
  await today(db, ctx.asOf);
  const todayWarm = median(await repeat(7, () => today(db, ctx.asOf)));
  const countWarm = median(await repeat(7, () => todayCount(db, ctx.asOf)));
  const t = await today(db, ctx.asOf);
  // After a write (here a snooze, as the Today screen makes): every list is gathered again, the store and class report stay warm.
  const keys = [...t.groups.birthdays.items, ...t.groups.anniversaries.items].slice(0, 5).map((i) => i.key);
  const afterWrite: number[] = [];
  for (const key of keys) {
    db.sqlite.transaction(() => act(db, { key, action: 'snooze', date: null, note: null, asOf: ctx.asOf })).immediate();
    afterWrite.push((await timed(() => today(db, ctx.asOf)))[1]);
  }
  const lines = [
    `retention history    ${history.toFixed(1)} ms once per store change: day entries for every client (${n})`,
    `dormancy + rhythm    ${base.toFixed(1)} ms warm for all clients (median of 7 dates); ${(history + base).toFixed(1)} ms with the history rebuilt`,
    `P(alive)+expected    ${model.toFixed(1)} ms for ${fmt(input.x.length)} clients (2F1 series per client)`,
    `grid values          ${grid.toFixed(1)} ms warm (rule for every client, a new date each time)`,
    `call list            ${list.toFixed(1)} ms warm (${fmt(dormant)} dormant clients ranked by value at risk)`,
    `BG/NBD fit           ${fitMs.toFixed(0)} ms in this thread on ${fmt(fit.clients)} clients, ${fmt(fit.repeatOccasions)} repeat occasions: ${fit.status}, ${fit.evaluations} evaluations${fit.params ? ` (r ${fit.params.r.toFixed(3)}, α ${fit.params.alpha.toFixed(2)}, a ${fit.params.a.toFixed(3)}, b ${fit.params.b.toFixed(1)})` : ''}`,
  ];
  if (existsSync(WORKER)) {
    const runner = workerTaskRunner(WORKER);
    // As the app does it: a new day's lists gathered by the analytics host; what main itself spends is the figure that matters.
    const via = todayGatherer({ runTask: runner });
    await warmUp(db, { runTask: runner });
    const h = monitorEventLoopDelay({ resolution: 10 });
    const elu = performance.eventLoopUtilization();
    h.enable();
    const [, hostCold] = await timed(() => today(db, addDays(ctx.asOf, -60), undefined, via));
    h.disable();
    const busy = performance.eventLoopUtilization(elu);
    stopAnalyticsHost(db);
    lines.push(`today cold, host     ${hostCold.toFixed(0)} ms wall (lists gathered in the analytics host); main busy ${(busy.active).toFixed(0)} ms of it, longest stall ${(h.max / 1e6).toFixed(0)} ms`);
    const started = performance.now();
    const r = await runner(db, 'retention.fit', { mark: st.mark, asOf: ctx.asOf, ...input }, quiet);
    lines.push(`BG/NBD fit, worker   ${(performance.now() - started).toFixed(0)} ms wall (worker start, fit ${r.millis.toFixed(0)} ms, row written) — off the main process`);
  }
  const sim = simulate({ r: 0.8, alpha: 6, a: 0.6, b: 3 }, s.clientCount, 5, 156);
  const [simFit, simMs] = time(() => fitBgnbd(sim));
  lines.push(`BG/NBD fit, BG/NBD-like data ${simMs.toFixed(0)} ms on ${fmt(simFit.clients)} simulated clients: ${simFit.status}, ${simFit.evaluations} evaluations`);
  lines.push(`today                ${todayWarm.toFixed(1)} ms warm (${fmt(t.count)} items: ${Object.entries(t.groups).map(([g, v]) => `${g} ${fmt(v.total)}`).join(', ')}); ${todayCold.toFixed(0)} ms cold (a new date: class report and contexts)`);
  lines.push(`today after a write  ${median(afterWrite).toFixed(1)} ms (median of ${keys.length} snoozes, each followed by Today)`);
  lines.push(`today badge count    ${countWarm.toFixed(1)} ms warm`);
  return lines;
}
