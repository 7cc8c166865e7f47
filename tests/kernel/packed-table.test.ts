import { serialize } from 'node:v8';
import { describe, expect, it } from 'vitest';
import { packTable, unpackTable, type TableSpec } from '../../shared/kernel/packed-table';

interface Row {
  id: number;
  name: string;
  code: string | null;
  manager: string | null;
  share: number | null;
  dormant: boolean;
  reasons: string[];
  last: { date: string; outcome: string } | null;
}
const SPEC: TableSpec<Row> = { id: 'number', name: 'text', code: 'text', manager: 'dict', share: 'number', dormant: 'bool', reasons: 'json', last: 'json' };

describe('a packed table', () => {
  it('gives back exactly the rows it was given: nulls, empty texts, NULs and emoji, -0, tiny and huge numbers, nested values', () => {
    const rows: Row[] = [
      { id: 1, name: 'Kovács és Társa Kft.', code: 'C1', manager: 'Anna', share: 0.25, dormant: true, reasons: ['gap', 'pAlive'], last: null },
      { id: 2, name: '', code: null, manager: null, share: null, dormant: false, reasons: [], last: { date: '2026-06-01', outcome: 'willCome' } },
      { id: 3, name: 'a\u0000b|c\n🙂', code: '', manager: 'Anna', share: -0, dormant: true, reasons: ['gap'], last: { date: '2026-06-01', outcome: 'willCome' } },
      { id: 2 ** 40, name: 'ร้านค้า', code: 'C4', manager: 'Бoris', share: 2.37225184791455e-64, dormant: false, reasons: ['gap', 'pAlive'], last: null },
      { id: 5, name: 'x', code: 'C5', manager: 'Anna', share: 1e300, dormant: false, reasons: ['pAlive', 'gap'], last: null },
    ];
    const back = unpackTable(structuredClone(packTable(rows, SPEC)));
    expect(back).toEqual(rows);
    expect(Object.is(back[2].share, -0)).toBe(true);
    // Field order as the spec gives it, the same for every row.
    expect(back.map((r) => Object.keys(r))).toEqual(rows.map(() => Object.keys(SPEC)));
    expect(unpackTable(packTable([], SPEC))).toEqual([]);
  });

  it('crosses as a fraction of the rows: typed arrays and one text per text column', () => {
    const rows: Row[] = Array.from({ length: 20_000 }, (_, i) => ({
      id: i + 1, name: `Client ${i + 1} Ltd`, code: `C${String(i + 1).padStart(6, '0')}`, manager: `Manager ${i % 7}`, share: i / 20_000,
      dormant: i % 3 === 0, reasons: i % 2 ? ['gap'] : ['gap', 'pAlive'], last: i % 5 ? null : { date: '2026-06-01', outcome: 'noAnswer' },
    }));
    const packed = serialize(packTable(rows, SPEC)).length;
    expect(packed).toBeLessThan(serialize(rows).length / 2);
    expect(unpackTable(packTable(rows, SPEC))).toEqual(rows);
  });
});
