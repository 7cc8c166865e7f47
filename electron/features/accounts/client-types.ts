import type { z } from 'zod';
import type * as s from '../../../shared/features/accounts/schemas';
import type { FieldKind } from '../../../shared/features/accounts/enums';
import type { ClientType, ClientTypeField } from '../../../shared/features/accounts/types';
import type { Db } from '../../db/connection';
import { clientTypesRepo, fieldsRepo } from './repository';
import { AppError, fieldError, notFound } from '../../errors';
import { recordService } from '../../db/records';
import { inEnglish, shippedLanguage, translate } from '../../i18n';
import { readSetting } from '../../db/settings-store';
import type { Language } from '../../../shared/i18n';

/** A default field: its label and select options are translation keys (accounts:defaultTypes…). */
type FieldSpec = { label: string; kind: FieldKind; options?: string[] };

const T = 'accounts:defaultTypes';
const opt = (...ids: string[]) => ids.map((id) => `${T}.options.${id}`);
const PURCHASE_FREQUENCY: FieldSpec = { label: `${T}.purchaseFrequency`, kind: 'select', options: opt('weekly', 'monthly', 'quarterly', 'yearly', 'irregular') };

/**
 * The portraits the sales method asks for; users add their own types and fields on top.
 * Names, labels and options are keys, written in the user's language; the type's key and
 * each field's key come from the English text, so they are the same in every language.
 */
export const DEFAULT_CLIENT_TYPES: { key: string; name: string; fields: FieldSpec[] }[] = [
  {
    key: 'retailer',
    name: `${T}.retailer.name`,
    fields: [
      { label: `${T}.retailer.fields.salesFloor`, kind: 'number' },
      { label: `${T}.retailer.fields.priceSegment`, kind: 'select', options: opt('economy', 'middle', 'premium') },
      { label: `${T}.retailer.fields.brandsStocked`, kind: 'list' },
      PURCHASE_FREQUENCY,
    ],
  },
  {
    key: 'manufacturer',
    name: `${T}.manufacturer.name`,
    fields: [
      { label: `${T}.manufacturer.fields.outputVolume`, kind: 'number' },
      { label: `${T}.manufacturer.fields.processingEquipment`, kind: 'list' },
      { label: `${T}.manufacturer.fields.expansionPlans`, kind: 'text' },
      { label: `${T}.manufacturer.fields.howItBuys`, kind: 'select', options: opt('tender', 'frameworkContract', 'spotOrders', 'directFromProducer') },
      PURCHASE_FREQUENCY,
      { label: `${T}.manufacturer.fields.alternativeSuppliers`, kind: 'list' },
    ],
  },
  {
    key: 'distributor',
    name: `${T}.distributor.name`,
    fields: [
      { label: `${T}.distributor.fields.regionsServed`, kind: 'list' },
      { label: `${T}.distributor.fields.warehouse`, kind: 'number' },
      { label: `${T}.distributor.fields.ownFleet`, kind: 'boolean' },
    ],
  },
  {
    key: 'service',
    name: `${T}.service.name`,
    fields: [
      { label: `${T}.service.fields.staff`, kind: 'number' },
      { label: `${T}.service.fields.sites`, kind: 'number' },
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

/**
 * Idempotent: gives a new database the default portraits, written in `lang`
 * (by default the language saved in settings; English before one is chosen).
 * Field keys come from the English labels, so code and imports find the same
 * keys in every language.
 */
export function ensureDefaultClientTypes(db: Db, lang: Language = shippedLanguage(readSetting<string>(db, 'language'))): void {
  if (clientTypesRepo.list(db, { includeArchived: true }).length > 0) return;
  const t = (key: string) => translate(lang, key);
  db.sqlite.transaction(() => {
    for (const type of DEFAULT_CLIENT_TYPES) {
      const typeId = clientTypesRepo.insert(db, { key: type.key, name: t(type.name) });
      const taken = new Set<string>();
      for (const f of type.fields) {
        const key = uniqueKey(slugKey(inEnglish(f.label)), taken);
        taken.add(key);
        fieldsRepo.insert(db, { typeId, label: t(f.label), kind: f.kind, key, position: taken.size - 1, options: JSON.stringify((f.options ?? []).map(t)) });
      }
    }
  })();
}
