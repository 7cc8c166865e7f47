import type { Db } from '../../db/connection';
import { readSetting, writeSetting } from '../../db/settings-store';
import {
  CONTACT_FIELD_COLUMNS,
  DEFAULT_PRIVACY_SETTINGS,
  OPTIONAL_CONTACT_FIELDS,
  type OptionalContactField,
  type PrivacySettings,
} from '../../../shared/features/privacy/types';

/** The settings row the contacts triggers of 0008 read (`$.contactFields.<field>`): its name and shape are part of the schema. */
export const SETTINGS_KEY = 'privacy.settings';

export function privacySettings(db: Db): PrivacySettings {
  const saved = readSetting<Partial<PrivacySettings>>(db, SETTINGS_KEY) ?? {};
  return {
    ...DEFAULT_PRIVACY_SETTINGS,
    ...saved,
    contactFields: { ...DEFAULT_PRIVACY_SETTINGS.contactFields, ...saved.contactFields },
  };
}

/** How many contacts hold a value in each optional field. */
export function fieldCounts(db: Db): Record<OptionalContactField, number> {
  const cols = OPTIONAL_CONTACT_FIELDS.map((f) => `count(NULLIF(${CONTACT_FIELD_COLUMNS[f]}, '')) AS ${f}`).join(', ');
  return db.sqlite.prepare(`SELECT ${cols} FROM contacts`).get() as Record<OptionalContactField, number>;
}

/** The day `months` months before `asOf` (YYYY-MM-DD), the end of the month when it has fewer days. */
export function monthsBefore(asOf: string, months: number): string {
  const [y, m, d] = asOf.split('-').map(Number);
  const total = y * 12 + (m - 1) - months;
  const year = Math.floor(total / 12);
  const month = (total % 12) + 1;
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${year}-${String(month).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}`;
}

const today = () => new Date().toISOString().slice(0, 10);

const DUE = `FROM interactions WHERE date < ? AND client_id IN (SELECT id FROM clients WHERE status = 'lost')`;

/** Interactions of lost clients older than the retention period: what a purge deletes now. */
export function interactionsDue(db: Db, s = privacySettings(db), asOf = today()): number {
  if (s.lostInteractionsMonths === null) return 0;
  return (db.sqlite.prepare(`SELECT count(*) AS n ${DUE}`).get(monthsBefore(asOf, s.lostInteractionsMonths)) as { n: number }).n;
}

/** Deletes what the retention period no longer allows; returns how many interactions went. Call inside a write transaction. */
export function purgeLostInteractions(db: Db, s = privacySettings(db), asOf = today()): number {
  if (s.lostInteractionsMonths === null) return 0;
  return db.sqlite.prepare(`DELETE ${DUE}`).run(monthsBefore(asOf, s.lostInteractionsMonths)).changes;
}

/**
 * Saves the settings and applies them at once: every field turned off is
 * cleared on every contact (the triggers keep it empty from then on), and
 * lost clients' interactions past the retention period go. Runs inside the
 * command's transaction.
 */
export function savePrivacySettings(db: Db, next: PrivacySettings): { cleared: number; purged: number } {
  const off = OPTIONAL_CONTACT_FIELDS.filter((f) => !next.contactFields[f]).map((f) => CONTACT_FIELD_COLUMNS[f]);
  // Counted first: the triggers clear every switched-off field of a row at its first update.
  const cleared = off.reduce((n, col) => n + (db.sqlite.prepare(`SELECT count(${col}) FROM contacts`).pluck().get() as number), 0);
  writeSetting(db, SETTINGS_KEY, next);
  if (off.length) db.sqlite.prepare(`UPDATE contacts SET ${off.map((c) => `${c} = NULL`).join(', ')} WHERE ${off.map((c) => `${c} IS NOT NULL`).join(' OR ')}`).run();
  return { cleared, purged: purgeLostInteractions(db, next) };
}
