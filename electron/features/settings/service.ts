import type { z } from 'zod';
import type { settingsUpdate } from '../../../shared/features/settings/schemas';
import type { AppSettings } from '../../../shared/features/settings/types';
import type { AppLanguage, Calendar } from '../../../shared/kernel/app-settings';
import type { Db } from '../../db/connection';
import { readSetting, writeSetting } from '../../db/settings-store';

const DEFAULTS: AppSettings = { language: null, locale: 'en-GB', currency: 'EUR', calendar: 'gregory', onboarded: false };

export function getSettings(db: Db): AppSettings {
  return {
    language: readSetting<AppLanguage>(db, 'language') ?? DEFAULTS.language,
    locale: readSetting<string>(db, 'locale') ?? DEFAULTS.locale,
    currency: readSetting<string>(db, 'currency') ?? DEFAULTS.currency,
    calendar: readSetting<Calendar>(db, 'calendar') ?? DEFAULTS.calendar,
    onboarded: readSetting<boolean>(db, 'onboarded') ?? DEFAULTS.onboarded,
  };
}

export function updateSettings(db: Db, input: z.output<typeof settingsUpdate> & { onboarded?: boolean }): AppSettings {
  for (const [key, value] of Object.entries(input)) if (value !== undefined) writeSetting(db, key, value);
  return getSettings(db);
}

export const getLayout = (db: Db, key: string): unknown => readSetting(db, `layout.${key}`) ?? null;
export const saveLayout = (db: Db, key: string, state: unknown): null => {
  writeSetting(db, `layout.${key}`, state);
  return null;
};
