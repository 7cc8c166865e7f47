import { useMemo } from 'react';
import type { Option } from '../../components/form-values';
import { useQuery } from '../../lib/useQuery';

/** Managers, departments and client types as select options, for forms (clients are picked by search: ClientPicker). */
export function useLookups() {
  const managers = useQuery('managers.list', { includeArchived: false });
  const departments = useQuery('departments.list', { includeArchived: false });
  const types = useQuery('clientTypes.list', { includeArchived: false });
  return useMemo(() => {
    const opts = <T extends { id: number; name: string }>(list: T[] | undefined): Option[] => (list ?? []).map((x) => ({ value: x.id, label: x.name }));
    return {
      managers: opts(managers.data),
      departments: opts(departments.data),
      types: types.data ?? [],
      typeOptions: opts(types.data),
      ready: Boolean(managers.data && departments.data && types.data),
    };
  }, [managers.data, departments.data, types.data]);
}
