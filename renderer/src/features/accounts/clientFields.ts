import { CLIENT_STATUSES } from '../../../../shared/features/accounts/enums';
import type { FieldSpec, Option } from '../../components/form-values';
import { enumOptions } from './recordKinds';
import type { T } from '../../lib/i18n';

export function clientFields(t: T, l: { managers: Option[]; departments: Option[]; typeOptions: Option[] }, selfId?: number): FieldSpec[] {
  return [
    { name: 'name', label: 'accounts:fields.name', kind: 'text', required: true },
    { name: 'code', label: 'accounts:fields.code', kind: 'text' },
    { name: 'typeId', label: 'accounts:fields.typeId', kind: 'select', options: l.typeOptions, numeric: true },
    { name: 'status', label: 'accounts:fields.status', kind: 'select', options: enumOptions(CLIENT_STATUSES, (v) => t(`accounts:status.${v}`)), allowEmpty: false },
    { name: 'managerId', label: 'accounts:fields.managerId', kind: 'select', options: l.managers, numeric: true },
    { name: 'departmentId', label: 'accounts:fields.departmentId', kind: 'select', options: l.departments, numeric: true },
    { name: 'country', label: 'accounts:fields.country', kind: 'text' },
    { name: 'city', label: 'accounts:fields.city', kind: 'text' },
    { name: 'taxId', label: 'accounts:fields.taxId', kind: 'text' },
    { name: 'email', label: 'accounts:fields.email', kind: 'email' },
    { name: 'phone', label: 'accounts:fields.phone', kind: 'text' },
    { name: 'website', label: 'accounts:fields.website', kind: 'url' },
    { name: 'potentialAnnual', label: 'accounts:fields.potentialAnnual', kind: 'number' },
    { name: 'referredById', label: 'accounts:fields.referredById', kind: 'client', exclude: selfId },
    { name: 'source', label: 'accounts:fields.source', kind: 'text' },
    { name: 'reputation', label: 'accounts:fields.reputation', kind: 'checkbox' },
    { name: 'innovator', label: 'accounts:fields.innovator', kind: 'checkbox' },
    { name: 'demanding', label: 'accounts:fields.demanding', kind: 'checkbox' },
    { name: 'keyPotential', label: 'accounts:fields.keyPotential', kind: 'checkbox' },
    { name: 'notes', label: 'accounts:fields.notes', kind: 'textarea' },
  ];
}
