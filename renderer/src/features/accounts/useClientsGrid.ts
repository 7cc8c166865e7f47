import { useEffect, useMemo, useState } from 'react';
import type { ClientRow, ClientsGrid } from '../../../../shared/features/accounts';
import { useSettings } from '../../lib/settings-context';
import { savedLayout } from '../../lib/layouts';
import { useQuery } from '../../lib/useQuery';
import { gridRows } from './clientColumns';
import { FIRST_ROWS, sortPlan, type SortPlan } from './gridSortPlan';

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
  const [layout] = useState(() => savedLayout('clients'));
  useEffect(() => {
    let live = true;
    void layout.then((state) => live && setPlan(sortPlan(state)));
    return () => {
      live = false;
    };
  }, []);
  const input = { includeArchived, locale: settings.locale, ...(plan?.kind === 'sorted' ? { sort: plan.sort } : {}) };
  // The first rows alone, then the whole grid once they are painted: a few kilobytes from the grid main
  // computes for both, shown while the megabytes are on their way instead of queued behind them.
  // Not asked again once the whole grid has come (a change of input loads the whole grid at once).
  const [fullCame, setFullCame] = useState(false);
  const withHead = plan !== null && plan.kind !== 'other' && !fullCame;
  const head = useQuery('clients.grid', { ...input, limit: FIRST_ROWS }, withHead);
  const [headShown, setHeadShown] = useState(false);
  useEffect(() => {
    if (!head.data && !head.error) return;
    // After the next frame: the first rows are drawn before the megabytes arrive and are read.
    let frame = requestAnimationFrame(() => (frame = requestAnimationFrame(() => setHeadShown(true))));
    return () => cancelAnimationFrame(frame);
  }, [head.data, head.error]);
  const full = useQuery('clients.grid', input, plan !== null && (!withHead || headShown));
  useEffect(() => {
    if (full.data) setFullCame(true);
  }, [full.data]);
  const source: ClientsGrid | undefined = full.data ?? head.data;
  const fieldsKey = extraFields.join('\u0000');
  const rows = useMemo<ClientRow[] | undefined>(() => source && gridRows(source, extraFields), [source, fieldsKey]);
  return { rows, partial: !full.data && !!head.data && head.data.count < head.data.total, total: source?.total, error: full.error ?? head.error };
}
