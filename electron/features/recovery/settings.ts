import { DEFAULT_RECOVERY_SETTINGS, recoverySettingsSchema, type RecoverySettings } from '../../../shared/features/recovery/settings';
import type { Db } from '../../db/connection';
import { readSetting, writeSetting } from '../../db/settings-store';

const KEY = 'recovery';

/** Saved values over the defaults; a value that no longer passes the schema falls back to the defaults. */
export function getRecoverySettings(db: Db): RecoverySettings {
  const saved = recoverySettingsSchema.safeParse({ ...DEFAULT_RECOVERY_SETTINGS, ...(readSetting<object>(db, KEY) ?? {}) });
  return saved.success ? saved.data : DEFAULT_RECOVERY_SETTINGS;
}

export function saveRecoverySettings(db: Db, s: RecoverySettings): RecoverySettings {
  writeSetting(db, KEY, s);
  return getRecoverySettings(db);
}
