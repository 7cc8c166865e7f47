import type { ColDef } from 'ag-grid-community';
import type { z } from 'zod';
import { CONTACT_CHANNELS, CONTACT_LEVELS, INTERACTION_KINDS, type ContactLevel, type InteractionKind } from '../../../../shared/features/accounts/enums';
import { CURRENCIES } from '../../../../shared/kernel/enums';
import type { en } from '../../../../shared/features/accounts/i18n/en';
import type { Formatters } from '../../../../shared/kernel/format';
import * as s from '../../../../shared/features/accounts/schemas';
import type { Contact } from '../../../../shared/features/accounts/types';
import type { FieldSpec, Option } from '../../components/form-values';
import type { T } from '../../lib/i18n';
import { TaskDoneCell } from './TaskDoneCell';

export type RecordKey = 'contacts' | 'purchases' | 'interactions' | 'tasks';

export interface KindContext {
  t: T;
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
  /** The totals row under the grid: sums of the numeric columns and, under the label column, what was counted. */
  totals?: (rows: Record<string, unknown>[], c: KindContext) => Record<string, unknown>;
}

// Long texts wrap inside their cell rather than being cut at the column's edge.
const wrapping = { wrapText: true, autoHeight: true, cellClass: 'cell-wrap' } as const;

/** Choices of an enum, each labelled by `label` (a typed key per value, so a missing translation fails to compile). */
export const enumOptions = <V extends string>(values: readonly V[], label: (v: V) => string): Option[] => values.map((v) => ({ value: v, label: label(v) }));
type FieldName = keyof typeof en.fields;
type ContactChannel = (typeof CONTACT_CHANNELS)[number];
const contactOptions = (c: KindContext, exclude?: number): Option[] => c.contacts.filter((x) => x.id !== exclude).map((x) => ({ value: x.id, label: x.name }));
const dateColumn = (c: KindContext, field: FieldName, sort?: 'asc' | 'desc'): ColDef => ({
  field, headerName: c.t(`accounts:fields.${field}`), width: 130, sort, valueFormatter: (p) => c.fmt.date(p.value), context: { exportKind: 'date' },
});
const contactName = (c: KindContext) => (p: { value: number | null }) => c.contacts.find((x) => x.id === p.value)?.name ?? '';

export const RECORD_KINDS: Record<RecordKey, RecordKind> = {
  contacts: {
    key: 'contacts',
    create: s.contactCreate,
    update: s.contactUpdate,
    defaults: () => ({ level: 'purchasing' }),
    fields: (c, selfId) => [
      { name: 'name', label: 'accounts:fields.name', kind: 'text', required: true },
      { name: 'level', label: 'accounts:fields.level', kind: 'select', options: enumOptions(CONTACT_LEVELS, (v) => c.t(`accounts:level.${v}`)), allowEmpty: false, required: true },
      { name: 'role', label: 'accounts:fields.role', kind: 'text' },
      { name: 'reportsToId', label: 'accounts:fields.reportsToId', kind: 'select', options: contactOptions(c, selfId), numeric: true },
      { name: 'birthday', label: 'accounts:fields.birthday', kind: 'birthday', hint: c.t('accounts:fields.birthdayHint', { full: c.fmt.entry('1970-12-31'), short: c.fmt.entry('--12-31') }) },
      { name: 'preferredChannel', label: 'accounts:fields.preferredChannel', kind: 'select', options: enumOptions(CONTACT_CHANNELS, (v) => c.t(`accounts:channel.${v}`)) },
      { name: 'language', label: 'accounts:fields.language', kind: 'text' },
      { name: 'email', label: 'accounts:fields.email', kind: 'email' },
      { name: 'phone', label: 'accounts:fields.phone', kind: 'text' },
      { name: 'family', label: 'accounts:fields.family', kind: 'textarea' },
      { name: 'hobbies', label: 'accounts:fields.hobbies', kind: 'textarea' },
      { name: 'foodPreferences', label: 'accounts:fields.foodPreferences', kind: 'textarea' },
      { name: 'notes', label: 'accounts:fields.notes', kind: 'textarea' },
    ],
    columns: (c) => [
      { field: 'name', headerName: c.t('accounts:fields.name'), width: 190, cellClass: 'cell-link' },
      { field: 'level', headerName: c.t('accounts:fields.level'), width: 120, valueFormatter: (p) => (p.value ? c.t(`accounts:level.${p.value as ContactLevel}`) : '') },
      { field: 'role', headerName: c.t('accounts:fields.role'), width: 170 },
      { field: 'reportsToId', headerName: c.t('accounts:fields.reportsToId'), width: 160, valueFormatter: contactName(c) },
      dateColumn(c, 'birthday'),
      { field: 'preferredChannel', headerName: c.t('accounts:fields.preferredChannel'), width: 130, valueFormatter: (p) => (p.value ? c.t(`accounts:channel.${p.value as ContactChannel}`) : '') },
      { field: 'hobbies', headerName: c.t('accounts:fields.hobbies'), width: 180 },
      { field: 'foodPreferences', headerName: c.t('accounts:fields.foodPreferences'), width: 180 },
      { field: 'email', headerName: c.t('accounts:fields.email'), width: 200 },
      { field: 'phone', headerName: c.t('accounts:fields.phone'), width: 140 },
    ],
  },
  purchases: {
    key: 'purchases',
    create: s.purchaseCreate,
    update: s.purchaseUpdate,
    defaults: (c) => ({ date: c.today, quantity: 1 }),
    fields: (c) => [
      { name: 'date', label: 'accounts:fields.date', kind: 'date', required: true },
      { name: 'invoice', label: 'accounts:fields.invoice', kind: 'text' },
      { name: 'product', label: 'accounts:fields.product', kind: 'text' },
      { name: 'quantity', label: 'accounts:fields.quantity', kind: 'number', required: true },
      { name: 'unitPrice', label: 'accounts:fields.unitPrice', kind: 'number' },
      { name: 'amount', label: 'accounts:fields.amount', kind: 'number', hint: c.t('accounts:fields.amountHint') },
      { name: 'currency', label: 'accounts:fields.currency', kind: 'select', options: CURRENCIES.map((x) => ({ value: x, label: x })) },
      { name: 'description', label: 'accounts:fields.description', kind: 'textarea' },
    ],
    columns: (c) => [
      { ...dateColumn(c, 'date', 'desc'), cellClass: 'cell-link' },
      { field: 'invoice', headerName: c.t('accounts:fields.invoice'), width: 140 },
      { field: 'product', headerName: c.t('accounts:fields.product'), width: 220 },
      { field: 'quantity', headerName: c.t('accounts:fields.quantity'), width: 110, type: 'numericColumn', valueFormatter: (p) => c.fmt.number(p.value) },
      { field: 'unitPrice', headerName: c.t('accounts:fields.unitPrice'), width: 130, type: 'numericColumn', valueFormatter: (p) => c.fmt.money(p.value), context: { exportKind: 'money' } },
      { field: 'amount', headerName: c.t('accounts:fields.amount'), width: 140, type: 'numericColumn', valueFormatter: (p) => c.fmt.money(p.value), context: { exportKind: 'money' } },
    ],
    totals: (rows, c) => ({
      date: c.t('accounts:records.totals.purchases', { count: rows.length, n: c.fmt.number(rows.length, 0) }),
      // Quantities of different products do not add up to anything; one product's do.
      quantity: new Set(rows.map((r) => r.product ?? null)).size === 1 ? rows.reduce((n, r) => n + Number(r.quantity ?? 0), 0) : null,
      amount: Math.round(rows.reduce((n, r) => n + Number(r.amount ?? 0), 0) * 100) / 100,
    }),
  },
  interactions: {
    key: 'interactions',
    create: s.interactionCreate,
    update: s.interactionUpdate,
    defaults: (c) => ({ date: c.today, kind: 'call' }),
    fields: (c) => [
      { name: 'date', label: 'accounts:fields.date', kind: 'date', required: true },
      { name: 'kind', label: 'accounts:fields.kind', kind: 'select', options: enumOptions(INTERACTION_KINDS, (v) => c.t(`accounts:kind.${v}`)), allowEmpty: false, required: true },
      { name: 'contactId', label: 'accounts:fields.contactId', kind: 'select', options: contactOptions(c), numeric: true },
      { name: 'summary', label: 'accounts:fields.summary', kind: 'textarea', required: true },
      { name: 'outcome', label: 'accounts:fields.outcome', kind: 'textarea' },
    ],
    columns: (c) => [
      { ...dateColumn(c, 'date', 'desc'), cellClass: 'cell-link' },
      { field: 'kind', headerName: c.t('accounts:fields.kind'), width: 110, valueFormatter: (p) => (p.value ? c.t(`accounts:kind.${p.value as InteractionKind}`) : '') },
      { field: 'contactId', headerName: c.t('accounts:fields.contactId'), width: 170, valueFormatter: contactName(c) },
      { field: 'summary', headerName: c.t('accounts:fields.summary'), width: 380, ...wrapping },
      { field: 'outcome', headerName: c.t('accounts:fields.outcome'), width: 280, ...wrapping },
    ],
    totals: (rows, c) => ({ date: c.t('accounts:records.totals.interactions', { count: rows.length, n: c.fmt.number(rows.length, 0) }) }),
  },
  tasks: {
    key: 'tasks',
    create: s.taskCreate,
    update: s.taskUpdate,
    defaults: (c) => ({ dueDate: c.today }),
    fields: (c) => [
      { name: 'title', label: 'accounts:fields.title', kind: 'text', required: true },
      { name: 'dueDate', label: 'accounts:fields.dueDate', kind: 'date', required: true },
      { name: 'contactId', label: 'accounts:fields.contactId', kind: 'select', options: contactOptions(c), numeric: true },
      { name: 'doneAt', label: 'accounts:fields.doneAt', kind: 'date' },
      { name: 'notes', label: 'accounts:fields.notes', kind: 'textarea' },
    ],
    columns: (c) => [
      {
        colId: 'done', headerName: c.t('accounts:records.tasks.done'), width: 90, minWidth: 70, cellRenderer: TaskDoneCell, sortable: false, filter: false, resizable: false,
        valueGetter: (p) => (p.data?.doneAt ? 1 : 0),
      },
      { ...dateColumn(c, 'dueDate', 'asc'), cellClassRules: { overdue: (p) => !p.node.rowPinned && !p.data?.doneAt && p.value < c.today } },
      { field: 'title', headerName: c.t('accounts:fields.title'), width: 280, ...wrapping, cellClass: ['cell-link', 'cell-wrap'] },
      { field: 'contactId', headerName: c.t('accounts:fields.contactId'), width: 170, valueFormatter: contactName(c) },
      dateColumn(c, 'doneAt'),
      { field: 'notes', headerName: c.t('accounts:fields.notes'), width: 280, ...wrapping },
    ],
    totals: (rows, c) => ({
      dueDate: c.t('accounts:records.totals.tasks', { count: rows.length, n: c.fmt.number(rows.length, 0), open: c.fmt.number(rows.filter((r) => !r.doneAt).length, 0) }),
    }),
  },
};
