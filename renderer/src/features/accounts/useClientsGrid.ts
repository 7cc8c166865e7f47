import { useCallback, useEffect, useMemo, useState } from 'react';
import { CLIENTS_LAYOUT, sortPlan, type ClientRow, type ClientsGrid, type SortPlan } from '../../../../shared/features/accounts';
import { useSettings } from '../../lib/settings-context';
import { savedLayout } from '../../lib/layouts';
import { useQuery } from '../../lib/useQuery';
import { applyRanks, gridRows } from './clientColumns';

/** What the first paint asks for: a screenful and then some, a few kilobytes. */
export const FIRST_ROWS = 100;

/**
 * The clients grid's rows, in the order the grid will show them: the first
 * ones alone (a small answer, painted at once), then every row. Rows carry
 * `extraFields` from the start, so other features' values are written into
 * them without changing their shape.
 */
export function useClientsGrid(includeArchived: boolean, extraFields: string[]) {
  const { settings } = useSettings();
  const [plan, setPlan] = useState<SortPlan | null>(null);
  // Asked while rendering, before the grid is built (a few hundred milliseconds in which the answer can come).
  const [layout] = useState(() => savedLayout(CLIENTS_LAYOUT));
  useEffect(() => {
    let live = true;
    void layout.then((state) => live && setPlan(sortPlan(state)));
    return () => {
      live = false;
    };
  }, []);
  // The first rows as the page opens, in the saved sort main reads itself: a few kilobytes, shown while the
  // megabytes are on their way instead of queued behind them. When main cannot order by the saved sort it
  // sends every row (the grid sorts them), and so it does for a base smaller than the first rows.
  // Not asked again once the whole grid has come (a change of input loads the whole grid at once).
  const [fullCame, setFullCame] = useState(false);
  const head = useQuery('clients.grid', { includeArchived, locale: settings.locale, sort: 'saved', limit: FIRST_ROWS }, !fullCame);
  const headWhole = !!head.data && head.data.count === head.data.total;
  // The whole grid is asked for once the first rows are on screen (as DataGrid's plain table, before ag-grid is
  // built) or cannot come: asked sooner, its megabytes would be read by the window before those rows are painted.
  const [headShown, setHeadShown] = useState(false);
  const firstRowsDrawn = useCallback(() => requestAnimationFrame(() => setHeadShown(true)), []);
  useEffect(() => {
    if (head.error) setHeadShown(true);
  }, [head.error]);
  const input = { includeArchived, locale: settings.locale, ...(plan?.kind === 'sorted' ? { sort: plan.sort } : {}) };
  const full = useQuery('clients.grid', input, plan !== null && (fullCame || (headShown && !headWhole)));
  useEffect(() => {
    if (full.data) setFullCame(true);
  }, [full.data]);
  const source: ClientsGrid | undefined = full.data ?? head.data;
  const fieldsKey = extraFields.join('\u0000');
  const rows = useMemo<ClientRow[] | undefined>(() => source && gridRows(source, extraFields), [source, fieldsKey]);
  // Code and name ranks for every row, once every row is in (the grid then sorts those columns by number).
  const whole = full.data ?? (headWhole ? head.data : undefined);
  const ranks = useQuery('clients.gridRanks', { includeArchived, locale: settings.locale }, !!whole);
  useMemo(() => rows && whole && source === whole && ranks.data?.locale === settings.locale && applyRanks(rows, whole.stamp, ranks.data), [rows, ranks.data]);
  return { rows, firstRowsDrawn, partial: !full.data && !!head.data && !headWhole, total: source?.total, error: full.error ?? head.error };
}
