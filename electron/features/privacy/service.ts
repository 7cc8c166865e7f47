import { backupExpiry, backupPath, listBackups, markBackupsToExpire, removeExpiredBackups } from '../../db/backups';
import { fileState, type Db } from '../../db/connection';
import type { SecretStore } from '../../platform';
import type { ErasureReport, ErasureSubject, ErasureSubjectKind, PrivacyStatus } from '../../../shared/features/privacy/types';
import { eraseSubject, previewErasure, scrubWal } from './erase';
import { hasPassphrase, keyProtection } from './keys';
import { fieldCounts, interactionsDue, privacySettings, purgeLostInteractions } from './settings';

const DAY_MS = 86_400_000;

export const subjectOf = (input: { contactId: number } | { clientId: number }): ErasureSubject =>
  'contactId' in input ? { kind: 'contact', id: input.contactId } : { kind: 'client', id: input.clientId };

/** The backups that hold the person now, and when each is deleted (an earlier mark stays). */
function expiryFor(db: Db, now: Date): ErasureReport['backupsToExpire'] {
  const at = new Date(now.getTime() + privacySettings(db).erasedBackupDays * DAY_MS).toISOString();
  const marks = backupExpiry(db.path);
  return listBackups(db.path).map((b) => ({ name: b.name, expiresAt: marks[b.name] && marks[b.name] < at ? marks[b.name] : at }));
}

export function erasurePreview(db: Db, subject: ErasureSubject, now = new Date()): ErasureReport {
  return { ...previewErasure(db, subject), backupsToExpire: expiryFor(db, now), checkpointed: false };
}

/**
 * The whole erasure: one write transaction, then the WAL emptied so no old
 * page copy is left in it, then every earlier backup marked to expire (and
 * removed at once when the setting says 0 days). The database and WAL then
 * hold none of the erased text: secure_delete zeroes what was freed.
 */
export function eraseAndScrub(db: Db, subject: ErasureSubject, now = new Date()): ErasureReport {
  const report = db.sqlite.transaction(() => eraseSubject(db, subject)).immediate();
  const checkpointed = scrubWal(db);
  const backupsToExpire = expiryFor(db, now);
  markBackupsToExpire(db.path, new Date(now.getTime() + privacySettings(db).erasedBackupDays * DAY_MS));
  removeExpiredBackups(db.path, now);
  return { ...report, backupsToExpire, checkpointed };
}

export function privacyStatus(db: Db, secrets: SecretStore | null): PrivacyStatus {
  const settings = privacySettings(db);
  const erasures = db.sqlite.prepare(`SELECT at, kind, removed, redacted FROM privacy_erasures ORDER BY id DESC LIMIT 50`).all() as {
    at: string;
    kind: ErasureSubjectKind;
    removed: number;
    redacted: number;
  }[];
  return {
    encrypted: Boolean(db.key),
    keyProtection: keyProtection(secrets),
    passphrase: hasPassphrase(db.path),
    plainBackups: listBackups(db.path).filter((b) => fileState(backupPath(db.path, b.name)) === 'plain').length,
    expiringBackups: Object.entries(backupExpiry(db.path))
      .map(([name, expiresAt]) => ({ name, expiresAt }))
      .sort((a, b) => a.expiresAt.localeCompare(b.expiresAt)),
    erasures,
    settings,
    fieldCounts: fieldCounts(db),
    interactionsDue: interactionsDue(db, settings),
  };
}

/**
 * What the settings ask for over time: lost clients' interactions past the
 * retention period, and backups past their expiry. At start and every hour;
 * a write that meets a lock waits for the next round. Returns a stop function.
 */
export function schedulePrivacyUpkeep(db: Db, opts: { everyMs?: number; log?: (err: unknown) => void } = {}): () => void {
  const round = () => {
    try {
      removeExpiredBackups(db.path);
      if (privacySettings(db).lostInteractionsMonths === null) return;
      const purged = db.sqlite.transaction(() => purgeLostInteractions(db)).immediate();
      if (purged) scrubWal(db);
    } catch (err) {
      (opts.log ?? console.error)(err);
    }
  };
  round();
  const timer = setInterval(round, opts.everyMs ?? 60 * 60_000);
  timer.unref?.();
  return () => clearInterval(timer);
}
