import { z } from 'zod';
import { command, empty, query } from '../../contract/define';
import type { BackupList } from './types';

export const backupsContract = {
  'backups.list': query<BackupList>(['backups'])(empty),
  'backups.setKeep': command<BackupList>(['backups'])(z.strictObject({ keep: z.number().int().min(1, 'backups:errors.keepMin').max(100, 'backups:errors.keepMax') })),
  /** A verified copy now, as a job. */
  'backups.backUp': query<{ jobId: string }>([], { jobInvalidates: ['backups'] })(empty),
  /** Puts a backup in place of the database while the app stays open; the current file is backed up first. */
  'backups.restoreFrom': query<{ jobId: string }>([], { jobInvalidates: ['*'] })(z.strictObject({ name: z.string().regex(/^\d{6}-\d{8}T\d{6}Z-[a-z-]+\.db$/) })),
} as const;
