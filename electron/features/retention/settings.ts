import { DEFAULT_RETENTION_SETTINGS, retentionSettingsSchema, type RetentionSettings } from '../../../shared/features/retention/settings';
import type { Db } from '../../db/connection';
import { readSetting, writeSetting } from '../../db/settings-store';

const KEY = 'retention';

/** The saved settings over the defaults; a saved value that no longer validates falls back to the defaults as a whole. */
export function getRetentionSettings(db: Db): RetentionSettings {
  const saved = readSetting<Partial<RetentionSettings>>(db, KEY) ?? {};
  const merged = retentionSettingsSchema.safeParse({ ...DEFAULT_RETENTION_SETTINGS, ...saved, cadence: { ...DEFAULT_RETENTION_SETTINGS.cadence, ...(saved.cadence ?? {}) } });
  return merged.success ? merged.data : DEFAULT_RETENTION_SETTINGS;
}

export function saveRetentionSettings(db: Db, s: RetentionSettings): RetentionSettings {
  writeSetting(db, KEY, s);
  return getRetentionSettings(db);
}
