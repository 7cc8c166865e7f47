import { AllCommunityModule, ModuleRegistry, themeQuartz, type ColDef, type ColumnState, type GridApi, type GridReadyEvent } from 'ag-grid-community';
import { AgGridReact } from 'ag-grid-react';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { compareCells, foldForSearch } from '../../../shared/kernel/collate';
import { savedLayout, saveLayout as storeLayout } from '../lib/layouts';
import { gridLocaleText } from '../lib/grid-locale';
import { useSettingsIfAny } from '../lib/settings-context';
import { GridPreview } from './GridPreview';
import { previewColumns } from './previewColumns';

ModuleRegistry.registerModules([AllCommunityModule]);

const theme = themeQuartz.withParams({ fontSize: 13, headerFontWeight: 600, spacing: 6 });

// Quick search ignores case and accents: each cell's text is folded once (ag-grid keeps every row's joined
// text, cacheQuickFilter, and upper-cases it), the words typed are folded the same way, and a row matches
// when it holds every word. Texts that repeat (a type, a country) are folded once for the whole grid.
const PLAIN_ASCII = /^[\x00-\x7f]*$/;
const folded = new Map<string, string>();
function foldedCell(value: unknown): string {
  // Empty: ag-grid leaves the cell out of the row's text.
  if (value === null || value === undefined || value === '') return '';
  if (typeof value !== 'string') return String(value);
  // Plain ASCII (most codes and names) folds faster than it is looked up.
  if (PLAIN_ASCII.test(value)) return value;
  let f = folded.get(value);
  if (f === undefined) {
    if (folded.size > 250_000) folded.clear();
    folded.set(value, (f = foldForSearch(value)));
  }
  return f;
}
const quickFilterText = (p: { value: unknown }) => foldedCell(p.value);
const quickFilterParser = (text: string) => foldForSearch(text).toUpperCase().split(/\s+/).filter(Boolean);
const quickFilterMatcher = (parts: string[], rowText: string) => parts.every((p) => rowText.includes(p));

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
  /** `rows` are only the first of a longer list, whose rest is on its way. */
  partial?: boolean;
  /** Called when rows are first drawn: by the preview table if there is one, and by ag-grid when it draws them. */
  onFirstRows?: () => void;
  /**
   * Names performance marks for the benchmark: "<name> opened" when the component first renders,
   * "<name> preview rows" when the preview table is in the page, "<name> first rows" when ag-grid first paints rows, "<name> all rows" when every row is in.
   */
  perfName?: string;
  /**
   * Build ag-grid only once rows have come, and paint `partial` rows as a
   * plain table first (GridPreview): ag-grid's own construction holds the
   * window for hundreds of milliseconds before it draws a row.
   */
  preview?: boolean;
}

export function DataGrid<T extends { id: number }>({ rows, columns, layoutKey, quickFilter, onOpen, linkField, onApi, onDisplayedChange, height = '100%', testId, partial, onFirstRows, perfName, preview }: Props<T>) {
  useState(() => perfName && performance.mark(`${perfName} opened`));
  const apiRef = useRef<GridApi<T> | null>(null);
  // Rows go in once the saved sort is applied: given before, 50,000 rows would be sorted twice.
  const [restored, setRestored] = useState(!layoutKey);
  const restoring = useRef(false);
  const saveTimer = useRef<number | undefined>(undefined);
  const settings = useSettingsIfAny();
  const locale = settings?.locale ?? 'en-GB';
  // Names sort as the user's language orders them (Hungarian "cs" after "c", Thai by consonant); a column's own comparator still wins.
  const defaultColDef = useMemo<ColDef<T>>(() => ({ sortable: true, filter: true, resizable: true, minWidth: 80, comparator: (a: unknown, b: unknown) => compareCells(locale, a, b), getQuickFilterText: quickFilterText }), [locale]);
  const localeText = useMemo(() => gridLocaleText(settings?.language ?? 'en'), [settings?.language]);

  // The preview: the saved layout (asked once per window, so it is usually in before the rows), then ag-grid once the table is on screen.
  const [build, setBuild] = useState(!preview);
  const [gridDrawn, setGridDrawn] = useState(false);
  const [previewState, setPreviewState] = useState<ColumnState[] | null | undefined>(preview && layoutKey ? undefined : null);
  useEffect(() => {
    if (preview && layoutKey) void savedLayout(layoutKey).then((s) => setPreviewState(Array.isArray(s) ? (s as ColumnState[]) : null));
  }, []);
  // Once shown, the table stays until the grid has drawn: the whole answer may come while the grid is still being built.
  const [previewOn, setPreviewOn] = useState(false);
  if (!previewOn && !build && preview && partial && rows?.length && previewState !== undefined) setPreviewOn(true);
  const previewing = previewOn && !gridDrawn && !!rows?.length;
  useEffect(() => {
    if (build) return;
    // Built anyway when no rows come (an error the page shows, a slow answer): never an empty page for good.
    if (rows === undefined || previewState === undefined) {
      const id = window.setTimeout(() => setBuild(true), 1_000);
      return () => window.clearTimeout(id);
    }
    if (!previewOn) {
      setBuild(true);
      return;
    }
    // After the frame that paints the table: built in the same task, the grid would hold that paint back.
    let id: number | undefined;
    const frame = requestAnimationFrame(() => (id = window.setTimeout(() => setBuild(true))));
    return () => {
      cancelAnimationFrame(frame);
      window.clearTimeout(id);
    };
  }, [build, rows, previewState, previewOn]);
  const shownColumns = useMemo(() => (previewing ? previewColumns(columns, previewState ?? null) : []), [previewing, columns, previewState]);

  const saveLayout = useCallback(() => {
    if (!layoutKey || restoring.current || !apiRef.current) return;
    window.clearTimeout(saveTimer.current);
    const state = apiRef.current.getColumnState();
    saveTimer.current = window.setTimeout(() => void storeLayout(layoutKey, state), 300);
  }, [layoutKey]);

  const onGridReady = useCallback(
    async (e: GridReadyEvent<T>) => {
      apiRef.current = e.api;
      onApi?.(e.api);
      if (!layoutKey) return;
      const state = (await savedLayout(layoutKey)) as ColumnState[] | null;
      if (e.api.isDestroyed()) return;
      if (Array.isArray(state)) {
        restoring.current = true;
        e.api.applyColumnState({ state, applyOrder: true });
        restoring.current = false;
      }
      setRestored(true);
    },
    [layoutKey, onApi],
  );

  return (
    <div className="grid-host" style={{ height }} data-testid={testId}>
      {previewing && <GridPreview rows={rows!} columns={shownColumns} mark={perfName && `${perfName} preview rows`} onShown={onFirstRows} />}
      {build && <AgGridReact<T>
        theme={theme}
        rowData={restored ? rows : undefined}
        columnDefs={columns}
        defaultColDef={defaultColDef}
        quickFilterText={quickFilter}
        quickFilterParser={quickFilterParser}
        quickFilterMatcher={quickFilterMatcher}
        cacheQuickFilter
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
          if (perfName && !partial && rows && rows.length && e.api.getDisplayedRowCount() === rows.length) performance.mark(`${perfName} all rows`);
        }}
        onFirstDataRendered={() => {
          if (perfName) performance.mark(`${perfName} first rows`);
          setGridDrawn(true);
          onFirstRows?.();
        }}
        onRowDoubleClicked={(e) => e.data && onOpen?.(e.data)}
        onCellClicked={(e) => e.data && linkField && e.colDef.field === linkField && onOpen?.(e.data)}
        onCellKeyDown={(e) => {
          const key = (e.event as KeyboardEvent | undefined)?.key;
          if (key === 'Enter' && e.data) onOpen?.(e.data);
        }}
        animateRows={false}
        suppressDragLeaveHidesColumns
      />}
    </div>
  );
}
