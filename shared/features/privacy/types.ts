/**
 * The contact fields a business may choose not to keep: anything beyond the
 * name, level and client. Turning one off clears it on every contact and
 * keeps it empty from then on (a trigger on the contacts table, 0008).
 */
export const OPTIONAL_CONTACT_FIELDS = ['role', 'birthday', 'family', 'hobbies', 'foodPreferences', 'preferredChannel', 'language', 'email', 'phone', 'notes'] as const;
export type OptionalContactField = (typeof OPTIONAL_CONTACT_FIELDS)[number];

/** The contacts table's column for each field (what the trigger and the counts read). */
export const CONTACT_FIELD_COLUMNS: Record<OptionalContactField, string> = {
  role: 'role',
  birthday: 'birthday',
  family: 'family',
  hobbies: 'hobbies',
  foodPreferences: 'food_preferences',
  preferredChannel: 'preferred_channel',
  language: 'language',
  email: 'email',
  phone: 'phone',
  notes: 'notes',
};

export interface PrivacySettings {
  /** true: the field is kept; false: it is cleared and stays empty. */
  contactFields: Record<OptionalContactField, boolean>;
  /** Interactions of lost clients older than this many months are deleted; null keeps them. */
  lostInteractionsMonths: number | null;
  /** After an erasure, the backups made before it are deleted this many days later. */
  erasedBackupDays: number;
}

export const DEFAULT_PRIVACY_SETTINGS: PrivacySettings = {
  contactFields: Object.fromEntries(OPTIONAL_CONTACT_FIELDS.map((f) => [f, true])) as Record<OptionalContactField, boolean>,
  lostInteractionsMonths: null,
  erasedBackupDays: 30,
};

/** Who keeps the database key on this computer. */
export type KeyProtection = 'os' | 'weak' | 'none';

export interface PrivacyStatus {
  encrypted: boolean;
  /** How the key is kept here: the OS's secret store, a weak fallback (Linux without a keyring), or not at all. */
  keyProtection: KeyProtection;
  /** A passphrase can unlock the file on another computer. */
  passphrase: boolean;
  /** Backups that are still plain (made before encryption); an encryption converts them too. */
  plainBackups: number;
  expiringBackups: { name: string; expiresAt: string }[];
  erasures: { at: string; kind: ErasureSubjectKind; removed: number; redacted: number }[];
  settings: PrivacySettings;
  /** How many contacts hold a value in each optional field: what turning it off would clear. */
  fieldCounts: Record<OptionalContactField, number>;
  /** Interactions the current retention setting would delete now. */
  interactionsDue: number;
}

export type ErasureSubjectKind = 'contact' | 'client';
export interface ErasureSubject {
  kind: ErasureSubjectKind;
  id: number;
}

/** One record an erasure touches. `fields` are the columns changed (or, for review, where the person is named). */
export interface RecordRef {
  table: string;
  id: number;
  fields?: string[];
}

/**
 * What an erasure did (or, as a preview, will do). It names tables, ids and
 * columns, never the person: the report may be kept as proof of the erasure.
 */
export interface ErasureReport {
  subject: ErasureSubject;
  /** Rows deleted, by table. */
  removed: { table: string; ids: number[] }[];
  /** Rows kept with the person's name, e-mail or phone cut out of their text. */
  redacted: RecordRef[];
  /** Text the app does not rewrite (dossiers) and partial mentions (the surname alone): for the user to read and edit. */
  toReview: RecordRef[];
  /** Search index rows removed or rewritten, per index table. */
  searchIndex: { table: string; rows: number }[];
  /** Backups made before the erasure, and when they are deleted. */
  backupsToExpire: { name: string; expiresAt: string }[];
  /** The WAL was emptied after the erasure, so no old copy of a changed page is left in it. */
  checkpointed: boolean;
}

/** Everything kept about one contact, for the person to read (GDPR art. 15/20). */
export interface PersonExport {
  exportedAt: string;
  contact: Record<string, unknown>;
  client: { id: number; name: string; code: string | null };
  interactions: Record<string, unknown>[];
  tasks: Record<string, unknown>[];
  /** Text elsewhere that names them (other people's names cut out). */
  mentions: { table: string; id: number; field: string; text: string }[];
  /** Values an import wrote to them or replaced, kept for undo. */
  importHistory: { importId: number; before: unknown; after: unknown }[];
}

/** What the encryption job hands back (the erasure job hands back its ErasureReport). */
export type PrivacyJobOutcome = { task: 'encrypt'; backup: string; encryptedBackups: number; seconds: number };
