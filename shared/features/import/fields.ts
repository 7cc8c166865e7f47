import type { MessageKey } from '../../i18n';

/** What an imported column can become, per import kind. */
export const IMPORT_KINDS = ['clients', 'contacts', 'purchases'] as const;
export type ImportKind = (typeof IMPORT_KINDS)[number];

export type FieldType = 'text' | 'number' | 'date' | 'email';

const EMAIL = ['email', 'e-mail', 'mail', 'e-mail cím', 'courriel', 'el. paštas', 'el paštas', 'อีเมล', 'эл. почта', 'почта', 'электронная почта'];
const PHONE = ['phone', 'telephone', 'tel', 'mobile', 'telefon', 'téléphone', 'telefonas', 'โทรศัพท์', 'เบอร์โทร', 'телефон'];
const NOTES = ['notes', 'note', 'comment', 'comments', 'megjegyzés', 'remarque', 'commentaire', 'pastabos', 'หมายเหตุ', 'примечание', 'комментарий'];

export interface ImportField {
  key: string;
  /** The field's name on screen; checked by the compiler against the import resources. */
  label: MessageKey;
  type: FieldType;
  required?: boolean;
  /** Header names in English, Hungarian, French, Lithuanian, Thai and Russian, compared after folding case and accents. */
  aliases: string[];
}

const CLIENT_KEY = ['client', 'customer', 'customer id', 'client id', 'client code', 'customer code', 'account', 'ügyfél', 'vevő', 'partner', 'vevőkód', 'ügyfélkód', 'client', 'code client', 'klientas', 'pirkėjas', 'kliento kodas', 'ลูกค้า', 'รหัสลูกค้า', 'клиент', 'покупатель', 'код клиента', 'контрагент'];

export const IMPORT_FIELDS: Record<ImportKind, ImportField[]> = {
  clients: [
    { key: 'code', label: 'import:fields.clients.code', type: 'text', aliases: ['code', 'client code', 'customer code', 'customer id', 'id', 'kód', 'azonosító', 'ügyfélkód', 'code client', 'référence', 'kodas', 'รหัส', 'รหัสลูกค้า', 'код', 'код клиента'] },
    { key: 'name', label: 'import:fields.clients.name', type: 'text', required: true, aliases: ['name', 'client', 'customer', 'company', 'client name', 'customer name', 'név', 'cégnév', 'ügyfél', 'nom', 'raison sociale', 'société', 'pavadinimas', 'vardas', 'įmonė', 'ชื่อ', 'ชื่อลูกค้า', 'บริษัท', 'имя', 'название', 'наименование', 'компания', 'клиент'] },
    { key: 'taxId', label: 'import:fields.clients.taxId', type: 'text', aliases: ['tax id', 'vat', 'vat number', 'tax number', 'adószám', 'numéro de tva', 'siret', 'tva', 'pvm kodas', 'įmonės kodas', 'เลขประจำตัวผู้เสียภาษี', 'инн'] },
    { key: 'email', label: 'import:fields.clients.email', type: 'email', aliases: EMAIL },
    { key: 'phone', label: 'import:fields.clients.phone', type: 'text', aliases: PHONE },
    { key: 'website', label: 'import:fields.clients.website', type: 'text', aliases: ['website', 'web', 'url', 'honlap', 'site web', 'svetainė', 'เว็บไซต์', 'сайт'] },
    { key: 'country', label: 'import:fields.clients.country', type: 'text', aliases: ['country', 'ország', 'pays', 'šalis', 'ประเทศ', 'страна'] },
    { key: 'city', label: 'import:fields.clients.city', type: 'text', aliases: ['city', 'town', 'város', 'település', 'ville', 'miestas', 'เมือง', 'จังหวัด', 'город'] },
    { key: 'potentialAnnual', label: 'import:fields.clients.potentialAnnual', type: 'number', aliases: ['potential', 'annual potential', 'potenciál', 'potentiel', 'potencialas', 'ศักยภาพ', 'потенциал'] },
    { key: 'source', label: 'import:fields.clients.source', type: 'text', aliases: ['source', 'forrás', 'origine', 'šaltinis', 'แหล่งที่มา', 'источник'] },
    { key: 'notes', label: 'import:fields.clients.notes', type: 'text', aliases: NOTES },
    { key: 'manager', label: 'import:fields.clients.manager', type: 'text', aliases: ['manager', 'account manager', 'sales rep', 'salesperson', 'kam', 'felelős', 'üzletkötő', 'kapcsolattartó munkatárs', 'responsable', 'commercial', 'vadybininkas', 'atsakingas', 'ผู้ดูแล', 'พนักงานขาย', 'менеджер', 'ответственный'] },
    { key: 'type', label: 'import:fields.clients.type', type: 'text', aliases: ['type', 'client type', 'customer type', 'segment', 'típus', 'ügyféltípus', 'type de client', 'segment client', 'tipas', 'kliento tipas', 'ประเภท', 'ประเภทลูกค้า', 'тип', 'тип клиента', 'сегмент'] },
    { key: 'status', label: 'import:fields.clients.status', type: 'text', aliases: ['status', 'state', 'állapot', 'státusz', 'statut', 'būsena', 'statusas', 'สถานะ', 'статус'] },
  ],
  contacts: [
    { key: 'client', label: 'import:fields.contacts.client', type: 'text', required: true, aliases: CLIENT_KEY },
    { key: 'name', label: 'import:fields.contacts.name', type: 'text', required: true, aliases: ['name', 'contact', 'contact name', 'person', 'név', 'kapcsolattartó', 'nom', 'nom du contact', 'vardas', 'kontaktas', 'ชื่อ', 'ผู้ติดต่อ', 'имя', 'контакт', 'контактное лицо', 'фио'] },
    { key: 'level', label: 'import:fields.contacts.level', type: 'text', aliases: ['level', 'contact level', 'szint', 'niveau', 'lygis', 'ระดับ', 'уровень'] },
    { key: 'role', label: 'import:fields.contacts.role', type: 'text', aliases: ['role', 'position', 'title', 'job title', 'beosztás', 'pozíció', 'fonction', 'poste', 'pareigos', 'ตำแหน่ง', 'должность'] },
    { key: 'email', label: 'import:fields.contacts.email', type: 'email', aliases: EMAIL },
    { key: 'phone', label: 'import:fields.contacts.phone', type: 'text', aliases: PHONE },
    { key: 'birthday', label: 'import:fields.contacts.birthday', type: 'date', aliases: ['birthday', 'date of birth', 'születésnap', 'születési dátum', 'anniversaire', 'date de naissance', 'gimtadienis', 'gimimo data', 'วันเกิด', 'день рождения', 'дата рождения'] },
    { key: 'language', label: 'import:fields.contacts.language', type: 'text', aliases: ['language', 'nyelv', 'langue', 'kalba', 'ภาษา', 'язык'] },
    { key: 'notes', label: 'import:fields.contacts.notes', type: 'text', aliases: NOTES },
  ],
  purchases: [
    { key: 'client', label: 'import:fields.purchases.client', type: 'text', required: true, aliases: CLIENT_KEY },
    { key: 'clientName', label: 'import:fields.purchases.clientName', type: 'text', aliases: ['client name', 'customer name', 'ügyfél neve', 'vevő neve', 'nom du client', 'kliento pavadinimas', 'ชื่อลูกค้า', 'название клиента', 'наименование покупателя'] },
    { key: 'date', label: 'import:fields.purchases.date', type: 'date', required: true, aliases: ['date', 'invoice date', 'order date', 'dátum', 'számla dátuma', 'kelt', 'teljesítés', 'date de facture', 'data', 'sąskaitos data', 'วันที่', 'дата', 'дата документа'] },
    { key: 'invoice', label: 'import:fields.purchases.invoice', type: 'text', aliases: ['invoice', 'invoice no', 'invoice number', 'document', 'számla', 'számlaszám', 'facture', 'n° facture', 'numéro de facture', 'sąskaita', 'sąskaitos nr', 'ใบแจ้งหนี้', 'เลขที่ใบกำกับ', 'счет', 'счёт', 'номер счета', 'документ'] },
    { key: 'product', label: 'import:fields.purchases.product', type: 'text', aliases: ['product', 'item', 'sku', 'article', 'product code', 'termék', 'cikkszám', 'produit', 'prekė', 'produktas', 'สินค้า', 'รหัสสินค้า', 'товар', 'артикул', 'номенклатура'] },
    { key: 'description', label: 'import:fields.purchases.description', type: 'text', aliases: ['description', 'details', 'megnevezés', 'leírás', 'désignation', 'libellé', 'aprašymas', 'รายละเอียด', 'описание'] },
    { key: 'quantity', label: 'import:fields.purchases.quantity', type: 'number', aliases: ['quantity', 'qty', 'units', 'mennyiség', 'db', 'quantité', 'qté', 'kiekis', 'จำนวน', 'количество', 'кол-во'] },
    { key: 'unitPrice', label: 'import:fields.purchases.unitPrice', type: 'number', aliases: ['unit price', 'price', 'egységár', 'ár', 'prix unitaire', 'prix', 'vieneto kaina', 'kaina', 'ราคาต่อหน่วย', 'ราคา', 'цена'] },
    { key: 'amount', label: 'import:fields.purchases.amount', type: 'number', aliases: ['amount', 'total', 'net amount', 'value', 'revenue', 'összeg', 'nettó', 'érték', 'montant', 'montant ht', 'total ht', 'suma', 'vertė', 'จำนวนเงิน', 'ยอดเงิน', 'มูลค่า', 'сумма', 'стоимость'] },
    { key: 'currency', label: 'import:fields.purchases.currency', type: 'text', aliases: ['currency', 'pénznem', 'deviza', 'devise', 'monnaie', 'valiuta', 'สกุลเงิน', 'валюта'] },
    { key: 'status', label: 'import:fields.purchases.status', type: 'text', aliases: ['status', 'state', 'állapot', 'státusz', 'statut', 'état', 'būsena', 'สถานะ', 'статус', 'состояние'] },
  ],
};

export function fieldOf(kind: ImportKind, key: string): ImportField | undefined {
  return IMPORT_FIELDS[kind].find((f) => f.key === key);
}

/** Where a portrait (profile) field's key starts, as an import field: `profile.sales_floor_m2`. */
export const PORTRAIT_PREFIX = 'profile.';
export const isPortraitKey = (key: string): boolean => key.startsWith(PORTRAIT_PREFIX);

/**
 * A portrait field of the client types, offered for a clients file. Its label
 * is the user's own words (as typed under Settings → Client types), so it is
 * shown as it is, never translated; a key two types share is one field.
 */
export interface PortraitImportField {
  key: string;
  label: string;
  /** 'number' only when every type's field with this key holds a number: then the column's number format is detected. */
  type: 'text' | 'number';
  /** Every label the key has among the types: a header equal to one of them is this field. */
  aliases: string[];
}

/** A field's type among the kind's own fields and the portrait fields offered with them. */
export function fieldTypeOf(kind: ImportKind, key: string, portrait: readonly PortraitImportField[] = []): FieldType | undefined {
  return isPortraitKey(key) ? portrait.find((f) => f.key === key)?.type : fieldOf(kind, key)?.type;
}

/** Case, accents, punctuation and spacing do not matter when matching a header. */
export function foldHeader(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLocaleLowerCase('en')
    .replace(/[._:#°/\\()-]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Each field's name inside a sentence ("Map a column to client and amount"): a typed map, so every key is checked. */
export const FIELD_NOUNS: Record<string, MessageKey> = {
  code: 'import:fieldNames.code', name: 'import:fieldNames.name', taxId: 'import:fieldNames.taxId', email: 'import:fieldNames.email',
  phone: 'import:fieldNames.phone', website: 'import:fieldNames.website', country: 'import:fieldNames.country', city: 'import:fieldNames.city',
  potentialAnnual: 'import:fieldNames.potentialAnnual', source: 'import:fieldNames.source', notes: 'import:fieldNames.notes',
  manager: 'import:fieldNames.manager', type: 'import:fieldNames.type', status: 'import:fieldNames.status', client: 'import:fieldNames.client',
  level: 'import:fieldNames.level', role: 'import:fieldNames.role', birthday: 'import:fieldNames.birthday', language: 'import:fieldNames.language',
  clientName: 'import:fieldNames.clientName', date: 'import:fieldNames.date', invoice: 'import:fieldNames.invoice', product: 'import:fieldNames.product',
  description: 'import:fieldNames.description', quantity: 'import:fieldNames.quantity', unitPrice: 'import:fieldNames.unitPrice',
  amount: 'import:fieldNames.amount', currency: 'import:fieldNames.currency',
};
