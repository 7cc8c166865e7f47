import { AllCommunityModule, ModuleRegistry, themeQuartz, type ColDef, type ColumnState, type GridApi, type GridReadyEvent } from 'ag-grid-community';
import { AgGridReact } from 'ag-grid-react';
import { useCallback, useMemo, useRef } from 'react';
import { neutraliseFormula } from '../../../shared/kernel/format';
import { call } from '../lib/api';

ModuleRegistry.registerModules([AllCommunityModule]);

const theme = themeQuartz.withParams({ fontSize: 13, headerFontWeight: 600, spacing: 6 });

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
}

export function exportCsv<T>(api: GridApi<T>, fileName: string): void {
  api.exportDataAsCsv({
    fileName,
    processCellCallback: (p) => {
      const formatted = p.column.getColDef().valueFormatter && typeof p.value !== 'number' ? p.formatValue(p.value) : p.value;
      return typeof formatted === 'string' ? neutraliseFormula(formatted) : (formatted ?? '');
    },
  });
}

export function DataGrid<T extends { id: number }>({ rows, columns, layoutKey, quickFilter, onOpen, linkField, onApi, onDisplayedChange, height = '100%', testId }: Props<T>) {
  const apiRef = useRef<GridApi<T> | null>(null);
  const restoring = useRef(false);
  const saveTimer = useRef<number | undefined>(undefined);
  const defaultColDef = useMemo<ColDef<T>>(() => ({ sortable: true, filter: true, resizable: true, minWidth: 80 }), []);

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
        getRowId={(p) => String(p.data.id)}
        onGridReady={onGridReady}
        onColumnMoved={(e) => e.finished && saveLayout()}
        onColumnResized={(e) => e.finished && saveLayout()}
        onSortChanged={saveLayout}
        onColumnVisible={saveLayout}
        onColumnPinned={saveLayout}
        onModelUpdated={(e) => onDisplayedChange?.(e.api.getDisplayedRowCount())}
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
