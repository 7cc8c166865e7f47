import { z } from 'zod';
import { CURRENCIES, LOCALES } from '../../kernel/enums';

export const settingsUpdate = z.strictObject({
  locale: z.enum(LOCALES).optional(),
  currency: z.enum(CURRENCIES).optional(),
});
