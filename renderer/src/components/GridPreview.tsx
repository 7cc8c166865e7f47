import { useLayoutEffect } from 'react';
import type { PreviewColumn } from './previewColumns';

/** More than a tall window shows: the table is cut at the grid's bottom edge. */
const PREVIEW_ROWS = 40;

/** Numbers to the right as in the grid; the column's own class (a link's colour) on its cells, not its header. */
const cellClass = (c: PreviewColumn<never>, body: boolean) => ['grid-preview-cell', c.numeric ? 'numeric' : '', body ? c.className ?? '' : ''].filter(Boolean).join(' ');

interface Props<T extends { id: number }> {
  rows: T[];
  columns: PreviewColumn<T>[];
  /** Performance mark set once the rows are in the page. */
  mark?: string;
  /** Called once the table is painted. */
  onShown?: () => void;
}

/**
 * The first rows as a plain table, painted in the place of a large grid
 * while ag-grid is being built (≈400 ms of the window's time on the
 * reference machine, whatever the rows): the user sees the rows at once,
 * and the grid replaces the table as soon as it has drawn them. Not for
 * assistive technology: the grid, which follows in a moment, is.
 */
export function GridPreview<T extends { id: number }>({ rows, columns, mark, onShown }: Props<T>) {
  useLayoutEffect(() => {
    if (mark) performance.mark(mark);
    const frame = requestAnimationFrame(() => onShown?.());
    return () => cancelAnimationFrame(frame);
  }, []);
  const width = columns.reduce((w, c) => w + c.width, 0);
  return (
    <div className="grid-preview" aria-hidden="true" data-testid="grid-preview">
      <div className="grid-preview-row grid-preview-head" style={{ width }}>
        {columns.map((c) => (
          <div key={c.id} className={cellClass(c, false)} style={{ width: c.width }}>{c.header}</div>
        ))}
      </div>
      {rows.slice(0, PREVIEW_ROWS).map((row) => (
        <div key={row.id} className="grid-preview-row" style={{ width }}>
          {columns.map((c) => (
            <div key={c.id} className={cellClass(c, true)} style={{ width: c.width }}>{c.text(row)}</div>
          ))}
        </div>
      ))}
    </div>
  );
}
