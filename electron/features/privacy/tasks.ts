import type { TaskFunctions } from '../../jobs/task-types';
import { encryptedCopyOf, encryptPlainBackups, type PrivacyTasks } from './encrypt';

export type { PrivacyTasks };

export const privacyTasks: TaskFunctions<PrivacyTasks> = {
  'privacy.encryptCopy': async (db, { key, keep, nativeBinding }, ctl) => encryptedCopyOf(db, key, keep, ctl, nativeBinding),
  'privacy.encryptBackups': async (db, { nativeBinding }, ctl) => {
    if (!db.key) throw new Error('privacy.encryptBackups needs the encrypted database');
    return encryptPlainBackups(db.path, db.key, ctl, nativeBinding);
  },
};
