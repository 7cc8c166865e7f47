import { z } from 'zod';
import { APP_LANGUAGES, CALENDARS } from '../../kernel/app-settings';
import { CURRENCIES, LOCALES } from '../../kernel/enums';

export const settingsUpdate = z.strictObject({
  language: z.enum(APP_LANGUAGES).optional(),
  locale: z.enum(LOCALES).optional(),
  currency: z.enum(CURRENCIES).optional(),
  calendar: z.enum(CALENDARS).optional(),
});
