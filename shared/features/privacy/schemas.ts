import { z } from 'zod';
import { id } from '../../kernel/schema-parts';
import { OPTIONAL_CONTACT_FIELDS } from './types';

export const privacySettings = z.strictObject({
  contactFields: z.strictObject(Object.fromEntries(OPTIONAL_CONTACT_FIELDS.map((f) => [f, z.boolean()])) as { [K in (typeof OPTIONAL_CONTACT_FIELDS)[number]]: z.ZodBoolean }),
  lostInteractionsMonths: z.number({ error: 'privacy:errors.months' }).int('privacy:errors.months').min(1, 'privacy:errors.months').max(600, 'privacy:errors.months').nullable(),
  erasedBackupDays: z.number({ error: 'privacy:errors.days' }).int('privacy:errors.days').min(0, 'privacy:errors.days').max(365, 'privacy:errors.days'),
});

export const erasureSubject = z.union([
  z.strictObject({ contactId: id }),
  z.strictObject({ clientId: id }),
]);

/** Long enough to resist guessing on a stolen laptop; the recovery key is the way back if it is forgotten. */
export const MIN_PASSPHRASE = 10;
export const passphrase = z.string({ error: 'privacy:errors.passphraseShort' }).min(MIN_PASSPHRASE, 'privacy:errors.passphraseShort').max(1000, 'common:errors.tooLong');
