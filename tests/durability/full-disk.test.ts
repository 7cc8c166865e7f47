import { SCRIPTS } from '../helpers/paths';
import { existsSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';
import { describe, expect, it } from 'vitest';
import { CHANNELS, contract, type Channel } from '../../shared/contract';
import { openDatabase } from '../../electron/db/migrate';
import { findMigrationsFolder } from '../../electron/db/migrations-path';
import { backupDir } from '../../electron/db/backups';
import { createHandlers } from '../../electron/app';
import { createRouter } from '../../electron/router';
import { DEFAULT_ANALYTICS_SETTINGS } from '../../shared/features/analytics/settings';
import { FULL_DISK_FEATURES } from './full-disk-features';
import { emptyDatabase, tempDir } from '../helpers/db';
import { CLI, runScript } from '../helpers/child';
import { recordDurability } from '../helpers/durability';
import { english } from '../helpers/router';

const ACK_WRITER = join(SCRIPTS, 'ack-writer.ts');
const TABLES = [
  ...['clients', 'contacts', 'purchases', 'interactions', 'tasks', 'managers', 'departments', 'client_types', 'client_type_fields', 'supplier_discounts', 'settings', 'imports'],
  ...FULL_DISK_FEATURES.flatMap((f) => f.tables),
];

function dump(s: Database.Database): string {
  return JSON.stringify(TABLES.map((t) => s.prepare(`SELECT * FROM ${t} ORDER BY rowid`).all()));
}

const COMMANDS = CHANNELS.filter((c) => contract[c].kind === 'command');

/** A valid input for every write channel, against the records `seed` made: adding a write channel without one fails the test. */
function inputs(ids: Record<string, number>): Record<string, () => unknown> {
  const big = (n = 1500) => 'é'.repeat(n);
  const withId = (id: number, v: object) => ({ id, ...v });
  const client = { name: `Client ${big(150)}`, notes: big(3000) };
  const contact = { clientId: ids.client, name: `Person ${big(100)}`, level: 'owner', notes: big(3000) };
  const purchase = { clientId: ids.client, date: '2026-05-01', quantity: 3, amount: 99.5, description: big(1900) };
  const interaction = { clientId: ids.client, kind: 'call', date: '2026-05-01', summary: big(4000) };
  const task = { clientId: ids.client, title: `Call ${big(200)}`, dueDate: '2026-06-01', notes: big(4000) };
  const manager = { name: `Manager ${big(150)}` };
  const department = { name: `Dept ${big(150)}` };
  const discount = { supplier: `Supplier ${big(150)}`, thresholdQuantity: 10, discountPct: 5, listUnitCost: 3 };
  const records = (name: string, create: object, id: number) => ({
    [`${name}.create`]: () => create,
    [`${name}.update`]: () => withId(id, create),
    [`${name}.archive`]: () => ({ id }),
    [`${name}.restore`]: () => ({ id }),
  });
  return {
    'app.loadDemo': () => ({ clients: 20, seed: 3 }),
    'app.startEmpty': () => ({}),
    'settings.update': () => ({ locale: 'hu-HU', currency: 'HUF' }),
    'layouts.save': () => ({ key: 'clients', state: { columns: big(3000) } }),
    ...records('clients', client, ids.client),
    ...records('contacts', contact, ids.contact),
    ...records('purchases', purchase, ids.purchase),
    ...records('interactions', interaction, ids.interaction),
    ...records('tasks', task, ids.task),
    ...records('managers', manager, ids.manager),
    ...records('departments', department, ids.department),
    ...records('discounts', discount, ids.discount),
    'clientTypes.create': () => ({ name: `Type ${big(90)}` }),
    'clientTypes.update': () => ({ id: ids.type, name: `Type ${big(95)}` }),
    'clientTypes.archive': () => ({ id: ids.type }),
    'clientTypes.restore': () => ({ id: ids.type }),
    'clientTypes.addField': () => ({ typeId: ids.type, label: `Field ${big(80)}`, kind: 'text' }),
    'clientTypes.updateField': () => ({ id: ids.field, typeId: ids.type, label: `Field ${big(85)}`, kind: 'text' }),
    'clientTypes.archiveField': () => ({ id: ids.field }),
    'analytics.saveSettings': () => ({ ...DEFAULT_ANALYTICS_SETTINGS, classA: 0.75 }),
    'imports.saveMapping': () => ({ name: `Monthly ${big(70)}`, kind: 'purchases', fields: { [big(150)]: 'amount' } }),
    'backups.setKeep': () => ({ keep: 7 }),
  };
}

async function seed(call: (c: string, i: unknown) => Promise<any>) {
  const ok = async (c: string, i: unknown) => {
    const r = await call(c, i);
    if (!r.ok) throw new Error(`${c}: ${r.error.message}`);
    return r.value;
  };
  const department = (await ok('departments.create', { name: 'Sales' })).id;
  const manager = (await ok('managers.create', { name: 'Anna', departmentId: department })).id;
  const client = (await ok('clients.create', { name: 'Orion Kft.' })).id;
  const contact = (await ok('contacts.create', { clientId: client, name: 'Béla', level: 'owner' })).id;
  const purchase = (await ok('purchases.create', { clientId: client, date: '2026-04-01', quantity: 1, amount: 10 })).id;
  const interaction = (await ok('interactions.create', { clientId: client, kind: 'call', date: '2026-04-01', summary: 'hello' })).id;
  const task = (await ok('tasks.create', { clientId: client, title: 'Call back', dueDate: '2026-04-10' })).id;
  const discount = (await ok('discounts.create', { supplier: 'Acme', thresholdQuantity: 1, discountPct: 2, listUnitCost: 1 })).id;
  const type = (await ok('clientTypes.create', { name: 'Wholesaler' })).id;
  const field = (await ok('clientTypes.addField', { typeId: type, label: 'Area', kind: 'number' })).id;
  return { department, manager, client, contact, purchase, interaction, task, discount, type, field };
}

describe('a full disk', () => {
  it('every write channel either saves (and it is on disk) or says the disk is full and changes nothing', async () => {
    const db = emptyDatabase();
    const router = createRouter(db, createHandlers({ version: 't' }), { log: () => {} });
    const call = (c: string, i: unknown) => router.handle(c, i);
    const ids = await seed(call);
    const table = inputs(ids);
    for (const feature of FULL_DISK_FEATURES) Object.assign(table, feature.inputs(await feature.seed(call)));
    expect(Object.keys(table).sort(), 'a write channel without a full-disk input').toEqual([...COMMANDS].sort());

    // Fill every free page, then forbid growth: the file is now exactly full.
    db.sqlite.pragma(`max_page_count = ${db.sqlite.pragma('page_count', { simple: true })}`);
    const pad = db.sqlite.prepare(`INSERT INTO settings (key, value) VALUES (?, ?)`);
    for (let i = 0; ; i++) {
      try {
        pad.run(`pad.${i}`, 'p'.repeat(200));
      } catch {
        break;
      }
    }
    let acked = 0;
    let refused = 0;
    const passes = 3;
    for (let pass = 0; pass < passes; pass++) {
      for (const channel of COMMANDS as Channel[]) {
        const before = dump(db.sqlite);
        const res = await router.handle(channel, table[channel]());
        if (res.ok) {
          acked++;
          continue;
        }
        refused++;
        // Demo data refuses a base that has clients, full disk or not.
        if (channel === 'app.loadDemo' && res.error.code === 'conflict') continue;
        expect(res.error.code, `${channel}: ${english(res.error).message}`).toBe('disk_full');
        expect(english(res.error).message).toMatch(/disk is full.*not saved/i);
        expect(dump(db.sqlite), `${channel} changed data although it failed`).toBe(before);
      }
    }
    expect(refused).toBeGreaterThan(COMMANDS.length);

    // The importer, through its job, with the same full file.
    const csv = join(tempDir(), 'lines.csv');
    writeFileSync(csv, 'client;date;amount;product\n' + Array.from({ length: 3000 }, (_, i) => `Orion Kft.;2026-05-${String((i % 28) + 1).padStart(2, '0')};${i},50;${'z'.repeat(80)}\n`).join(''));
    const handlers = createHandlers({ version: 't', platform: { chooseImportFile: async () => csv } });
    const importRouter = createRouter(db, handlers, { log: () => {} });
    await importRouter.handle('imports.pickFile', {});
    const beforeImport = dump(db.sqlite);
    const started = await importRouter.handle('imports.start', { task: 'commit', spec: { path: csv, kind: 'purchases' } });
    expect(started.ok).toBe(true);
    const jobId = (started as { value: { jobId: string } }).value.jobId;
    let state: any;
    await expect.poll(async () => (state = ((await importRouter.handle('jobs.status', { jobId })) as any).value).state).not.toBe('running');
    expect(state).toMatchObject({ state: 'failed', error: { code: 'disk_full' } });
    expect(dump(db.sqlite)).toBe(beforeImport);

    const inConnection = dump(db.sqlite);
    db.sqlite.close();
    const reopened = new Database(db.path, { readonly: true });
    expect(dump(reopened)).toBe(inConnection);
    expect(reopened.pragma('integrity_check', { simple: true })).toBe('ok');
    reopened.close();
    recordDurability({ suite: 'full disk (max_page_count), every write channel', trials: passes * COMMANDS.length + 1, faults: refused + 1, acked, lost: 0 });
  });

  it('a write that fails at commit (a short write on a full disk) is never answered as saved', async () => {
    const dir = tempDir();
    const path = join(dir, 'small.db');
    openDatabase(path, findMigrationsFolder()).sqlite.close();
    const limitKb = Math.ceil(statSync(path).size / 1024) + 96;
    const p = runScript(ACK_WRITER, [path, '300'], { fileSizeKb: limitKb });
    const { code } = await p.exit;
    expect(code, p.stderr()).toBe(0);
    const lines = p.stdout().trim().split('\n');
    const acks = lines.filter((l) => l.startsWith('ack '));
    const fails = lines.filter((l) => l.startsWith('fail '));
    expect(fails.length, 'the file size limit never bit').toBeGreaterThan(0);
    expect(new Set(fails.map((l) => l.split(' ')[1]))).toEqual(new Set(['disk_full']));
    const s = new Database(path, { readonly: true });
    const clientIds = new Set((s.prepare(`SELECT id FROM clients`).all() as { id: number }[]).map((r) => r.id));
    const purchaseIds = new Set((s.prepare(`SELECT id FROM purchases`).all() as { id: number }[]).map((r) => r.id));
    s.close();
    const ackedClients = acks.filter((l) => l.startsWith('ack clients')).map((l) => Number(l.split(' ')[2]));
    const ackedPurchases = acks.filter((l) => l.startsWith('ack purchases')).map((l) => Number(l.split(' ')[2]));
    const lost = ackedClients.filter((id) => !clientIds.has(id)).length + ackedPurchases.filter((id) => !purchaseIds.has(id)).length;
    expect(lost).toBe(0);
    // Nothing on disk that was not acknowledged either.
    expect(clientIds.size).toBe(ackedClients.length);
    expect(purchaseIds.size).toBe(ackedPurchases.length);
    recordDurability({ suite: 'full disk (file size limit), commit-time failure', trials: 1, faults: fails.length, acked: acks.length, lost });
  });

  it('an import on a full disk fails with a clear message and changes nothing; a backup that cannot finish leaves no partial file', async () => {
    const dir = tempDir();
    const path = join(dir, 'imp.db');
    const db = openDatabase(path, findMigrationsFolder());
    db.sqlite.prepare(`INSERT INTO clients (name, code) VALUES ('Orion Kft.', 'C1')`).run();
    db.sqlite.close();
    const csv = join(dir, 'big.csv');
    writeFileSync(csv, 'client;date;amount;product\n' + Array.from({ length: 20000 }, (_, i) => `C1;2026-05-${String((i % 28) + 1).padStart(2, '0')};${i},50;${'z'.repeat(60)}${i}\n`).join(''));
    const fingerprint = () => {
      const s = new Database(path, { readonly: true });
      const d = dump(s);
      s.close();
      return d;
    };
    const before = fingerprint();
    const limitKb = Math.ceil(statSync(path).size / 1024) + 256;
    const imp = runScript(CLI, ['import', 'purchases', csv, '--db', path], { fileSizeKb: limitKb });
    const res = await imp.exit;
    expect(res.code).toBe(1);
    expect(imp.stderr()).toMatch(/disk is full/i);
    expect(fingerprint()).toBe(before);

    // A backup bigger than the limit: refused, and nothing half-written stays behind.
    const b = runScript(CLI, ['backup', 'create', '--db', path], { fileSizeKb: 8 });
    expect((await b.exit).code).toBe(1);
    expect(b.stderr()).toMatch(/disk is full|not saved|could not/i);
    const leftovers = existsSync(backupDir(path)) ? readdirSync(backupDir(path)).filter((n) => n.includes('.partial')) : [];
    expect(leftovers).toEqual([]);
    expect(fingerprint()).toBe(before);
    recordDurability({ suite: 'full disk, import and backup', trials: 2, faults: 2, acked: 0, lost: 0 });
  });
});
