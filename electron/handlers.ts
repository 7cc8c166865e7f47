import type { Channel, OutputOf, ParsedInputOf } from '../shared/contract';
import type { Db } from './db/connection';
import { clientsRepo } from './db/repositories';
import { interactionsService, tasksService } from './services/activity';
import { addField, createClientType, listClientTypes, updateField } from './services/client-types';
import { clientsService, listClientRows } from './services/clients';
import { contactsService } from './services/contacts';
import { generateDemo } from './services/demo/generate';
import { departmentsService, managersService } from './services/organisation';
import { purchasesService } from './services/purchases';
import { clientTypesRepo, fieldsRepo } from './db/repositories';
import { getLayout, getSettings, saveLayout, updateSettings } from './services/settings';
import { fieldError, notFound } from './services/errors';
import { safeExternalUrl } from '../shared/domain/urls';

export type Handlers = { [C in Channel]: (db: Db, input: ParsedInputOf<C>) => OutputOf<C> | Promise<OutputOf<C>> };

export interface AppContext {
  version: string;
  /** Opens a vetted http(s) address in the user's browser; the shell is Electron's, a fake in tests. */
  openExternal?: (url: string) => void;
}

/** One handler per contract channel; the compiler refuses a missing or extra one. */
export function createHandlers(ctx: AppContext): Handlers {
  return {
    'app.info': (db) => ({ version: ctx.version, dbPath: db.path, clientCount: clientsRepo.count(db), settings: getSettings(db) }),
    'app.loadDemo': (db, input) => {
      const summary = generateDemo(db, { seed: input.seed, clients: input.clients });
      updateSettings(db, { onboarded: true });
      return summary;
    },
    'app.startEmpty': (db) => updateSettings(db, { onboarded: true }),
    'app.openExternal': (_db, input) => {
      const url = safeExternalUrl(input.url);
      if (!url) throw fieldError('url', 'Only web addresses starting with http:// or https:// can be opened');
      ctx.openExternal?.(url);
      return null;
    },

    'settings.get': (db) => getSettings(db),
    'settings.update': (db, input) => updateSettings(db, input),
    'layouts.get': (db, input) => getLayout(db, input.key),
    'layouts.save': (db, input) => saveLayout(db, input.key, input.state),

    'clients.list': (db, input) => listClientRows(db, input),
    'clients.get': (db, input) => clientsService.get(db, input.id),
    'clients.create': (db, input) => clientsService.create(db, input),
    'clients.update': (db, input) => clientsService.update(db, input),
    'clients.archive': (db, input) => clientsService.archive(db, input),
    'clients.restore': (db, input) => clientsService.restore(db, input),

    'contacts.list': (db, input) => contactsService.list(db, input),
    'contacts.create': (db, input) => contactsService.create(db, input),
    'contacts.update': (db, input) => contactsService.update(db, input),
    'contacts.archive': (db, input) => contactsService.archive(db, input),
    'contacts.restore': (db, input) => contactsService.restore(db, input),

    'purchases.list': (db, input) => purchasesService.list(db, input),
    'purchases.create': (db, input) => purchasesService.create(db, input),
    'purchases.update': (db, input) => purchasesService.update(db, input),
    'purchases.archive': (db, input) => purchasesService.archive(db, input),
    'purchases.restore': (db, input) => purchasesService.restore(db, input),

    'interactions.list': (db, input) => interactionsService.list(db, input),
    'interactions.create': (db, input) => interactionsService.create(db, input),
    'interactions.update': (db, input) => interactionsService.update(db, input),
    'interactions.archive': (db, input) => interactionsService.archive(db, input),
    'interactions.restore': (db, input) => interactionsService.restore(db, input),

    'tasks.list': (db, input) => tasksService.list(db, input),
    'tasks.create': (db, input) => tasksService.create(db, input),
    'tasks.update': (db, input) => tasksService.update(db, input),
    'tasks.archive': (db, input) => tasksService.archive(db, input),
    'tasks.restore': (db, input) => tasksService.restore(db, input),

    'managers.list': (db, input) => managersService.list(db, input),
    'managers.create': (db, input) => managersService.create(db, input),
    'managers.update': (db, input) => managersService.update(db, input),
    'managers.archive': (db, input) => managersService.archive(db, input),
    'managers.restore': (db, input) => managersService.restore(db, input),

    'departments.list': (db, input) => departmentsService.list(db, input),
    'departments.create': (db, input) => departmentsService.create(db, input),
    'departments.update': (db, input) => departmentsService.update(db, input),
    'departments.archive': (db, input) => departmentsService.archive(db, input),
    'departments.restore': (db, input) => departmentsService.restore(db, input),

    'clientTypes.list': (db, input) => listClientTypes(db, input.includeArchived),
    'clientTypes.create': (db, input) => createClientType(db, input),
    'clientTypes.update': (db, input) => {
      if (!clientTypesRepo.update(db, input.id, { name: input.name })) throw notFound('Client type', input.id);
      return { id: input.id };
    },
    'clientTypes.archive': (db, input) => {
      if (!clientTypesRepo.setArchived(db, input.id, true)) throw notFound('Client type', input.id);
      return { id: input.id };
    },
    'clientTypes.restore': (db, input) => {
      if (!clientTypesRepo.setArchived(db, input.id, false)) throw notFound('Client type', input.id);
      return { id: input.id };
    },
    'clientTypes.addField': (db, input) => addField(db, input),
    'clientTypes.updateField': (db, input) => updateField(db, input),
    'clientTypes.archiveField': (db, input) => {
      if (!fieldsRepo.setArchived(db, input.id, true)) throw notFound('Field', input.id);
      return { id: input.id };
    },
  };
}
