import { z } from 'zod';
import { byId, command, empty, listAll, ofClient, query, records, writes } from '../../contract/define';
import { id, isoDate } from '../../kernel/schema-parts';
import * as s from './schemas';
import { clientsGridInput, clientsGridRanksInput, type ClientsGridRanks } from './grid-order';
import type { Client, ClientName, ClientRow, ClientsGrid, ClientType, ClientTypeField, Contact, Department, Interaction, Manager, Purchase, Task } from './types';
import type { ClientOption, ClientStanding, ClientStory, DuplicatesReport, MergeRecord } from './types';

/** What the clients grid and a client's figures are computed from. */
const CLIENT_FIGURES = ['clients', 'purchases', 'org', 'clientTypes'] as const;
/** Class, band and key-account reasons come from the key-account analysis; the next task from the tasks. */
const STANDING_READS = [...CLIENT_FIGURES, 'analyticsSettings', 'tasks'] as const;
/** The client page adds the last contact. */
const STORY_READS = [...STANDING_READS, 'contacts', 'interactions'] as const;

export const accountsContract = {
  'clients.list': query<ClientRow[]>(CLIENT_FIGURES)(z.strictObject({ includeArchived: z.boolean().default(false), asOf: isoDate.optional() }).default({ includeArchived: false })),
  /** The same rows as clients.list, as columns: what the grid on screen loads (see ClientsGrid). */
  'clients.grid': query<ClientsGrid>(CLIENT_FIGURES)(clientsGridInput),
  /** The grid's code and name ranks in the user's collation, asked for once every row is in: ag-grid then sorts them by number. */
  'clients.gridRanks': query<ClientsGridRanks>(CLIENT_FIGURES)(clientsGridRanksInput),
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

  /** The client page's story: lifetime figures, revenue by month, product mix, class, band, last contact, next task. */
  'clients.story': query<ClientStory>(STORY_READS)(z.strictObject({ id, asOf: isoDate.optional() })),
  /** ABC class, risk band, key-account reasons and next task of every client, for the clients grid's extra columns. */
  'clients.standing': query<ClientStanding[]>(STANDING_READS)(z.strictObject({ asOf: isoDate.optional() }).default({})),
  /** A picker's matches for what was typed (at most `limit`), diacritics and case ignored. */
  'clients.options': query<ClientOption[]>(['clients'])(s.clientOptionsInput),
  'clients.duplicates': query<DuplicatesReport>(['clients', 'contacts', 'purchases', 'merges'])(z.strictObject({ limit: z.number().int().min(1).max(1000).default(200) }).default({ limit: 200 })),
  /** Moves everything that references `mergeId` to `keepId` (in every feature's tables) and archives `mergeId`. */
  'clients.merge': command<MergeRecord>(['*'])(s.mergeInput),
  /** Ticks a task done today, or opens it again. */
  'tasks.setDone': command<{ id: number }>(['tasks'])(s.taskDoneInput),
} as const;
