import type { z } from 'zod';
import type * as s from '../../shared/domain/schemas';
import type { Interaction, Task } from '../../shared/domain/types';
import { interactionsRepo, tasksRepo } from '../db/repositories';
import { checkClientExists, checkContactOfClient } from './references';
import { recordService } from './records';

const checkLinks = (db: Parameters<typeof checkClientExists>[0], input: { clientId: number; contactId: number | null }) => {
  checkClientExists(db, input.clientId);
  checkContactOfClient(db, 'contactId', input.contactId, input.clientId);
};

export const interactionsService = recordService<Interaction, z.output<typeof s.interactionCreate>, z.output<typeof s.interactionUpdate>>(
  'Interaction', interactionsRepo, { check: checkLinks },
);

export const tasksService = recordService<Task, z.output<typeof s.taskCreate>, z.output<typeof s.taskUpdate>>(
  'Task', tasksRepo, { check: checkLinks },
);
