import { z } from 'zod';
import { command, empty, query } from '../../contract/define';
import { id } from '../../kernel/schema-parts';
import { erasureSubject, passphrase, privacySettings } from './schemas';
import type { ErasureReport, PrivacySettings, PrivacyStatus } from './types';

/** Everything an erasure can touch: every screen that shows a person reloads. */
const ERASES = ['clients', 'contacts', 'interactions', 'tasks', 'purchases', 'privacy', 'dossiers'] as const;

/** The privacy feature's channels (`privacy.verb`). */
export const privacyContract = {
  'privacy.status': query<PrivacyStatus>(['privacy', 'contacts', 'interactions', 'backups'])(empty),
  /** Which contact fields are kept and how long lost clients' interactions stay; fields turned off are cleared at once. */
  'privacy.saveSettings': command<{ settings: PrivacySettings; cleared: number; purged: number }>(['privacy', 'contacts', 'interactions'])(privacySettings),
  /** Encrypts a plain database in place after a verified backup, as a job. */
  'privacy.encrypt': query<{ jobId: string }>([], { jobInvalidates: ['*'] })(empty),
  /** Sets (or replaces) the passphrase that unlocks the file elsewhere; answers the recovery key, shown once. */
  'privacy.setPassphrase': query<{ recoveryKey: string }>([], {})(z.strictObject({ passphrase })),
  'privacy.removePassphrase': query<null>()(empty),
  /** What erasing a contact or a client would remove, rewrite and leave for review; changes nothing. */
  'privacy.previewErasure': query<ErasureReport>([...ERASES])(erasureSubject),
  /**
   * Erases a contact or a client and every mention of them, as a job: after the write commits the WAL is
   * emptied (a command cannot do that inside its transaction), then the report is the job's result.
   */
  'privacy.erase': query<{ jobId: string }>([], { jobInvalidates: [...ERASES] })(z.strictObject({ subject: erasureSubject, confirm: z.literal(true, { error: 'privacy:errors.confirm' }) })),
  /** Everything about one contact into a JSON file and a readable .xlsx beside it (the save dialog picks the place); null when closed. */
  'privacy.exportPerson': query<{ json: string; xlsx: string } | null>(['contacts'])(z.strictObject({ contactId: id })),
} as const;
