import { CLI_SOURCE, SHARED_DATA } from '../../helpers/paths';
import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { run } from '../../../electron/cli/index';
import { openDatabase } from '../../../electron/db/migrate';
import { findMigrationsFolder } from '../../../electron/db/migrations-path';
import { Cancelled } from '../../../electron/errors';
import { commitImport, listImports, loadTable, undoImport } from '../../../electron/features/import/service';
import { clientsService } from '../../../electron/features/accounts/clients';
import { purchaseStore } from '../../../electron/features/analytics/store';
import { importSpec } from '../../../shared/features/import/types';
import { clientCreate } from '../../../shared/features/accounts/schemas';
import { emptyDatabase, tempDir } from '../../helpers/db';
import { writeCsv } from '../../helpers/fixtures';
import { commit, counts, reasonInEnglish, storedLines } from '../../helpers/importing';

const CDNOW = join(SHARED_DATA, 'cdnow');

const newClient = (db: ReturnType<typeof emptyDatabase>, v: Record<string, unknown>) => clientsService.create(db, clientCreate.parse(v)).id;

/** Net revenue as the analytics store holds it: live lines only. */
function storeRevenue(db: ReturnType<typeof emptyDatabase>): { lines: number; amount: number } {
  const s = purchaseStore(db);
  let lines = 0;
  let amount = 0;
  for (let i = 0; i < s.size; i++) if (s.pAlive[i]) (lines++, (amount += s.pAmount[i]));
  return { lines, amount };
}

describe('matching purchase lines to clients', () => {
  it('by code, tax id, e-mail (any case) or exact name; unknown ones created or reported', async () => {
    const db = emptyDatabase();
    const a = newClient(db, { name: 'Alpha Kft', code: 'A-1' });
    const b = newClient(db, { name: 'Beta SA', taxId: 'FR123' });
    const c = newClient(db, { name: 'Gamma UAB', email: 'buy@gamma.lt' });
    const d = newClient(db, { name: 'Delta' });
    const text = 'Client,Date,Amount\nA-1,2024-01-02,10\nFR123,2024-01-02,20\nBUY@GAMMA.LT,2024-01-02,30\nDelta,2024-01-02,40\nNew Co,2024-01-02,50\n';
    const path = writeCsv(tempDir(), 'p.csv', text);
    const refused = await commit(db, { path, kind: 'purchases', createClients: false });
    expect(refused).toMatchObject({ added: 4, rejected: 1, unknownClients: 1, clientsCreated: 0 });
    expect(refused.reasons.map(reasonInEnglish)).toEqual([{ reason: 'client not found (add it first, or let the import create unknown clients)', count: 1, lines: [6] }]);
    const ids = db.sqlite.prepare('SELECT client_id AS id FROM purchases ORDER BY id').all().map((r: any) => r.id);
    expect(ids).toEqual([a, b, c, d]);
    const created = await commit(db, { path, kind: 'purchases' });
    // The four known lines are already stored; only New Co's line and New Co itself are new.
    expect(created).toMatchObject({ added: 1, duplicates: 4, clientsCreated: 1 });
    expect(storedLines(db).at(-1)).toMatchObject({ client: 'New Co', code: null, amount: 50 });
  });

  it('re-importing the same file doubles nothing; identical lines inside a file are kept and reported unless dropped', async () => {
    const db = emptyDatabase();
    const text = 'Client,Date,Invoice,Product,Quantity,Amount\nC1,2024-01-02,I1,P,1,10\nC1,2024-01-02,I1,P,1,10\nC2,2024-01-03,I2,P,2,20\n';
    const path = writeCsv(tempDir(), 'p.csv', text);
    const first = await commit(db, { path, kind: 'purchases' });
    expect(first).toMatchObject({ added: 3, identical: 1, dropped: 0, duplicates: 0, previousImport: null });
    const again = await commit(db, { path, kind: 'purchases' });
    expect(again).toMatchObject({ added: 0, duplicates: 3, importId: null, previousImport: { id: first.importId } });
    expect(counts(db)).toMatchObject({ purchases: 3, imports: 1 });
    const db2 = emptyDatabase();
    const dropped = await commit(db2, { path, kind: 'purchases', dropIdentical: true });
    expect(dropped).toMatchObject({ added: 2, identical: 1, dropped: 1 });
  });

  it('credit notes and cancelled invoices are stored negative and net out', async () => {
    const db = emptyDatabase();
    const text = 'Client;Date;Invoice;Quantity;Amount;Status\nC1;2024-01-02;I1;3;300,00;\nC1;2024-01-05;CN1;-1;-100,00;\nC1;2024-01-06;I2;1;50,00;Sztornó\nC1;2024-01-07;C5361;2;20,00;\n';
    const path = writeCsv(tempDir(), 'p.csv', text);
    const r = await commit(db, { path, kind: 'purchases' });
    expect(r).toMatchObject({ added: 4, creditLines: 3, amount: 130, quantity: -1 });
    expect(storedLines(db).map((l) => [l.invoice, l.quantity, l.amount])).toEqual([['I1', 3, 300], ['CN1', -1, -100], ['I2', -1, -50], ['C5361', -2, -20]]);
    expect(storeRevenue(db)).toEqual({ lines: 4, amount: 130 });
  });

  it('a clients file adds, updates and leaves alone; undo puts every value back', async () => {
    const db = emptyDatabase();
    const a = newClient(db, { name: 'Alpha Kft', code: 'A-1', city: 'Pécs' });
    const b = newClient(db, { name: 'Beta SA', code: 'B-1', city: 'Lyon' });
    const text = 'Kód;Név;Város;E-mail\nA-1;Alpha Kft;Győr;info@alpha.hu\nB-1;Beta SA;;\nN-1;Nova;Vilnius;\nN-1;Nova again;;\n';
    const path = writeCsv(tempDir(), 'c.csv', text);
    const r = await commit(db, { path, kind: 'clients' });
    expect(r).toMatchObject({ added: 1, updated: 1, unchanged: 1, rejected: 1 });
    expect(r.reasons.map(reasonInEnglish)).toEqual([{ reason: 'the same client as line 4', count: 1, lines: [5] }]);
    expect(clientsService.get(db, a)).toMatchObject({ city: 'Győr', email: 'info@alpha.hu' });
    expect(clientsService.get(db, b)).toMatchObject({ city: 'Lyon' });
    const undo = undoImport(db, r.importId!);
    expect(undo).toEqual({ purchases: 0, contacts: 0, clients: 1, restored: 1, keptClients: 0 });
    expect(clientsService.get(db, a)).toMatchObject({ city: 'Pécs', email: null });
    expect(counts(db).clients).toBe(2);
    expect(listImports(db)[0].undoneAt).not.toBeNull();
    expect(() => undoImport(db, r.importId!)).toThrow(/already undone/);
  });

  it('undo of a purchases import removes its lines and the clients it created, and analytics follow', async () => {
    const db = emptyDatabase();
    const keep = newClient(db, { name: 'Keep', code: 'K' });
    const path = writeCsv(tempDir(), 'p.csv', 'Client,Date,Amount\nK,2024-01-02,10\nNEW1,2024-01-02,20\n');
    const r = await commit(db, { path, kind: 'purchases' });
    expect(storeRevenue(db)).toEqual({ lines: 2, amount: 30 });
    expect(undoImport(db, r.importId!)).toEqual({ purchases: 2, contacts: 0, clients: 1, restored: 0, keptClients: 0 });
    expect(counts(db)).toEqual({ clients: 1, purchases: 0, imports: 1 });
    expect(clientsService.get(db, keep).name).toBe('Keep');
    expect(storeRevenue(db)).toEqual({ lines: 0, amount: 0 });
  });

  it('a cancel halfway leaves the database exactly as before', async () => {
    const db = emptyDatabase();
    const lines = ['Client,Date,Amount', ...Array.from({ length: 5000 }, (_, i) => `C${i % 50},2024-01-02,${i}`)];
    const path = writeCsv(tempDir(), 'p.csv', lines.join('\n'));
    const spec = importSpec.parse({ path, kind: 'purchases' });
    const table = await loadTable(db, spec);
    let checks = 0;
    expect(() => commitImport(db, table, spec, { isCancelled: () => ++checks > 2 })).toThrow(Cancelled);
    expect(counts(db)).toEqual({ clients: 0, purchases: 0, imports: 0 });
  });
});

describe('the real CDNOW purchase file', () => {
  it('imports 69,659 lines of 23,570 customers with the published totals', async () => {
    const dbPath = join(tempDir(), 'cdnow.db');
    const out: string[] = [];
    // The master file starts with a header line; its columns are guessed from names and values.
    expect(await run(['import', 'purchases', join(CDNOW, 'CDNOW_master.txt'), '--db', dbPath, '--json'], (s) => out.push(s))).toBe(0);
    const r = JSON.parse(out.join(''));
    expect(r).toMatchObject({ rows: 69659, added: 69659, rejected: 0, clientsCreated: 23570, quantity: 167881, amount: 2500315.63 });
    const db = openDatabase(dbPath, findMigrationsFolder());
    try {
      expect(db.sqlite.prepare(`SELECT min(date) AS a, max(date) AS b, count(DISTINCT client_id) AS n FROM purchases`).get()).toEqual({ a: '1997-01-01', b: '1998-06-30', n: 23570 });
      expect(db.sqlite.prepare(`SELECT name, code FROM clients WHERE code = '00001'`).get()).toEqual({ name: '00001', code: '00001' });
    } finally {
      db.sqlite.close();
    }
  });

  it('the headerless sample file, with its columns mapped on the command line', async () => {
    const dbPath = join(tempDir(), 'sample.db');
    const out: string[] = [];
    const code = await run(['import', 'purchases', join(CDNOW, 'CDNOW_sample.txt'), '--db', dbPath, '--no-header', '--map', 'A=client', '--map', 'B=', '--map', 'C=date', '--map', 'D=quantity', '--map', 'E=amount', '--json'], (s) => out.push(s));
    expect(code).toBe(0);
    const r = JSON.parse(out.join(''));
    expect(r).toMatchObject({ rows: 6919, added: 6919, rejected: 0, clientsCreated: 2357 });
    // awk '{s+=$5} END {print s}' CDNOW_sample.txt
    expect(r.amount).toBeCloseTo(244091.94, 2);
    // The same file again writes nothing, says why, and exits 1.
    const again: string[] = [];
    expect(await run(['import', 'purchases', join(CDNOW, 'CDNOW_sample.txt'), '--db', dbPath, '--no-header', '--map', 'A=client', '--map', 'B=', '--map', 'C=date', '--map', 'D=quantity', '--map', 'E=amount'], (s) => again.push(s))).toBe(1);
    expect(again.join('')).toContain('Nothing was written.');
    expect(again.join('')).toContain('Already in the database (skipped): 6919');
  });
});

describe('an import killed halfway', () => {
  it('SIGKILL during the write leaves the database unchanged and intact', async () => {
    const dir = tempDir();
    const dbPath = join(dir, 'k.db');
    const seeded = openDatabase(dbPath, findMigrationsFolder());
    newClient(seeded, { name: 'Before', code: 'B' });
    seeded.sqlite.close();
    const lines = ['Client,Date,Invoice,Amount', ...Array.from({ length: 400_000 }, (_, i) => `C${i % 3000},2024-01-${String(1 + (i % 28)).padStart(2, '0')},I${i},${i % 97}.50`)];
    writeFileSync(join(dir, 'big.csv'), lines.join('\n'));
    const cli = CLI_SOURCE;
    const child = spawn(process.execPath, ['--import', 'tsx', cli, 'import', 'purchases', join(dir, 'big.csv'), '--db', dbPath], { stdio: ['ignore', 'ignore', 'pipe'] });
    await new Promise<void>((resolve, reject) => {
      child.stderr.on('data', (d: Buffer) => {
        // Kill once rows are being written inside the transaction.
        if (/writing [1-9]/.test(d.toString())) child.kill('SIGKILL');
      });
      child.on('exit', (_code, signal) => (signal === 'SIGKILL' ? resolve() : reject(new Error(`the import finished before it could be killed (${signal})`))));
    });
    const db = openDatabase(dbPath, findMigrationsFolder());
    try {
      expect(db.sqlite.pragma('integrity_check', { simple: true })).toBe('ok');
      expect(counts(db)).toEqual({ clients: 1, purchases: 0, imports: 0 });
    } finally {
      db.sqlite.close();
    }
  });
});

describe('a contacts file', () => {
  it('adds people to their clients, updates known ones by name, reads levels in local words, and undoes', async () => {
    const db = emptyDatabase();
    const a = newClient(db, { name: 'Alpha Kft', code: 'A-1' });
    db.sqlite.prepare(`INSERT INTO contacts (client_id, name, level, role) VALUES (?, 'Kiss Anna', 'finance', 'CFO')`).run(a);
    const text = [
      'Ügyfél;Név;Szint;Beosztás;Születésnap',
      'A-1;kiss anna;;Pénzügyi igazgató;1980.05.04.',
      'A-1;Nagy Péter;Tulajdonos;;',
      'A-1;Tóth Éva;főnök;;',
      'Z-9;Zoltán;;;',
      'A-1;Nagy Péter;;;',
    ].join('\n');
    const path = writeCsv(tempDir(), 'k.csv', text);
    const r = await commit(db, { path, kind: 'contacts', createClients: false });
    expect(r).toMatchObject({ added: 1, updated: 1, rejected: 3 });
    expect(Object.fromEntries(r.reasons.map(reasonInEnglish).map((x) => [x.lines.join(','), x.reason]))).toEqual({
      4: 'level must be one of owner, executive, finance, purchasing, staff',
      5: 'client not found (add it first, or let the import create unknown clients)',
      6: 'the same contact as line 3',
    });
    const rows = () => db.sqlite.prepare(`SELECT name, level, role, birthday FROM contacts ORDER BY id`).all();
    expect(rows()).toEqual([
      { name: 'Kiss Anna', level: 'finance', role: 'Pénzügyi igazgató', birthday: '1980-05-04' },
      { name: 'Nagy Péter', level: 'owner', role: null, birthday: null },
    ]);
    expect(undoImport(db, r.importId!)).toEqual({ purchases: 0, contacts: 1, clients: 0, restored: 1, keptClients: 0 });
    expect(rows()).toEqual([{ name: 'Kiss Anna', level: 'finance', role: 'CFO', birthday: null }]);
  });
});
