import type { TFunction } from 'i18next';
import { CLIENT_STATUSES } from '../../../../shared/domain/enums';
import type { FieldSpec, Option } from '../../components/form-values';
import { enumOptions } from '../client/recordKinds';

export function clientFields(t: TFunction, l: { managers: Option[]; departments: Option[]; typeOptions: Option[]; clients: Option[] }, selfId?: number): FieldSpec[] {
  return [
    { name: 'name', kind: 'text', required: true },
    { name: 'code', kind: 'text' },
    { name: 'typeId', kind: 'select', options: l.typeOptions, numeric: true },
    { name: 'status', kind: 'select', options: enumOptions(t, 'status', CLIENT_STATUSES), allowEmpty: false },
    { name: 'managerId', kind: 'select', options: l.managers, numeric: true },
    { name: 'departmentId', kind: 'select', options: l.departments, numeric: true },
    { name: 'country', kind: 'text' },
    { name: 'city', kind: 'text' },
    { name: 'taxId', kind: 'text' },
    { name: 'email', kind: 'email' },
    { name: 'phone', kind: 'text' },
    { name: 'website', kind: 'url' },
    { name: 'potentialAnnual', kind: 'number' },
    { name: 'referredById', kind: 'select', options: l.clients.filter((c) => c.value !== selfId), numeric: true },
    { name: 'source', kind: 'text' },
    { name: 'reputation', kind: 'checkbox' },
    { name: 'innovator', kind: 'checkbox' },
    { name: 'demanding', kind: 'checkbox' },
    { name: 'keyPotential', kind: 'checkbox' },
    { name: 'notes', kind: 'textarea' },
  ];
}
