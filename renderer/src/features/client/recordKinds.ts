import type { ColDef } from 'ag-grid-community';
import type { TFunction } from 'i18next';
import type { z } from 'zod';
import { CONTACT_CHANNELS, CONTACT_LEVELS, CURRENCIES, INTERACTION_KINDS } from '../../../../shared/domain/enums';
import type { Formatters } from '../../../../shared/domain/format';
import * as s from '../../../../shared/domain/schemas';
import type { Contact } from '../../../../shared/domain/types';
import type { FieldSpec, Option } from '../../components/form-values';

export type RecordKey = 'contacts' | 'purchases' | 'interactions' | 'tasks';

export interface KindContext {
  t: TFunction;
  fmt: Formatters;
  contacts: Contact[];
  today: string;
}

export interface RecordKind {
  key: RecordKey;
  create: z.ZodType;
  update: z.ZodType;
  fields: (c: KindContext, selfId?: number) => FieldSpec[];
  columns: (c: KindContext) => ColDef<any>[];
  defaults: (c: KindContext) => Record<string, unknown>;
}

export const enumOptions = (t: TFunction, ns: string, values: readonly string[]): Option[] => values.map((v) => ({ value: v, label: t(`${ns}.${v}`) }));
const contactOptions = (c: KindContext, exclude?: number): Option[] => c.contacts.filter((x) => x.id !== exclude).map((x) => ({ value: x.id, label: x.name }));
const dateColumn = (c: KindContext, field: string, sort?: 'asc' | 'desc'): ColDef => ({
  field, headerName: c.t(`fields.${field}`), width: 130, sort, valueFormatter: (p) => c.fmt.date(p.value), context: { exportKind: 'date' },
});
const contactName = (c: KindContext) => (p: { value: number | null }) => c.contacts.find((x) => x.id === p.value)?.name ?? '';

export const RECORD_KINDS: Record<RecordKey, RecordKind> = {
  contacts: {
    key: 'contacts',
    create: s.contactCreate,
    update: s.contactUpdate,
    defaults: () => ({ level: 'purchasing' }),
    fields: (c, selfId) => [
      { name: 'name', kind: 'text', required: true },
      { name: 'level', kind: 'select', options: enumOptions(c.t, 'level', CONTACT_LEVELS), allowEmpty: false, required: true },
      { name: 'role', kind: 'text' },
      { name: 'reportsToId', kind: 'select', options: contactOptions(c, selfId), numeric: true },
      { name: 'birthday', kind: 'text', hint: c.t('fields.birthdayHint') },
      { name: 'preferredChannel', kind: 'select', options: enumOptions(c.t, 'channel', CONTACT_CHANNELS) },
      { name: 'language', kind: 'text' },
      { name: 'email', kind: 'email' },
      { name: 'phone', kind: 'text' },
      { name: 'family', kind: 'textarea' },
      { name: 'hobbies', kind: 'textarea' },
      { name: 'foodPreferences', kind: 'textarea' },
      { name: 'notes', kind: 'textarea' },
    ],
    columns: (c) => [
      { field: 'name', headerName: c.t('fields.name'), width: 190, cellClass: 'cell-link' },
      { field: 'level', headerName: c.t('fields.level'), width: 120, valueFormatter: (p) => (p.value ? c.t(`level.${p.value}`) : '') },
      { field: 'role', headerName: c.t('fields.role'), width: 170 },
      { field: 'reportsToId', headerName: c.t('fields.reportsToId'), width: 160, valueFormatter: contactName(c) },
      dateColumn(c, 'birthday'),
      { field: 'preferredChannel', headerName: c.t('fields.preferredChannel'), width: 130, valueFormatter: (p) => (p.value ? c.t(`channel.${p.value}`) : '') },
      { field: 'hobbies', headerName: c.t('fields.hobbies'), width: 180 },
      { field: 'foodPreferences', headerName: c.t('fields.foodPreferences'), width: 180 },
      { field: 'email', headerName: c.t('fields.email'), width: 200 },
      { field: 'phone', headerName: c.t('fields.phone'), width: 140 },
    ],
  },
  purchases: {
    key: 'purchases',
    create: s.purchaseCreate,
    update: s.purchaseUpdate,
    defaults: (c) => ({ date: c.today, quantity: 1 }),
    fields: (c) => [
      { name: 'date', kind: 'date', required: true },
      { name: 'invoice', kind: 'text' },
      { name: 'product', kind: 'text' },
      { name: 'quantity', kind: 'number', required: true },
      { name: 'unitPrice', kind: 'number' },
      { name: 'amount', kind: 'number', hint: c.t('fields.amountHint') },
      { name: 'currency', kind: 'select', options: CURRENCIES.map((x) => ({ value: x, label: x })) },
      { name: 'description', kind: 'textarea' },
    ],
    columns: (c) => [
      { ...dateColumn(c, 'date', 'desc'), cellClass: 'cell-link' },
      { field: 'invoice', headerName: c.t('fields.invoice'), width: 140 },
      { field: 'product', headerName: c.t('fields.product'), width: 220 },
      { field: 'quantity', headerName: c.t('fields.quantity'), width: 110, type: 'numericColumn', valueFormatter: (p) => c.fmt.number(p.value) },
      { field: 'unitPrice', headerName: c.t('fields.unitPrice'), width: 130, type: 'numericColumn', valueFormatter: (p) => c.fmt.money(p.value), context: { exportKind: 'money' } },
      { field: 'amount', headerName: c.t('fields.amount'), width: 140, type: 'numericColumn', valueFormatter: (p) => c.fmt.money(p.value), context: { exportKind: 'money' } },
    ],
  },
  interactions: {
    key: 'interactions',
    create: s.interactionCreate,
    update: s.interactionUpdate,
    defaults: (c) => ({ date: c.today, kind: 'call' }),
    fields: (c) => [
      { name: 'date', kind: 'date', required: true },
      { name: 'kind', kind: 'select', options: enumOptions(c.t, 'kind', INTERACTION_KINDS), allowEmpty: false, required: true },
      { name: 'contactId', kind: 'select', options: contactOptions(c), numeric: true },
      { name: 'summary', kind: 'textarea', required: true },
      { name: 'outcome', kind: 'textarea' },
    ],
    columns: (c) => [
      { ...dateColumn(c, 'date', 'desc'), cellClass: 'cell-link' },
      { field: 'kind', headerName: c.t('fields.kind'), width: 110, valueFormatter: (p) => (p.value ? c.t(`kind.${p.value}`) : '') },
      { field: 'contactId', headerName: c.t('fields.contactId'), width: 170, valueFormatter: contactName(c) },
      { field: 'summary', headerName: c.t('fields.summary'), width: 320 },
      { field: 'outcome', headerName: c.t('fields.outcome'), width: 260 },
    ],
  },
  tasks: {
    key: 'tasks',
    create: s.taskCreate,
    update: s.taskUpdate,
    defaults: (c) => ({ dueDate: c.today }),
    fields: (c) => [
      { name: 'title', kind: 'text', required: true },
      { name: 'dueDate', kind: 'date', required: true },
      { name: 'contactId', kind: 'select', options: contactOptions(c), numeric: true },
      { name: 'doneAt', kind: 'date' },
      { name: 'notes', kind: 'textarea' },
    ],
    columns: (c) => [
      { ...dateColumn(c, 'dueDate', 'asc'), cellClassRules: { overdue: (p) => !p.data?.doneAt && p.value < c.today } },
      { field: 'title', headerName: c.t('fields.title'), width: 260, cellClass: 'cell-link' },
      { field: 'contactId', headerName: c.t('fields.contactId'), width: 170, valueFormatter: contactName(c) },
      dateColumn(c, 'doneAt'),
      { field: 'notes', headerName: c.t('fields.notes'), width: 260 },
    ],
  },
};
