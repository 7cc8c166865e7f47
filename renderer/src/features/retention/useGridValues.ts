import { useMemo } from 'react';
import { useQuery } from '../../lib/useQuery';
import { useFreshFit } from './useFit';

/** The clients grid's retention values by client id, from one compact query. */
export function useGridValues(enabled: boolean): Map<number, Record<string, unknown>> | undefined {
  const q = useQuery('retention.gridValues', {}, enabled);
  useFreshFit(q.data?.fit);
  return useMemo(() => {
    const v = q.data;
    if (!v) return undefined;
    const m = new Map<number, Record<string, unknown>>();
    v.ids.forEach((id, i) => m.set(id, { retentionDormant: v.dormant[i] === 1, retentionPAlive: v.pAlive[i] }));
    return m;
  }, [q.data]);
}
