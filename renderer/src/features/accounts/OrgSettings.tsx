import { departmentCreate, departmentUpdate, managerCreate, managerUpdate } from '../../../../shared/features/accounts/schemas';
import { OrgList } from '../../components/OrgList';
import { useT } from '../../lib/i18n';
import { useQuery } from '../../lib/useQuery';

/** Settings → managers and departments. */
export function OrgSettings() {
  const { t } = useT();
  const departments = useQuery('departments.list', { includeArchived: true });
  const depOptions = (departments.data ?? []).filter((d) => !d.archivedAt).map((d) => ({ value: d.id, label: d.name }));
  const depName = (id: unknown) => departments.data?.find((d) => d.id === id)?.name ?? '';
  return (
    <>
      <OrgList kind="managers" title={t('accounts:settings.managers')} newLabel={t('accounts:settings.newManager')} create={managerCreate} update={managerUpdate}
        fields={[
          { name: 'name', label: 'accounts:fields.name', kind: 'text', required: true },
          { name: 'email', label: 'accounts:fields.email', kind: 'email' },
          { name: 'departmentId', label: 'accounts:fields.departmentId', kind: 'select', options: depOptions, numeric: true },
        ]}
        describe={(m) => depName(m.departmentId)} />
      <OrgList kind="departments" title={t('accounts:settings.departments')} newLabel={t('accounts:settings.newDepartment')} create={departmentCreate} update={departmentUpdate}
        fields={[{ name: 'name', label: 'accounts:fields.name', kind: 'text', required: true }]} />
    </>
  );
}
