/**
 * Encryption's cost, measured side by side on the same build (one SQLite
 * library, the same pragmas; only the key differs): the 1M-line CSV import,
 * each run in its own process, and the clients grid query over the same
 * base plain and encrypted. Then converting that base in place, and erasing
 * and exporting one person in it.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase } from '../electron/db/migrate';
import { findMigrationsFolder } from '../electron/db/migrations-path';
import type { Db } from '../electron/db/connection';
import { listClientRows } from '../electron/features/accounts';
import { generateDemo } from '../electron/features/settings';
import { commitImport, loadTable } from '../electron/features/import/service';
import { encryptInPlace } from '../electron/features/privacy/encrypt';
import { newKey } from '../electron/features/privacy/keys';
import { writePersonExport } from '../electron/features/privacy/person-export';
import { eraseAndScrub } from '../electron/features/privacy/service';
import { jobRegistry } from '../electron/jobs/registry';
import { runTaskHere } from '../electron/jobs/tasks';
import { importSpec } from '../shared/features/import/types';
import { fmt, median, time, type BenchContext } from './common';

/** The import bench's file: 1,000,000 lines, decimal commas, dd.mm.yyyy, 20,000 client codes. */
function csvFile(path: string, lines: number): void {
  const out: string[] = ['Ügyfél;Dátum;Számla;Termék;Mennyiség;Egységár;Összeg;Pénznem'];
  for (let i = 0; i < lines; i++) {
    const q = 1 + (i % 7);
    const d = `${String(1 + (i % 28)).padStart(2, '0')}.${String(1 + (i % 12)).padStart(2, '0')}.2024`;
    out.push(`C${String(i % 20_000).padStart(5, '0')};${d};INV-${i};P${i % 300};${q};12,50;${(q * 12.5).toFixed(2).replace('.', ',')};EUR`);
  }
  writeFileSync(path, out.join('\n') + '\n');
}

/** One import, in this (child) process, into a fresh database, with or without a key: prints "ms rows". */
async function child(csv: string, dbFile: string, key: string): Promise<void> {
  const db = openDatabase(dbFile, findMigrationsFolder(), key ? { key } : {});
  const t = performance.now();
  const spec = importSpec.parse({ path: csv, kind: 'purchases' });
  const rows = commitImport(db, await loadTable(db, spec), spec).added;
  const ms = performance.now() - t;
  db.sqlite.close();
  const u = process.resourceUsage();
  process.stdout.write(`${ms} ${rows} ${(u.userCPUTime + u.systemCPUTime) / 1000}`);
}

function importOnce(csv: string, dbFile: string, key: string): { ms: number; rows: number; cpuMs: number; rssMb: number } {
  const res = spawnSync(process.execPath, ['--import', 'tsx', __filename, 'child', csv, dbFile, key], { encoding: 'utf8' });
  if (res.status !== 0) throw new Error(`privacy import benchmark failed: ${res.stderr}`);
  const [ms, rows, cpuMs] = res.stdout.trim().split(' ').map(Number);
  return { ms, rows, cpuMs, rssMb: Number(/maxrss (\d+)/.exec(res.stderr)?.[1] ?? NaN) / 1024 };
}

const pct = (enc: number, plain: number) => `${enc >= plain ? '+' : ''}${fmt((100 * (enc - plain)) / plain, 1)}%`;

/** Counts and sums over every purchase line and client: what a conversion must keep exactly. */
const checksum = (db: Db) =>
  JSON.stringify(db.sqlite.prepare(`SELECT (SELECT count(*) FROM purchases) n, (SELECT total(id) FROM purchases) ids, (SELECT total(amount) FROM purchases) amount, (SELECT count(*) FROM clients) clients, (SELECT count(*) FROM contacts) contacts`).get());

export async function benchPrivacy(db: Db, ctx: BenchContext): Promise<string[]> {
  const dir = mkdtempSync(join(tmpdir(), 'rapport-bench-privacy-'));
  const lines: string[] = [];
  try {
    // 1. Converting the generated base in place (a copy of it: the other benchmarks keep the plain one).
    db.sqlite.pragma('wal_checkpoint(TRUNCATE)');
    const file = join(dir, 'convert.db');
    copyFileSync(db.path, file);
    const plainBytes = statSync(file).size;
    const enc = openDatabase(file, findMigrationsFolder());
    const before = checksum(enc);
    const key = newKey();
    const phases = new Map<string, number>();
    let last = performance.now();
    let phase = 'start';
    const started = performance.now();
    const cpu0 = process.cpuUsage();
    await new Promise<void>((resolve, reject) =>
      jobRegistry().start(async (ctl) => {
        try {
          await encryptInPlace(enc, key, { ...ctl, onProgress: (p) => {
            if (p.phase !== phase) {
              const now = performance.now();
              phases.set(phase, (phases.get(phase) ?? 0) + now - last);
              (last = now), (phase = p.phase);
            }
          } }, { runTask: runTaskHere, keep: 10 });
          resolve();
        } catch (err) {
          reject(err);
        }
      }, 'backup'),
    );
    const convertMs = performance.now() - started;
    const convertCpu = process.cpuUsage(cpu0);
    phases.set(phase, (phases.get(phase) ?? 0) + performance.now() - last);
    const same = checksum(enc) === before;
    lines.push(
      `encrypt in place     ${fmt(convertMs / 1000, 2)} s (CPU ${fmt((convertCpu.user + convertCpu.system) / 1e6, 2)} s)   (${fmt(ctx.purchases)} purchase lines, ${fmt(plainBytes / 1e6, 1)} MB; encrypted backup ${fmt((phases.get('backing-up') ?? 0) / 1000, 2)} s, verify + copy ${fmt((phases.get('checking') ?? 0) / 1000, 2)} s, swap and the rest ${fmt(((phases.get('start') ?? 0) + (phases.get('writing') ?? 0)) / 1000, 2)} s; every row kept: ${same ? 'yes' : 'NO'}; target 15 s)`,
    );

    // 2. The clients grid over the same base, plain and encrypted, alternating.
    listClientRows(db, { asOf: ctx.asOf });
    listClientRows(enc, { asOf: ctx.asOf });
    const plainMs: number[] = [];
    const encMs: number[] = [];
    for (let i = 0; i < 5; i++) {
      plainMs.push(time(() => listClientRows(db, { asOf: ctx.asOf }))[1]);
      encMs.push(time(() => listClientRows(enc, { asOf: ctx.asOf }))[1]);
    }
    lines.push(`grid, plain vs enc   ${fmt(median(plainMs))} ms plain, ${fmt(median(encMs))} ms encrypted (${pct(median(encMs), median(plainMs))}; warm, median of 5 alternating runs over ${fmt(ctx.clients)} clients; target ≤ +10%)`);

    // 3. Erasing and exporting one person in the encrypted million-line base.
    const person = enc.sqlite.prepare(`SELECT id FROM contacts ORDER BY id DESC LIMIT 1`).pluck().get() as number;
    const [, exportMs] = await (async () => {
      const t = performance.now();
      await writePersonExport(enc, person, join(dir, 'person.json'));
      return [null, performance.now() - t] as const;
    })();
    const [report, eraseMs] = time(() => eraseAndScrub(enc, { kind: 'contact', id: person }));
    lines.push(`person export        ${fmt(exportMs)} ms   (JSON + .xlsx of one contact, mentions searched over ${fmt(ctx.clients)} clients' text)`);
    lines.push(`person erase         ${fmt(eraseMs)} ms   (one contact: ${report.redacted.length} records rewritten, WAL checkpointed; scans interactions, tasks, contacts, clients, import history)`);
    enc.sqlite.close();

    // 4. The 1M-line CSV import, plain and encrypted, each in its own process (ABBA order against drift).
    const csv = join(dir, 'purchases.csv');
    csvFile(csv, 1_000_000);
    const runs = { plain: [] as ReturnType<typeof importOnce>[], enc: [] as ReturnType<typeof importOnce>[] };
    // Interleaved, three each; the fastest run of each is the figure (this machine is shared: slower runs are other load).
    for (const [i, which] of (['plain', 'enc', 'enc', 'plain', 'plain', 'enc'] as const).entries()) {
      runs[which].push(importOnce(csv, join(dir, `import-${i}.db`), which === 'enc' ? newKey() : ''));
      rmSync(join(dir, `import-${i}.db`), { force: true });
    }
    const ms = (r: ReturnType<typeof importOnce>[]) => Math.min(...r.map((x) => x.ms));
    const rss = (r: ReturnType<typeof importOnce>[]) => Math.max(...r.map((x) => x.rssMb));
    const cpu = (r: ReturnType<typeof importOnce>[]) => Math.min(...r.map((x) => x.cpuMs));
    lines.push(
      `CSV import, plain vs enc  ${fmt(ms(runs.plain) / 1000, 2)} s plain, ${fmt(ms(runs.enc) / 1000, 2)} s encrypted (${pct(ms(runs.enc), ms(runs.plain))}; CPU ${fmt(cpu(runs.plain) / 1000, 2)} s vs ${fmt(cpu(runs.enc) / 1000, 2)} s, ${pct(cpu(runs.enc), cpu(runs.plain))}; ${fmt(runs.enc[0].rows)} purchase lines, fastest of 3 each in fresh processes, runs ${runs.plain.map((r) => fmt(r.ms / 1000, 2)).join('/')} and ${runs.enc.map((r) => fmt(r.ms / 1000, 2)).join('/')} s; peak ${fmt(rss(runs.plain))} / ${fmt(rss(runs.enc))} MB RSS; target ≤ +10%)`,
    );
    return lines;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[2] === 'child') {
  void child(process.argv[3], process.argv[4], process.argv[5] ?? '').then(() => process.stderr.write(`maxrss ${process.resourceUsage().maxRSS}\n`));
} else if (require.main === module) {
  // Alone: `npx tsx bench/privacy.ts [clients] [purchases]` on a base of its own.
  const [clients = 50_000, purchases = 1_000_000] = process.argv.slice(2).map(Number);
  const dir = mkdtempSync(join(tmpdir(), 'rapport-bench-privacy-base-'));
  const db = openDatabase(join(dir, 'bench.db'), findMigrationsFolder());
  generateDemo(db, { clients, purchases, seed: 1, asOf: '2026-06-30' });
  void benchPrivacy(db, { asOf: '2026-06-30', clients, purchases })
    .then((lines) => console.log(lines.join('\n')))
    .finally(() => (db.sqlite.close(), rmSync(dir, { recursive: true, force: true })));
}
