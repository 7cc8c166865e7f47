import type { z } from 'zod';
import type * as s from '../../../shared/features/accounts/schemas';
import type { FieldKind } from '../../../shared/features/accounts/enums';
import type { ClientType, ClientTypeField } from '../../../shared/features/accounts/types';
import type { Db } from '../../db/connection';
import { clientTypesRepo, fieldsRepo } from './repository';
import { AppError, fieldError, notFound } from '../../errors';
import { recordService } from '../../db/records';

type FieldSpec = { label: string; kind: FieldKind; options?: string[] };

const PURCHASE_FREQUENCY: FieldSpec = { label: 'Purchase frequency', kind: 'select', options: ['Weekly', 'Monthly', 'Quarterly', 'Yearly', 'Irregular'] };

/** The portraits the sales method asks for; users add their own types and fields on top. */
export const DEFAULT_CLIENT_TYPES: { key: string; name: string; fields: FieldSpec[] }[] = [
  {
    key: 'retailer',
    name: 'Retailer',
    fields: [
      { label: 'Sales floor (m²)', kind: 'number' },
      { label: 'Price segment', kind: 'select', options: ['Economy', 'Middle', 'Premium'] },
      { label: 'Brands stocked', kind: 'list' },
      PURCHASE_FREQUENCY,
    ],
  },
  {
    key: 'manufacturer',
    name: 'Manufacturer',
    fields: [
      { label: 'Output volume (units/year)', kind: 'number' },
      { label: 'Processing equipment', kind: 'list' },
      { label: 'Expansion plans', kind: 'text' },
      { label: 'How it buys', kind: 'select', options: ['Tender', 'Framework contract', 'Spot orders', 'Direct from producer'] },
      PURCHASE_FREQUENCY,
      { label: 'Alternative suppliers', kind: 'list' },
    ],
  },
  {
    key: 'distributor',
    name: 'Distributor',
    fields: [
      { label: 'Regions served', kind: 'list' },
      { label: 'Warehouse (m²)', kind: 'number' },
      { label: 'Own delivery fleet', kind: 'boolean' },
    ],
  },
  {
    key: 'service',
    name: 'Service business',
    fields: [
      { label: 'Staff', kind: 'number' },
      { label: 'Sites', kind: 'number' },
    ],
  },
];

/** Stable machine key from a human label: "Sales floor (m²)" → "sales_floor_m2". */
export function slugKey(label: string): string {
  const key = label
    .normalize('NFKD')
    .replace(/²/g, '2')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '')
    .slice(0, 50);
  return key || 'field';
}

function uniqueKey(base: string, taken: Set<string>): string {
  let key = base;
  for (let i = 2; taken.has(key); i++) key = `${base}_${i}`;
  return key;
}

// Update, archive and restore are the shared record behaviour; create and fields need keys.
export const clientTypesService = recordService<Omit<ClientType, 'fields'>, z.output<typeof s.clientTypeCreate>, z.output<typeof s.clientTypeUpdate>>('accounts:nouns.clientType', clientTypesRepo);
export const fieldsService = recordService<ClientTypeField, z.output<typeof s.fieldCreate>, z.output<typeof s.fieldUpdate>>('accounts:nouns.field', fieldsRepo);

export function listClientTypes(db: Db, includeArchived = false): ClientType[] {
  const fields = fieldsRepo.list(db, { includeArchived });
  return clientTypesRepo.list(db, { includeArchived }).map((t) => ({ ...t, fields: fields.filter((f) => f.typeId === t.id) }));
}

export function createClientType(db: Db, input: z.output<typeof s.clientTypeCreate>): { id: number } {
  const taken = new Set(clientTypesRepo.list(db, { includeArchived: true }).map((t) => t.key));
  return { id: clientTypesRepo.insert(db, { key: uniqueKey(slugKey(input.name), taken), name: input.name }) };
}

export function addField(db: Db, input: z.output<typeof s.fieldCreate>): ClientTypeField {
  if (!clientTypesRepo.get(db, input.typeId)) throw fieldError('typeId', 'accounts:errors.chooseClientType');
  const existing = fieldsRepo.list(db, { includeArchived: true }).filter((f) => f.typeId === input.typeId);
  const key = uniqueKey(slugKey(input.label), new Set(existing.map((f) => f.key)));
  const position = existing.reduce((max, f) => Math.max(max, f.position + 1), 0);
  const id = fieldsRepo.insert(db, { ...input, key, position, options: JSON.stringify(input.options) });
  return fieldsRepo.get(db, id)!;
}

export function updateField(db: Db, input: z.output<typeof s.fieldUpdate>): { id: number } {
  const field = fieldsRepo.get(db, input.id);
  if (!field) throw notFound('accounts:nouns.field', input.id);
  if (field.typeId !== input.typeId) throw new AppError('invalid_input', 'accounts:errors.fieldMoves');
  fieldsRepo.update(db, input.id, { label: input.label, kind: input.kind, options: JSON.stringify(input.options) });
  return { id: input.id };
}

/** Idempotent: gives a new database the default portraits. */
export function ensureDefaultClientTypes(db: Db): void {
  if (clientTypesRepo.list(db, { includeArchived: true }).length > 0) return;
  db.sqlite.transaction(() => {
    for (const type of DEFAULT_CLIENT_TYPES) {
      const typeId = clientTypesRepo.insert(db, { key: type.key, name: type.name });
      for (const f of type.fields) addField(db, { typeId, label: f.label, kind: f.kind, options: f.options ?? [] });
    }
  })();
}
