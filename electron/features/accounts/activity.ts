import type { z } from 'zod';
import type * as s from '../../../shared/features/accounts/schemas';
import type { Interaction, Task } from '../../../shared/features/accounts/types';
import { interactionsRepo, tasksRepo } from './repository';
import { checkClientExists, checkContactOfClient } from './references';
import { recordService } from '../../db/records';
import { notFound } from '../../errors';
import { toIsoDate } from '../../../shared/kernel/dates';

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

/** One click on the tasks tab: done today (main's date), or open again; nothing else about the task changes. */
export function setTaskDone(db: Parameters<typeof checkClientExists>[0], input: { id: number; done: boolean }): { id: number } {
  const task = tasksRepo.get(db, input.id);
  if (!task) throw notFound('accounts:nouns.task', input.id);
  tasksRepo.update(db, input.id, { doneAt: input.done ? (task.doneAt ?? toIsoDate(new Date())) : null });
  return { id: input.id };
}
