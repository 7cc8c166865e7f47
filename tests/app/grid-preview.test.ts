import type { ColDef, ColumnState } from 'ag-grid-community';
import { describe, expect, it } from 'vitest';
import { previewColumns } from '../../renderer/src/components/previewColumns';

interface Row {
  id: number;
  code: string;
  name: string;
  amount: number | null;
  note: string | null;
}

const columns: ColDef<Row>[] = [
  { field: 'code', headerName: 'Code', width: 110 },
  { field: 'name', headerName: 'Name', width: 260, pinned: 'left', cellClass: 'cell-link' },
  { field: 'amount', headerName: 'Amount', width: 170, type: 'numericColumn', valueFormatter: (p) => (p.value === null ? '—' : `€${(p.value as number).toFixed(2)} (${p.data?.code})`) },
  { field: 'note', headerName: 'Note', hide: true },
  { colId: 'broken', headerName: 'Broken', valueFormatter: () => { throw new Error('no'); } },
];
const row: Row = { id: 7, code: 'C7', name: 'Alfa', amount: 12.5, note: 'x' };

describe('the plain table a large grid paints first', () => {
  it('lays the columns out as the grid will: pinned first, hidden left out, the cells formatted by the columns themselves', () => {
    const cols = previewColumns(columns, null);
    expect(cols.map((c) => [c.id, c.header, c.width, c.numeric, c.className])).toEqual([
      ['name', 'Name', 260, false, 'cell-link'],
      ['code', 'Code', 110, false, undefined],
      ['amount', 'Amount', 170, true, undefined],
      ['broken', 'Broken', 200, false, undefined],
    ]);
    expect(cols.map((c) => c.text(row))).toEqual(['Alfa', 'C7', '€12.50 (C7)', '']);
    expect(cols[2].text({ ...row, amount: null })).toBe('—');
  });

  it('follows the saved layout: its order first and the rest after, its widths, what it hides, shows and pins', () => {
    const state: ColumnState[] = [
      { colId: 'amount', width: 90 },
      { colId: 'note', hide: false },
      { colId: 'code', pinned: 'left' },
      { colId: 'name', pinned: null, hide: true },
    ];
    expect(previewColumns(columns, state).map((c) => [c.id, c.width])).toEqual([['code', 110], ['amount', 90], ['note', 200], ['broken', 200]]);
  });
});
