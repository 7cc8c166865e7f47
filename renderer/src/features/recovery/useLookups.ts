import { useMemo } from 'react';
import type { Option } from '../../components/form-values';
import { useQuery } from '../../lib/useQuery';

/** Client types and other clients (not `except`) as options, for the referral fields. */
export function useLookups(except: number) {
  const types = useQuery('clientTypes.list', { includeArchived: false });
  const clients = useQuery('clients.names', {});
  return useMemo(() => {
    const opts = (list: { id: number; name: string }[] | undefined): Option[] => (list ?? []).filter((x) => x.id !== except).map((x) => ({ value: x.id, label: x.name }));
    return { types: opts(types.data), clients: opts(clients.data), ready: Boolean(types.data && clients.data) };
  }, [types.data, clients.data, except]);
}
