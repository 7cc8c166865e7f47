import type { privacyContract } from '../../../shared/features/privacy/contract';
import type { PrivacyJobOutcome } from '../../../shared/features/privacy/types';
import type { AppContext } from '../../context';
import { fileState } from '../../db/connection';
import { AppError } from '../../errors';
import type { HandlersOf } from '../../handler-types';
import { backupsToKeep } from '../backups';
import { encryptInPlace } from './encrypt';
import { keyProtection, loadKey, newKey, removePassphrase, setPassphrase, storeKey } from './keys';
import { writePersonExport } from './person-export';
import { eraseAndScrub, erasurePreview, privacyStatus, subjectOf } from './service';
import { privacySettings, savePrivacySettings } from './settings';
import { scrubWal } from './erase';

export function privacyHandlers(ctx: AppContext): HandlersOf<typeof privacyContract> {
  const { jobs, platform } = ctx;
  return {
    'privacy.status': (db) => privacyStatus(db, platform.secrets),
    'privacy.saveSettings': (db, input) => {
      const done = savePrivacySettings(db, input);
      // Cleared values still sit in the WAL's older page copies until it is checkpointed, after this commit.
      setImmediate(() => {
        try {
          scrubWal(db);
        } catch {
          // busy: the next checkpoint overwrites them
        }
      });
      return { settings: privacySettings(db), ...done };
    },
    'privacy.encrypt': (db) => {
      if (db.key || fileState(db.path) !== 'plain') throw new AppError('conflict', 'privacy:errors.alreadyEncrypted');
      const secrets = platform.secrets;
      if (!secrets || keyProtection(secrets) === 'none') throw new AppError('forbidden', 'privacy:errors.noKeyStore');
      if (jobs.active().length) throw new AppError('conflict', 'privacy:errors.waitForWork');
      // Stored before anything is copied: a kill after the rename must find the key on the next start.
      const key = loadKey(db.path, secrets) ?? newKey();
      storeKey(db.path, secrets, key);
      let jobId = '';
      jobId = jobs.start<PrivacyJobOutcome>(async (ctl) => {
        const started = Date.now();
        const done = await encryptInPlace(db, key, ctl, {
          runTask: ctx.runTask,
          keep: backupsToKeep(db),
          openOptions: ctx.openOptions,
          otherWork: () => jobs.active().some((j) => j.id !== jobId),
        });
        return { task: 'encrypt', backup: done.backup, encryptedBackups: done.encryptedBackups, seconds: (Date.now() - started) / 1000 };
      }, 'backup', ['*']);
      return { jobId };
    },
    'privacy.setPassphrase': async (db, input) => {
      if (!db.key) throw new AppError('conflict', 'privacy:errors.notEncrypted');
      return { recoveryKey: await setPassphrase(db.path, db.key, input.passphrase) };
    },
    'privacy.removePassphrase': (db) => (removePassphrase(db.path), null),
    'privacy.previewErasure': (db, input) => erasurePreview(db, subjectOf(input)),
    'privacy.erase': (db, input) => {
      const subject = subjectOf(input.subject);
      // Checked now, so a wrong id is answered at once rather than as a failed job.
      erasurePreview(db, subject);
      // A job of kind 'export': the jobs kernel has no kind for an erasure, and this one is short (no banner).
      return { jobId: jobs.start(async () => eraseAndScrub(db, subject), 'export', ['clients', 'contacts', 'interactions', 'tasks', 'purchases', 'privacy', 'dossiers']) };
    },
    'privacy.exportPerson': async (db, input) => {
      const path = await platform.chooseSavePath(`personal-data-${input.contactId}.xlsx`);
      if (!path) return null;
      return writePersonExport(db, input.contactId, path);
    },
  };
}
