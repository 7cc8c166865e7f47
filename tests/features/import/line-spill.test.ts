import { copyFileSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { wrap, openConnection, type Db } from '../../../electron/db/connection';
import { workerTaskRunner } from '../../../electron/jobs/worker-runner';
import { commitInParallel } from '../../../electron/features/import/parallel';
import { LineSet, lineKeysInMemory, LINE_KEYS_IN_MEMORY } from '../../../electron/features/import/line-set';
import { LineSpill } from '../../../electron/features/import/line-spill';
import { clientsService } from '../../../electron/features/accounts/clients';
import { clientCreate } from '../../../shared/features/accounts/schemas';
import { importSpec } from '../../../shared/features/import/types';
import { emptyDatabase, tempDir } from '../../helpers/db';
import { commit, counts, preview, storedLines } from '../../helpers/importing';
import { commitImport, loadTable } from '../../../electron/features/import/service';
import { withTable } from '../../../electron/features/import/table-source';
import { Cancelled } from '../../../electron/errors';
import { withEnv } from '../../helpers/env';

const WORKER = join(__dirname, '..', '..', '..', 'electron', 'jobs', 'worker.ts');
const never = { onProgress: () => {}, isCancelled: () => false };

describe('line keys past what memory holds', () => {
  it('a full set answers for the keys it holds and leaves the others to the caller', () => {
    const set = new LineSet(0, 3);
    expect([set.add(1, 1), set.add(1, 2), set.add(1, 1), set.add(2, 1)]).toEqual([false, false, true, false]);
    expect([set.add(9, 9), set.add(1, 2), set.add(9, 9)]).toEqual([null, true, null]);
    expect(set.size).toBe(3);
  });

  it('the limit is the compact table at its first size unless a smaller one is asked for', () => {
    expect(lineKeysInMemory(undefined)).toBe(LINE_KEYS_IN_MEMORY);
    expect(lineKeysInMemory('250')).toBe(250);
    expect(lineKeysInMemory('-4')).toBe(LINE_KEYS_IN_MEMORY);
    expect(lineKeysInMemory('lots')).toBe(LINE_KEYS_IN_MEMORY);
    expect(lineKeysInMemory(String(LINE_KEYS_IN_MEMORY * 2))).toBe(LINE_KEYS_IN_MEMORY);
  });

  it('finds every later copy of a spilled key, never a line it was told not to count, and leaves no file behind', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'rapport-spill-'));
    await withEnv({ TMPDIR: dir }, () => {
      const spill = new LineSpill();
      const expected: number[] = [];
      const firsts = new Set<string>();
      let taken = 0;
      // 120,000 lines over 30,000 keys spread across every part (top bits) and both words; every 11th line not counted.
      for (let i = 0; i < 120_000; i++) {
        const k = (i * 7919) % 30_000;
        // Never hi and lo both 0, as FieldHash promises.
        const hi = (Math.imul(k + 1, 0x9e3779b9) >>> 0) ^ (k << 3);
        const lo = k % 3 === 0 ? 0 : (k * 2654435761) >>> 0;
        const counted = i % 11 !== 0;
        const id = `${hi >>> 0}:${lo}`;
        if (counted && firsts.has(id)) expected.push(taken);
        firsts.add(id);
        spill.add(hi >>> 0, lo, counted ? taken : -1, i % 5, -i);
        if (counted) taken++;
      }
      expect(readdirSync(dir).length).toBe(1);
      const found: [number, number, number][] = [];
      spill.settle((line, quantity, amount) => found.push([line, quantity, amount]));
      expect(found.map(([l]) => l).sort((a, b) => a - b)).toEqual(expected);
      expect(found.length).toBeGreaterThan(75_000);
      // The line's own values come back with it.
      const byLine = new Map<number, number>();
      taken = 0;
      for (let i = 0; i < 120_000; i++) if (i % 11 !== 0) byLine.set(taken++, i);
      for (const [line, quantity, amount] of found) expect([quantity, amount]).toEqual([byLine.get(line)! % 5, -byLine.get(line)!]);
      expect(readdirSync(dir)).toEqual([]);
      // Given up (a cancel, an error): the files go all the same.
      const dropped = new LineSpill();
      for (let i = 0; i < 100_000; i++) dropped.add(i + 1, i, i, 1, 1);
      expect(readdirSync(dir).length).toBe(1);
      dropped.close();
      expect(readdirSync(dir)).toEqual([]);
    });
  });
});

/** Repeats far apart, stored duplicates that repeat, credit notes and rejects: everything the judge tells apart. */
function longFile(dir: string): string {
  const lines = ['Client;Date;Invoice;Product;Quantity;Amount;Status'];
  for (let i = 0; i < 4000; i++) {
    const k = (i * 613) % 2300;
    const client = k % 5 === 0 ? 'K-1' : `N-${k % 170}`;
    const amount = i % 97 === 0 ? 'abc' : `${(k % 40) + 1},50`;
    const status = k % 53 === 0 ? 'storno' : '';
    lines.push(`${client};${String(1 + (k % 28)).padStart(2, '0')}.03.2024;INV-${k};P${k % 9};${1 + (k % 3)};${amount};${status}`);
  }
  const path = join(dir, 'long.csv');
  writeFileSync(path, lines.join('\n') + '\n');
  return path;
}

const withLimit = <T>(keys: string | undefined, fn: () => Promise<T>): Promise<T> => withEnv({ RAPPORT_LINE_KEYS: keys }, fn);

const copyOf = (db: Db): Db => {
  db.sqlite.pragma('wal_checkpoint(TRUNCATE)');
  const path = join(tempDir(), 'copy.db');
  copyFileSync(db.path, path);
  return wrap(openConnection(path), path);
};

describe('an import longer than the line keys memory holds', () => {
  for (const dropIdentical of [false, true]) {
    it(`judges, counts and writes exactly as with every key in memory (${dropIdentical ? 'identical lines dropped' : 'identical lines kept'}), on one thread and on two`, async () => {
      const base = emptyDatabase();
      clientsService.create(base, clientCreate.parse({ name: 'Known One', code: 'K-1' }));
      const path = longFile(tempDir());
      // Some of the file already stored: its known client's lines meet duplicates, and some of those repeat later in the file.
      const head = join(tempDir(), 'head.csv');
      writeFileSync(head, readFileSync(path, 'utf8').split('\n').slice(0, 301).join('\n') + '\n');
      await commit(base, { path: head, kind: 'purchases' });
      const spec = { path, kind: 'purchases' as const, dropIdentical };
      const [one, spilled, parallel] = [copyOf(base), copyOf(base), copyOf(base)];
      try {
        const expected = await withLimit(undefined, async () => ({ preview: (await preview(one, spec)).summary, commit: await commit(one, spec) }));
        expect(expected.commit.identical).toBeGreaterThan(500);
        expect(expected.commit.duplicates).toBeGreaterThan(0);
        expect(expected.commit.creditLines).toBeGreaterThan(0);
        expect(expected.commit.rejected).toBeGreaterThan(0);
        expect(expected.commit.dropped).toBe(dropIdentical ? expected.commit.identical : 0);
        // 150 keys in memory: most of the file's keys, and most of its repeats, go through the spill.
        await withLimit('150', async () => {
          expect((await preview(spilled, spec)).summary).toEqual(expected.preview);
          expect(await commit(spilled, spec)).toEqual(expected.commit);
          expect(await commitInParallel(parallel, importSpec.parse(spec), [], never, workerTaskRunner(WORKER))).toEqual(expected.commit);
        });
        expect(storedLines(spilled)).toEqual(storedLines(one));
        expect(storedLines(parallel)).toEqual(storedLines(one));
      } finally {
        for (const db of [one, spilled, parallel]) db.sqlite.close();
      }
    }, 60_000);
  }

  it('a cancel while the spilled keys are judged at the end stops the import, leaves the database as it was and removes the spill', async () => {
    const db = emptyDatabase();
    const path = longFile(tempDir());
    const work = tempDir();
    const before = counts(db);
    // The row pass asks every 1,024 rows: three times for these 4,000 rows; the fourth ask is the settle's, before its first part.
    let asked = 0;
    await withEnv({ TMPDIR: work, RAPPORT_LINE_KEYS: '150' }, async () => {
      const spec = importSpec.parse({ path, kind: 'purchases' });
      await expect(withTable(loadTable(db, spec), (table) => commitImport(db, table, spec, { isCancelled: () => ++asked > 3 }))).rejects.toBeInstanceOf(Cancelled);
    });
    expect(asked).toBe(4);
    expect(counts(db)).toEqual(before);
    expect(db.sqlite.inTransaction).toBe(false);
    expect(readdirSync(work)).toEqual([]);
  });

  it('when the spill cannot be written (no usable temporary folder), the import fails and the database is as it was', async () => {
    const db = emptyDatabase();
    const path = longFile(tempDir());
    const notAFolder = join(tempDir(), 'file');
    writeFileSync(notAFolder, '');
    const before = counts(db);
    await withEnv({ TMPDIR: notAFolder, RAPPORT_LINE_KEYS: '150' }, async () => {
      await expect(commit(db, { path, kind: 'purchases' })).rejects.toMatchObject({ code: 'ENOTDIR' });
    });
    expect(counts(db)).toEqual(before);
    expect(db.sqlite.inTransaction).toBe(false);
  });
});
