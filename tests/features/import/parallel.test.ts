import { copyFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { wrap, openConnection } from '../../../electron/db/connection';
import { Cancelled } from '../../../electron/errors';
import { workerTaskRunner } from '../../../electron/jobs/worker-runner';
import { commitInParallel, PARALLEL_FROM_BYTES, wantsParallel } from '../../../electron/features/import/parallel';
import { readCsvFile } from '../../../electron/features/import/csv-source';
import { clientsService } from '../../../electron/features/accounts/clients';
import { clientCreate } from '../../../shared/features/accounts/schemas';
import { forEachCsvRecord, parseCsvChunk, type CsvProblem, type CsvRecord } from '../../../shared/features/import/csv';
import { importSpec } from '../../../shared/features/import/types';
import { emptyDatabase, tempDir } from '../../helpers/db';
import { commit, counts, storedLines } from '../../helpers/importing';

const WORKER = join(__dirname, '..', '..', '..', 'electron', 'jobs', 'worker.ts');
const never = { onProgress: () => {}, isCancelled: () => false };

/** A file with every kind of line the judge tells apart: known and new clients, stored duplicates, repeats, credit notes, rejects. */
function mixedFile(dir: string): string {
  const lines = ['Client;Date;Invoice;Product;Quantity;Amount;Status'];
  for (let i = 0; i < 6000; i++) {
    const client = i % 5 === 0 ? 'K-1' : i % 7 === 0 ? 'Known Two' : `N-${i % 300}`;
    const amount = i % 97 === 0 ? 'abc' : `${(i % 40) + 1},50`;
    const status = i % 53 === 0 ? 'storno' : '';
    lines.push(`${client};${String(1 + (i % 28)).padStart(2, '0')}.03.2024;INV-${i % 4500};P${i % 9};${1 + (i % 3)};${amount};${status}`);
  }
  // The same line twice in one file: identical lines, kept (and counted) unless asked to drop them.
  lines.push(...lines.slice(-100));
  const path = join(dir, 'mixed.csv');
  writeFileSync(path, lines.join('\n') + '\n');
  return path;
}

describe('a large purchases file read on a second thread', () => {
  it('writes exactly what the one-thread import writes, with the same summary', async () => {
    const a = emptyDatabase();
    clientsService.create(a, clientCreate.parse({ name: 'Known One', code: 'K-1' }));
    clientsService.create(a, clientCreate.parse({ name: 'Known Two' }));
    const path = mixedFile(tempDir());
    // Lines already stored: the same file's first 500 lines, so both imports meet duplicates.
    const head = join(tempDir(), 'head.csv');
    writeFileSync(head, (await import('node:fs')).readFileSync(path, 'utf8').split('\n').slice(0, 501).join('\n') + '\n');
    await commit(a, { path: head, kind: 'purchases' });
    // The newest client deleted: SQLite's next id is then past the largest one left, and new clients' lines must follow it.
    a.sqlite.prepare('DELETE FROM clients WHERE id = ?').run(clientsService.create(a, clientCreate.parse({ name: 'Deleted since' })).id);
    a.sqlite.pragma('wal_checkpoint(TRUNCATE)');
    const bPath = join(tempDir(), 'b.db');
    copyFileSync(a.path, bPath);
    const b = wrap(openConnection(bPath), bPath);
    try {
      const spec = importSpec.parse({ path, kind: 'purchases' });
      const one = await commit(a, { path, kind: 'purchases' });
      const two = await commitInParallel(b, spec, [], never, workerTaskRunner(WORKER));
      expect(one.duplicates).toBeGreaterThan(0);
      expect(one.identical).toBeGreaterThan(0);
      expect(one.rejected).toBeGreaterThan(0);
      expect(one.creditLines).toBeGreaterThan(0);
      expect(one.clientsCreated).toBeGreaterThan(0);
      expect(two).toEqual(one);
      expect(storedLines(b)).toEqual(storedLines(a));
      expect(b.sqlite.prepare('SELECT code, name, import_id AS importId FROM clients ORDER BY id').all())
        .toEqual(a.sqlite.prepare('SELECT code, name, import_id AS importId FROM clients ORDER BY id').all());
      expect(b.sqlite.pragma('foreign_keys', { simple: true })).toBe(1);
    } finally {
      b.sqlite.close();
    }
  }, 60_000);

  it('only a large CSV of purchases is read on a second thread', () => {
    const dir = tempDir();
    const big = Buffer.alloc(PARALLEL_FROM_BYTES);
    for (const name of ['big.csv', 'big.xlsx', 'small.csv']) writeFileSync(join(dir, name), name === 'small.csv' ? 'a;b\n' : big);
    const spec = (name: string, kind: 'purchases' | 'clients' = 'purchases') => importSpec.parse({ path: join(dir, name), kind });
    expect([wantsParallel(spec('big.csv')), wantsParallel(spec('big.xlsx')), wantsParallel(spec('small.csv')), wantsParallel(spec('big.csv', 'clients'))])
      .toEqual([true, false, false, false]);
  });

  it('a cancel rolls everything back', async () => {
    const db = emptyDatabase();
    const path = mixedFile(tempDir());
    const before = counts(db);
    let asked = 0;
    const hooks = { onProgress: () => {}, isCancelled: () => ++asked > 1 };
    await expect(commitInParallel(db, importSpec.parse({ path, kind: 'purchases' }), [], hooks, workerTaskRunner(WORKER))).rejects.toBeInstanceOf(Cancelled);
    expect(counts(db)).toEqual(before);
    expect(db.sqlite.inTransaction).toBe(false);
  }, 60_000);

  it('an error in the reading thread (a mapping it cannot use) comes back with its key, nothing written', async () => {
    const db = emptyDatabase();
    const path = join(tempDir(), 'nodate.csv');
    writeFileSync(path, 'Client;Amount\nA;1\n');
    await expect(commitInParallel(db, importSpec.parse({ path, kind: 'purchases' }), [], never, workerTaskRunner(WORKER))).rejects.toMatchObject({ key: 'import:errors.mapFirst' });
    expect(counts(db)).toEqual({ clients: 0, purchases: 0, imports: 0 });
  }, 60_000);
});

describe('CSV read a piece at a time', () => {
  const whole = (text: string, d: ',' | ';') => {
    const records: CsvRecord[] = [];
    const problems: CsvProblem[] = [];
    forEachCsvRecord(text, d, (r) => void records.push(r), (p) => problems.push(p));
    return { records, problems };
  };
  it('reads every text exactly as the whole-text reader, wherever the pieces are cut', () => {
    const cell = fc.oneof(fc.constantFrom('', 'a', 'x y', '"q"', '"a;b"', '"two\nlines"', '"un', 'é', '\r'), fc.string({ maxLength: 4 }));
    const text = fc.array(fc.array(cell, { minLength: 1, maxLength: 4 }).map((cs) => cs.join(';')), { maxLength: 12 }).map((ls) => ls.join('\n'));
    fc.assert(fc.property(text, fc.array(fc.nat(), { maxLength: 5 }), (t, cuts) => {
      const out: CsvRecord[] = [];
      const problems: CsvProblem[] = [];
      const cursor = { line: 1, started: false };
      // Pieces end at line breaks, as the file reader cuts them.
      const breaks = [...t.matchAll(/\n/g)].map((m) => m.index! + 1);
      const ends = [...new Set(cuts.map((c) => breaks[c % Math.max(1, breaks.length)]).filter((x) => x !== undefined))].sort((a, b) => a - b);
      let rest = '';
      let from = 0;
      for (const end of ends) {
        const piece = rest + t.slice(from, end);
        const { consumed } = parseCsvChunk(piece, ';', cursor, false, (r) => void out.push(r), (p) => problems.push(p));
        rest = piece.slice(consumed);
        from = end;
      }
      parseCsvChunk(rest + t.slice(from), ';', cursor, true, (r) => void out.push(r), (p) => problems.push(p));
      expect({ records: out, problems }).toEqual(whole(t, ';'));
    }), { numRuns: 400 });
  });

  it('a file bigger than one piece, in a legacy code page, with a quoted field across the cut', () => {
    const dir = tempDir();
    const rows = Array.from({ length: 60_000 }, (_, i) => `C${i};"Őrség\n${i}";${i},5`);
    const text = `Ügyfél;Név;Összeg\n${rows.join('\n')}\n`;
    const path = join(dir, 'big.csv');
    writeFileSync(path, encode1250(text));
    const t = readCsvFile(path, 'csv', { locale: 'hu-HU' });
    expect(t).toMatchObject({ encoding: 'windows-1250', guessedLegacy: true, delimiter: ';', approxRows: 120_002 });
    let n = 0;
    let last: string[] = [];
    t.forEach((r) => void ((n++), (last = r.cells as string[])));
    expect(n).toBe(60_001);
    expect(last).toEqual(['C59999', 'Őrség\n59999', '59999,5']);
    expect(t.problems).toEqual([]);
  });

  it('UTF-8 with a BOM and UTF-16, several pieces of plain ASCII and of letters cut anywhere, read letter for letter', () => {
    // Runs of plain ASCII lines (read as a copy) and of lines with two- and three-byte letters (decoded), so the cuts land in both.
    const rows = Array.from({ length: 90_000 }, (_, i) => (i % 20_000 < 10_000 ? `C${i};Plain name ${i};${i},5` : `C${i};Őrség ผักสด ${i};${i},5`));
    const text = `Ügyfél;Név;Összeg\n${rows.join('\n')}\n`;
    const files = { 'utf-8': Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')]), 'utf-16le': Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]) };
    for (const [encoding, bytes] of Object.entries(files)) {
      const path = join(tempDir(), `${encoding}.csv`);
      writeFileSync(path, bytes);
      expect(bytes.length).toBeGreaterThan(3 << 20);
      const t = readCsvFile(path, 'csv', { locale: 'hu-HU' });
      expect(t.encoding).toBe(encoding);
      const lines: string[] = [];
      t.forEach((r) => void lines.push((r.cells as string[]).join(';')));
      expect(lines[0]).toBe('Ügyfél;Név;Összeg');
      expect(lines.slice(1)).toEqual(rows);
      expect(t.problems).toEqual([]);
    }
  });
});

/** windows-1250 bytes for the few letters the fixture uses. */
function encode1250(text: string): Buffer {
  const map: Record<string, number> = { Ő: 0xd5, é: 0xe9, Ü: 0xdc, ü: 0xfc, Ö: 0xd6, ö: 0xf6, á: 0xe1 };
  return Buffer.from([...text].map((ch) => map[ch] ?? ch.charCodeAt(0)));
}
