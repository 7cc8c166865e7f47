import { useMemo } from 'react';
import type { Option } from '../../components/form-values';
import { useQuery } from '../../lib/useQuery';

/** Managers, departments, client types and clients as select options, for forms. */
export function useLookups() {
  const managers = useQuery('managers.list', { includeArchived: false });
  const departments = useQuery('departments.list', { includeArchived: false });
  const types = useQuery('clientTypes.list', { includeArchived: false });
  // Names only: the grid's rows would compute every client's revenue just to fill a picker.
  const clients = useQuery('clients.names', {});
  return useMemo(() => {
    const opts = <T extends { id: number; name: string }>(list: T[] | undefined): Option[] => (list ?? []).map((x) => ({ value: x.id, label: x.name }));
    return {
      managers: opts(managers.data),
      departments: opts(departments.data),
      types: types.data ?? [],
      typeOptions: opts(types.data),
      clients: opts(clients.data),
      ready: Boolean(managers.data && departments.data && types.data && clients.data),
    };
  }, [managers.data, departments.data, types.data, clients.data]);
}
