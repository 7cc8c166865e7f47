import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { RowSpool, ROWS_IN_MEMORY } from '../../../electron/features/import/row-spool';
import { sweepImportWork } from '../../../electron/features/import';
import type { RawRow } from '../../../shared/features/import/table';
import { emptyDatabase, tempDir } from '../../helpers/db';
import { writeXlsx } from '../../helpers/fixtures';
import { commit, preview, storedLines } from '../../helpers/importing';
import { withEnv } from '../../helpers/env';

/** Runs `fn` with the temporary directory set to a fresh one, and returns it for a look afterwards. */
async function inFreshTmp(fn: () => Promise<void> | void): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), 'rapport-spool-'));
  await withEnv({ TMPDIR: dir }, fn);
  return dir;
}

const walk = (spool: RowSpool, stopAt = Infinity) => {
  const out: [RawRow, number][] = [];
  spool.forEach((r, i) => (out.push([r, i]), out.length < stopAt));
  return out;
};

describe('a worksheet\'s rows kept between reading and walking', () => {
  it('past memory, every row comes back exactly, as often as asked, letters cut across pieces included, and the file goes with close', async () => {
    const rows: RawRow[] = [];
    // Letters of two, three and four bytes, quotes, line breaks and tabs inside cells; wide rows so the file spans several 1 MB pieces.
    const texts = ['Őrség Kft', 'บริษัท สยาม', 'ООО «Ромашка»', 'two\nlines', 'tab\there "quoted"', '😀 emoji', '', '\u2028'];
    for (let i = 0; i < 9000; i++) {
      const cells = [texts[i % texts.length] + 'x'.repeat(i % 300), i * 1.1, null, -0.000123 * (i + 1), texts[(i * 3) % texts.length].repeat(1 + (i % 5)), 1e21 + i];
      rows.push(i % 13 === 0 ? { line: i + 2, cells, unreadable: [{ column: 2, key: 'import:problems.unreadable', params: { why: 'error', column: 'C' } }] } : { line: i + 2, cells });
    }
    const dir = await inFreshTmp(() => {
      const spool = new RowSpool(100);
      for (const r of rows) spool.add(r);
      spool.end();
      expect(readdirSync(process.env.TMPDIR!).length).toBe(1);
      const once = walk(spool);
      expect(once.map(([r]) => r)).toEqual(rows);
      expect(once.map(([, i]) => i)).toEqual(rows.map((_, i) => i));
      expect(walk(spool).map(([r]) => r)).toEqual(rows);
      expect(walk(spool, 7).map(([r]) => r)).toEqual(rows.slice(0, 7));
      expect(spool.size).toBe(rows.length);
      spool.close();
    });
    expect(readdirSync(dir)).toEqual([]);
  });

  it('a work folder of an older version a day old is removed when the next one is made; others are not touched', async () => {
    const dir = await inFreshTmp(() => {
      const root = process.env.TMPDIR!;
      const old = (Date.now() - 25 * 60 * 60 * 1000) / 1000;
      for (const name of ['rapport-sheet-old', 'rapport-sheet-recent', 'rapport-lines-old', 'someone-else-old']) mkdirSync(join(root, name));
      for (const name of ['rapport-sheet-old', 'rapport-lines-old', 'someone-else-old']) utimesSync(join(root, name), old, old);
      const spool = new RowSpool(1);
      spool.add({ line: 1, cells: ['a'] });
      spool.add({ line: 2, cells: ['b'] });
      spool.end();
      // The spool's own folder is the one name not made here, named with this process's id.
      const made = ['rapport-sheet-recent', 'someone-else-old'];
      expect(readdirSync(root).filter((n) => !made.includes(n))).toEqual([expect.stringMatching(new RegExp(`^rapport-sheet-${process.pid}-`))]);
      spool.close();
    });
    expect(readdirSync(dir).sort()).toEqual(['rapport-sheet-recent', 'someone-else-old']);
  });

  it('a work folder whose import\'s process is gone is removed at once, by the start-up sweep; a live process\'s is kept however old', () => {
    const root = mkdtempSync(join(tmpdir(), 'rapport-sweep-'));
    // A process that has ended and been reaped: its id names no process now.
    const gone = spawnSync(process.execPath, ['-e', '']).pid!;
    const names = [`rapport-lines-${gone}-a1b2c3`, `rapport-sheet-${gone}-d4e5f6`, `rapport-lines-${process.pid}-g7h8i9`, `rapport-sheet-${process.ppid}-j0k1l2`, `someone-else-${gone}-m3n4o5`];
    for (const name of names) mkdirSync(join(root, name));
    writeFileSync(join(root, names[0], '0'), 'spilled keys');
    const old = (Date.now() - 3 * 24 * 60 * 60 * 1000) / 1000;
    utimesSync(join(root, names[3]), old, old);
    const removed = sweepImportWork(root);
    expect(removed.sort()).toEqual([join(root, names[0]), join(root, names[1])].sort());
    expect(readdirSync(root).sort()).toEqual(names.slice(2).sort());
    expect(sweepImportWork(join(root, 'no-such-folder'))).toEqual([]);
  });

  it('a small sheet stays in memory and writes no file', async () => {
    const dir = await inFreshTmp(() => {
      const spool = new RowSpool(100);
      for (let i = 0; i < 100; i++) spool.add({ line: i + 1, cells: [String(i)] });
      spool.end();
      expect(walk(spool).length).toBe(100);
      expect(walk(spool, 3).map(([r]) => r.cells[0])).toEqual(['0', '1', '2']);
    });
    expect(readdirSync(dir)).toEqual([]);
  });

  it(`an .xlsx longer than ${ROWS_IN_MEMORY.toLocaleString('en')} rows imports every row, and leaves no file behind`, async () => {
    const n = ROWS_IN_MEMORY + 2500;
    const path = await writeXlsx(tempDir(), 'long.xlsx', (wb) => {
      const ws = wb.addWorksheet('Sales');
      ws.addRow(['Client', 'Date', 'Invoice', 'Amount']);
      for (let i = 0; i < n; i++) ws.addRow([`Client ${i % 50}`, new Date(Date.UTC(2024, i % 12, 1 + (i % 28))), `INV-${i}`, i + 0.5]);
      ws.getColumn(2).numFmt = 'yyyy-mm-dd';
    });
    const db = emptyDatabase();
    const dir = await inFreshTmp(async () => {
      const p = await preview(db, { path, kind: 'purchases' });
      expect(p.summary.added).toBe(n);
      const r = await commit(db, { path, kind: 'purchases' });
      expect(r.added).toBe(n);
    });
    expect(readdirSync(dir)).toEqual([]);
    const lines = storedLines(db);
    expect(lines.length).toBe(n);
    for (const i of [0, ROWS_IN_MEMORY - 1, ROWS_IN_MEMORY, n - 1]) {
      expect(lines[i]).toMatchObject({ client: `Client ${i % 50}`, date: `2024-${String(1 + (i % 12)).padStart(2, '0')}-${String(1 + (i % 28)).padStart(2, '0')}`, invoice: `INV-${i}`, amount: i + 0.5 });
    }
  }, 60_000);
});
