import type { z } from 'zod';
import type { contactCreate, contactUpdate } from '../../../shared/features/accounts/schemas';
import { contactsRepo } from './repository';
import { checkClientExists, checkContactOfClient } from './references';
import { recordService } from '../../db/records';

export const contactsService = recordService<
  ReturnType<typeof contactsRepo.get> & object,
  z.output<typeof contactCreate>,
  z.output<typeof contactUpdate>
>('accounts:nouns.contact', contactsRepo, {
  check(db, input) {
    checkClientExists(db, input.clientId);
    checkContactOfClient(db, 'reportsToId', input.reportsToId, input.clientId);
  },
});
