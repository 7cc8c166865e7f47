import { z } from 'zod';
import { byId, command, empty, listAll, ofClient, query, records, writes } from '../../contract/define';
import { id, isoDate } from '../../kernel/schema-parts';
import * as s from './schemas';
import type { Client, ClientName, ClientRow, ClientType, ClientTypeField, Contact, Department, Interaction, Manager, Purchase, Task } from './types';

/** What the clients grid and a client's figures are computed from. */
const CLIENT_FIGURES = ['clients', 'purchases', 'org', 'clientTypes'] as const;

export const accountsContract = {
  'clients.list': query<ClientRow[]>(CLIENT_FIGURES)(z.strictObject({ includeArchived: z.boolean().default(false), asOf: isoDate.optional() }).default({ includeArchived: false })),
  'clients.get': query<Client>(['clients'])(byId),
  'clients.summary': query<ClientRow>(CLIENT_FIGURES)(z.strictObject({ id, asOf: isoDate.optional() })),
  'clients.names': query<ClientName[]>(['clients'])(empty),
  ...writes('clients', s.clientCreate, s.clientUpdate, ['clients']),
  ...records<Contact>()('contacts', ofClient, s.contactCreate, s.contactUpdate, ['contacts']),
  ...records<Purchase>()('purchases', ofClient, s.purchaseCreate, s.purchaseUpdate, ['purchases']),
  ...records<Interaction>()('interactions', ofClient, s.interactionCreate, s.interactionUpdate, ['interactions']),
  ...records<Task>()('tasks', ofClient, s.taskCreate, s.taskUpdate, ['tasks']),
  ...records<Manager>()('managers', listAll, s.managerCreate, s.managerUpdate, ['org']),
  ...records<Department>()('departments', listAll, s.departmentCreate, s.departmentUpdate, ['org']),

  'clientTypes.list': query<ClientType[]>(['clientTypes'])(listAll),
  ...writes('clientTypes', s.clientTypeCreate, s.clientTypeUpdate, ['clientTypes']),
  'clientTypes.addField': command<ClientTypeField>(['clientTypes'])(s.fieldCreate),
  'clientTypes.updateField': command<{ id: number }>(['clientTypes'])(s.fieldUpdate),
  'clientTypes.archiveField': command<{ id: number }>(['clientTypes'])(byId),
} as const;
