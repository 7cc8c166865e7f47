import { addDays, toIsoDate } from '../../../../shared/kernel/dates';
import type { DemoSummary } from '../../../../shared/features/settings/types';
import type { Db } from '../../../db/connection';
import { bulkInserter, clientTypesRepo, ensureDefaultClientTypes, fieldsRepo } from '../../accounts';
import { tableCount } from '../../../db/transaction';
import { AppError } from '../../../errors';
import { shippedLanguage, translate } from '../../../i18n';
import type { Language } from '../../../../shared/i18n';
import { getSettings } from '../service';
import * as N from './names';
import { rng, type Rng } from './random';

export interface DemoOptions {
  clients?: number;
  /** Total purchase lines; defaults to 50 per client. */
  purchases?: number;
  seed?: number;
  /** The "today" of the generated history (ISO date). */
  asOf?: string;
  /** Share of the last 12 months' revenue given to the biggest client. */
  topShare?: number;
  onProgress?: (done: number, total: number) => void;
  /** Other features' demo data (dossiers, recovery cases…), added after the base in the same transaction. */
  seeds?: readonly DemoSeed[];
}

/**
 * A feature's part of the demo: it reads the base just written and adds its
 * own rows. Each gets its own random stream (from the seed and its name), so
 * adding one feature's seed never changes another's data.
 */
export interface DemoSeed {
  name: string;
  /** `lang`: the language saved in settings (English before one is chosen); every fixed text the seed writes is in it. */
  seed(db: Db, ctx: { rng: Rng; asOf: string; clients: number; lang: Language }): void;
}

function seedOf(seed: number, name: string): number {
  let h = seed >>> 0;
  for (const ch of name) h = Math.imul(h ^ ch.charCodeAt(0), 16777619) >>> 0;
  return h;
}

const HISTORY_DAYS = 3 * 365;
/** Up to this many clients the flags (reputation, innovator…) keep their rates; above it their counts stay flat. */
const FLAGGED_BASE = 1000;
const LEVELS = ['owner', 'executive', 'finance', 'purchasing', 'staff'] as const;

type Fate = 'steady' | 'quiet' | 'lost';

interface PlannedClient {
  weight: number;
  fate: Fate;
  startDay: number; // days after history start
  endDay: number;
  lines: number;
}

function planClients(r: Rng, n: number, totalLines: number, topShare: number): PlannedClient[] {
  // Zipf-like weights give the Pareto spread; client 0 is then lifted to `topShare`.
  const plans: PlannedClient[] = [];
  for (let i = 0; i < n; i++) {
    const weight = (1 / Math.pow(i + 1, 1.05)) * r.noise(0.25);
    const fate: Fate = i === 0 || i < n * 0.05 ? 'steady' : r.chance(0.06) ? 'lost' : r.chance(0.12) ? 'quiet' : 'steady';
    const startDay = i === 0 ? 0 : r.chance(0.6) ? r.int(0, 60) : r.int(0, HISTORY_DAYS - 200);
    const endDay = fate === 'lost' ? HISTORY_DAYS - r.int(400, 700) : fate === 'quiet' ? HISTORY_DAYS - r.int(120, 300) : HISTORY_DAYS - r.int(0, 20);
    plans.push({ weight, fate, startDay: Math.min(startDay, Math.max(0, endDay - 30)), endDay, lines: 0 });
  }
  // Weights are yearly revenue rates. The top client buys over the whole history, so its
  // share of the last 12 months is its rate over the others' revenue in that window.
  const windowStart = HISTORY_DAYS - 365;
  const overlap = (p: PlannedClient) => Math.max(0, p.endDay - Math.max(p.startDay, windowStart)) / 365;
  const rest = plans.slice(1).reduce((s, p) => s + p.weight * overlap(p), 0);
  if (n > 1) plans[0].weight = (topShare / (1 - topShare)) * rest;
  // Lines grow slower than revenue: big clients buy more often and in bigger orders.
  const pull = plans.map((p) => Math.pow(p.weight, 0.55));
  const pullSum = pull.reduce((a, b) => a + b, 0);
  let assigned = 0;
  plans.forEach((p, i) => {
    p.lines = Math.max(1, Math.floor((pull[i] / pullSum) * totalLines));
    assigned += p.lines;
  });
  for (let i = 0; assigned < totalLines; i = (i + 1) % n, assigned++) plans[i].lines++;
  return plans;
}

/**
 * The indexes of the tables the demo fills by the hundred thousand. Updating
 * an index row by row costs a random B-tree write per row once it outgrows
 * the page cache, which is what made 200,000 clients take six times as long
 * as 50,000; one sorted build at the end grows linearly (n log n, in practice).
 */
function bulkIndexes(db: Db): { name: string; sql: string }[] {
  return db.sqlite
    .prepare(`SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL AND tbl_name IN ('purchases', 'contacts', 'interactions', 'tasks')`)
    .all() as { name: string; sql: string }[];
}

/** A deterministic, believable client base: same seed and asOf, same database. */
export function generateDemo(db: Db, opts: DemoOptions = {}): DemoSummary {
  const started = performance.now();
  const nClients = opts.clients ?? 200;
  const totalLines = opts.purchases ?? nClients * 50;
  const asOf = opts.asOf ?? toIsoDate(new Date());
  const r = rng(opts.seed ?? 42);
  if (tableCount(db, 'clients') > 0) {
    throw new AppError('conflict', 'settings:errors.demoNeedsEmpty');
  }
  // Fixed texts are written in the saved language; client and people names stay as they are.
  const lang = shippedLanguage(getSettings(db).language);
  const t = (key: string) => translate(lang, key);
  // Translated once, not per row: the purchase loop runs millions of times. Same lists, same order, so the same draws.
  const [hobbies, food, family, products] = [N.HOBBIES, N.FOOD, N.FAMILY, N.PRODUCTS].map((keys) => keys.map(t));
  ensureDefaultClientTypes(db, lang);
  const ins = bulkInserter(db);
  // By key, not by the (translated) name: the same seed draws the same types in every language (and English keeps its old order).
  const types = clientTypesRepo.list(db, {}).sort((x, y) => (x.key < y.key ? -1 : x.key > y.key ? 1 : x.id - y.id));
  const fields = fieldsRepo.list(db, {});
  const historyStart = addDays(asOf, -HISTORY_DAYS);
  const dayIso: string[] = Array.from({ length: HISTORY_DAYS + 1 }, (_, d) => addDays(historyStart, d));
  const plans = planClients(r, nClients, totalLines, opts.topShare ?? 0.35);
  const totalWeight = plans.reduce((s, p) => s + p.weight, 0);
  // Yearly revenue ≈ 2,000 per client on average.
  const revenuePerWeight = (nClients * 2000) / totalWeight;
  // People flag the clients they know: a few dozen, not one in eight of 50,000 (same draws, so a small base is unchanged).
  const flagScale = Math.min(1, FLAGGED_BASE / nClients);
  let contacts = 0;
  let lines = 0;

  withoutForeignKeys(db, () => db.sqlite.transaction(() => {
    const rebuild = bulkIndexes(db);
    for (const ix of rebuild) db.sqlite.exec(`DROP INDEX "${ix.name}"`);
    const deptIds = N.DEPARTMENTS.map((d) => Number(ins.department.run(t(d)).lastInsertRowid));
    const managerIds = N.MANAGERS.map((m, i) =>
      Number(ins.manager.run(m, `${m.split(' ')[0].toLowerCase()}@rapport.example`, deptIds[i % deptIds.length]).lastInsertRowid),
    );
    const clientIds: number[] = [];
    for (let i = 0; i < nClients; i++) {
      const plan = plans[i];
      const c = r.pick(N.COUNTRIES);
      const type = r.pick(types);
      const profile: Record<string, unknown> = {};
      for (const f of fields.filter((x) => x.typeId === type.id)) {
        if (f.kind === 'number') profile[f.key] = r.int(1, 40) * 50;
        else if (f.kind === 'select') profile[f.key] = r.pick(f.options);
        else if (f.kind === 'list') profile[f.key] = [r.pick(N.COMPANY_WORDS), r.pick(N.COMPANY_WORDS)];
        else if (f.kind === 'boolean') profile[f.key] = r.chance(0.5);
        else profile[f.key] = t(r.chance(0.5) ? N.EXPANSION[0] : N.EXPANSION[1]);
      }
      const yearly = plan.weight * revenuePerWeight;
      const id = Number(
        ins.client.run({
          code: `C${String(i + 1).padStart(6, '0')}`,
          name: `${r.pick(N.COMPANY_WORDS)} ${r.pick(N.COMPANY_TRADES)} ${i + 1} ${c.suffix}`,
          typeId: type.id,
          status: plan.fate === 'lost' ? 'lost' : 'active',
          managerId: r.pick(managerIds),
          departmentId: null,
          country: c.country,
          city: r.pick(c.city),
          email: `office@client${i + 1}.example`,
          phone: `+${r.int(30, 380)} ${r.int(100, 999)} ${r.int(1000, 9999)}`,
          potentialAnnual: Math.round(yearly * (1 + r.next() * 4)),
          reputation: r.chance(0.05 * flagScale) ? 1 : 0,
          innovator: r.chance(0.025 * flagScale) ? 1 : 0,
          demanding: r.chance(0.05 * flagScale) ? 1 : 0,
          keyPotential: r.chance(0.01 * flagScale) ? 1 : 0,
          referredById: clientIds.length > 10 && r.chance(0.1) ? r.pick(clientIds) : null,
          source: ((s) => (s === null ? null : t(s)))(r.pick([...N.SOURCES, null])),
          profile: JSON.stringify(profile),
        }).lastInsertRowid,
      );
      clientIds.push(id);

      // Contacts: a key account known through one person only is a risk, so some are single-threaded.
      const nContacts = i < 3 ? 5 : r.chance(0.3) ? 1 : r.int(1, 5);
      let boss: number | null = null;
      for (let k = 0; k < nContacts; k++) {
        const level = LEVELS[Math.min(k, LEVELS.length - 1)];
        const year = r.int(1955, 1998);
        const contactId: number = Number(
          ins.contact.run({
            clientId: id,
            name: `${r.pick(c.first)} ${r.pick(c.last)}`,
            level,
            role: t(r.pick(N.ROLES[level])),
            reportsToId: boss,
            birthday: r.chance(0.15) ? `--${String(r.int(1, 12)).padStart(2, '0')}-${String(r.int(1, 28)).padStart(2, '0')}` : `${year}-${String(r.int(1, 12)).padStart(2, '0')}-${String(r.int(1, 28)).padStart(2, '0')}`,
            family: r.pick(family),
            hobbies: r.pick(hobbies),
            foodPreferences: r.pick(food),
            preferredChannel: r.pick(['phone', 'email', 'visit', 'messenger']),
            language: c.language,
            email: `contact${k + 1}@client${i + 1}.example`,
            phone: null,
          }).lastInsertRowid,
        );
        if (k === 0) boss = contactId;
        contacts++;
        if (k === 0 && (i < 50 || r.chance(0.05))) {
          for (let v = 0, nv = r.int(1, 4); v < nv; v++) {
            const day = r.int(Math.max(plan.startDay, plan.endDay - 365), plan.endDay);
            ins.interaction.run(id, contactId, r.pick(['call', 'visit', 'meeting', 'email', 'lunch']), dayIso[day], t(r.pick(N.INTERACTION_SUMMARIES)), ((o) => (o === null ? null : t(o)))(r.pick(N.OUTCOMES)));
          }
          if (r.chance(0.5)) ins.task.run(id, contactId, t(r.pick(N.TASK_TITLES)), addDays(asOf, r.int(-10, 30)), null);
        }
      }

      const span = plan.endDay - plan.startDay;
      const perLine = (plan.weight * revenuePerWeight * Math.max(span, 1)) / 365 / plan.lines;
      for (let k = 0; k < plan.lines; k++) {
        const day = plan.lines === 1 ? plan.endDay : plan.startDay + Math.floor((span * k) / (plan.lines - 1));
        const quantity = r.chance(0.01) ? -r.int(1, 3) : r.int(1, 20);
        const amount = Math.round(Math.abs(perLine) * r.noise() * 100) / 100 * Math.sign(quantity);
        ins.purchase.run(id, dayIso[day], `INV-${i + 1}-${k + 1}`, r.pick(products), quantity, Math.round((amount / quantity) * 100) / 100, amount, null);
        lines++;
        if (opts.onProgress && lines % 50_000 === 0) opts.onProgress(lines, totalLines);
      }
    }
    // Built once from sorted keys instead of updated a row at a time, before the other features' seeds read the base.
    for (const ix of rebuild) db.sqlite.exec(ix.sql);
    for (const s of opts.seeds ?? []) s.seed(db, { rng: rng(seedOf(opts.seed ?? 42, s.name)), asOf, clients: nClients, lang });
  })());
  opts.onProgress?.(lines, totalLines);
  return { clients: nClients, contacts, purchases: lines, seconds: (performance.now() - started) / 1000 };
}

/** Foreign-key checks off around `fn` (they cannot change inside a transaction): every id the demo writes was just made. */
function withoutForeignKeys<T>(db: Db, fn: () => T): T {
  const before = db.sqlite.pragma('foreign_keys', { simple: true }) as number;
  db.sqlite.pragma('foreign_keys = OFF');
  try {
    return fn();
  } finally {
    db.sqlite.pragma(`foreign_keys = ${before ? 'ON' : 'OFF'}`);
  }
}
