import { AllCommunityModule, ModuleRegistry, themeQuartz, type ColDef, type ColumnState, type GridApi, type GridReadyEvent } from 'ag-grid-community';
import { AgGridReact } from 'ag-grid-react';
import { useCallback, useMemo, useRef } from 'react';
import { compareCells, foldForSearch } from '../../../shared/kernel/collate';
import { call } from '../lib/api';
import { gridLocaleText } from '../lib/grid-locale';
import { useSettingsIfAny } from '../lib/settings-context';

ModuleRegistry.registerModules([AllCommunityModule]);

const theme = themeQuartz.withParams({ fontSize: 13, headerFontWeight: 600, spacing: 6 });

// Rows' search text folded once, not on every keystroke: a grid of 50,000 clients asks for it per row.
const folded = new Map<string, string>();
function foldedText(text: string): string {
  let f = folded.get(text);
  if (f === undefined) {
    if (folded.size > 250_000) folded.clear();
    f = foldForSearch(text);
    folded.set(text, f);
  }
  return f;
}
const quickFilterParser = (text: string) => foldForSearch(text).split(/\s+/).filter(Boolean);
const quickFilterMatcher = (parts: string[], rowText: string) => {
  const f = foldedText(rowText);
  return parts.every((p) => f.includes(p));
};

interface Props<T extends { id: number }> {
  rows: T[] | undefined;
  columns: ColDef<T>[];
  /** Where the user's column order, widths and sort are remembered; none for small sub-grids. */
  layoutKey?: string;
  quickFilter?: string;
  onOpen?: (row: T) => void;
  /** A click on this column opens the row, like a link. */
  linkField?: keyof T & string;
  onApi?: (api: GridApi<T>) => void;
  onDisplayedChange?: (count: number) => void;
  height?: number | string;
  testId?: string;
  /** Names performance marks for the benchmark: "<name> first rows" when rows are first painted, "<name> all rows" when every row is in. */
  perfName?: string;
}

export function DataGrid<T extends { id: number }>({ rows, columns, layoutKey, quickFilter, onOpen, linkField, onApi, onDisplayedChange, height = '100%', testId, perfName }: Props<T>) {
  const apiRef = useRef<GridApi<T> | null>(null);
  const restoring = useRef(false);
  const saveTimer = useRef<number | undefined>(undefined);
  const settings = useSettingsIfAny();
  const locale = settings?.locale ?? 'en-GB';
  // Names sort as the user's language orders them (Hungarian "cs" after "c", Thai by consonant); a column's own comparator still wins.
  const defaultColDef = useMemo<ColDef<T>>(() => ({ sortable: true, filter: true, resizable: true, minWidth: 80, comparator: (a: unknown, b: unknown) => compareCells(locale, a, b) }), [locale]);
  const localeText = useMemo(() => gridLocaleText(settings?.language ?? 'en'), [settings?.language]);

  const saveLayout = useCallback(() => {
    if (!layoutKey || restoring.current || !apiRef.current) return;
    window.clearTimeout(saveTimer.current);
    const state = apiRef.current.getColumnState();
    saveTimer.current = window.setTimeout(() => void call('layouts.save', { key: layoutKey, state }), 300);
  }, [layoutKey]);

  const onGridReady = useCallback(
    async (e: GridReadyEvent<T>) => {
      apiRef.current = e.api;
      onApi?.(e.api);
      if (!layoutKey) return;
      const state = (await call('layouts.get', { key: layoutKey })) as ColumnState[] | null;
      if (Array.isArray(state) && !e.api.isDestroyed()) {
        restoring.current = true;
        e.api.applyColumnState({ state, applyOrder: true });
        restoring.current = false;
      }
    },
    [layoutKey, onApi],
  );

  return (
    <div className="grid-host" style={{ height }} data-testid={testId}>
      <AgGridReact<T>
        theme={theme}
        rowData={rows}
        columnDefs={columns}
        defaultColDef={defaultColDef}
        quickFilterText={quickFilter}
        quickFilterParser={quickFilterParser}
        quickFilterMatcher={quickFilterMatcher}
        localeText={localeText}
        getRowId={(p) => String(p.data.id)}
        onGridReady={onGridReady}
        onColumnMoved={(e) => e.finished && saveLayout()}
        onColumnResized={(e) => e.finished && saveLayout()}
        onSortChanged={saveLayout}
        onColumnVisible={saveLayout}
        onColumnPinned={saveLayout}
        onModelUpdated={(e) => {
          onDisplayedChange?.(e.api.getDisplayedRowCount());
          if (perfName && rows && rows.length && e.api.getDisplayedRowCount() === rows.length) performance.mark(`${perfName} all rows`);
        }}
        onFirstDataRendered={() => perfName && performance.mark(`${perfName} first rows`)}
        onRowDoubleClicked={(e) => e.data && onOpen?.(e.data)}
        onCellClicked={(e) => e.data && linkField && e.colDef.field === linkField && onOpen?.(e.data)}
        onCellKeyDown={(e) => {
          const key = (e.event as KeyboardEvent | undefined)?.key;
          if (key === 'Enter' && e.data) onOpen?.(e.data);
        }}
        animateRows={false}
        suppressDragLeaveHidesColumns
      />
    </div>
  );
}
