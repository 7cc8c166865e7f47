import { mkdirSync, mkdtempSync, readdirSync, utimesSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { RowSpool, ROWS_IN_MEMORY } from '../../../electron/features/import/row-spool';
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

  it('a work folder a killed import left a day ago is removed when the next one is made; others are not touched', async () => {
    const dir = await inFreshTmp(() => {
      const root = process.env.TMPDIR!;
      const old = (Date.now() - 25 * 60 * 60 * 1000) / 1000;
      for (const name of ['rapport-sheet-old', 'rapport-sheet-recent', 'rapport-lines-old', 'someone-else-old']) mkdirSync(join(root, name));
      for (const name of ['rapport-sheet-old', 'rapport-lines-old', 'someone-else-old']) utimesSync(join(root, name), old, old);
      const spool = new RowSpool(1);
      spool.add({ line: 1, cells: ['a'] });
      spool.add({ line: 2, cells: ['b'] });
      spool.end();
      // The spool's own folder is the one name not made here.
      const made = ['rapport-lines-old', 'rapport-sheet-recent', 'someone-else-old'];
      expect(readdirSync(root).filter((n) => !made.includes(n))).toEqual([expect.stringMatching(/^rapport-sheet-/)]);
      spool.close();
    });
    expect(readdirSync(dir).sort()).toEqual(['rapport-lines-old', 'rapport-sheet-recent', 'someone-else-old']);
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
