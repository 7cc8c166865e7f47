import type { z } from 'zod';
import type * as s from '../../../shared/features/accounts/schemas';
import type { Interaction, Task } from '../../../shared/features/accounts/types';
import { interactionsRepo, tasksRepo } from './repository';
import { checkClientExists, checkContactOfClient } from './references';
import { recordService } from '../../db/records';

const checkLinks = (db: Parameters<typeof checkClientExists>[0], input: { clientId: number; contactId: number | null }) => {
  checkClientExists(db, input.clientId);
  checkContactOfClient(db, 'contactId', input.contactId, input.clientId);
};

export const interactionsService = recordService<Interaction, z.output<typeof s.interactionCreate>, z.output<typeof s.interactionUpdate>>(
  'accounts:nouns.interaction', interactionsRepo, { check: checkLinks },
);

export const tasksService = recordService<Task, z.output<typeof s.taskCreate>, z.output<typeof s.taskUpdate>>(
  'accounts:nouns.task', tasksRepo, { check: checkLinks },
);
