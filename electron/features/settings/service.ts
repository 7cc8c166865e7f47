import type { z } from 'zod';
import type { settingsUpdate } from '../../../shared/features/settings/schemas';
import type { AppSettings } from '../../../shared/features/settings/types';
import type { Db } from '../../db/connection';
import { readSetting, writeSetting } from '../../db/settings-store';

const DEFAULTS: AppSettings = { locale: 'en-GB', currency: 'EUR', onboarded: false };

export function getSettings(db: Db): AppSettings {
  return {
    locale: readSetting<string>(db, 'locale') ?? DEFAULTS.locale,
    currency: readSetting<string>(db, 'currency') ?? DEFAULTS.currency,
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
