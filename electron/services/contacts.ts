import type { z } from 'zod';
import type { contactCreate, contactUpdate } from '../../shared/domain/schemas';
import { contactsRepo } from '../db/repositories';
import { checkClientExists, checkContactOfClient } from './references';
import { recordService } from './records';

export const contactsService = recordService<
  ReturnType<typeof contactsRepo.get> & object,
  z.output<typeof contactCreate>,
  z.output<typeof contactUpdate>
>('Contact', contactsRepo, {
  check(db, input) {
    checkClientExists(db, input.clientId);
    checkContactOfClient(db, 'reportsToId', input.reportsToId, input.clientId);
  },
});
