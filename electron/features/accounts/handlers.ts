import type { accountsContract } from '../../../shared/features/accounts/contract';
import { CLIENTS_LAYOUT, resolveSavedSort } from '../../../shared/features/accounts/grid-order';
import { readSetting } from '../../db/settings-store';
import type { AppContext } from '../../context';
import { recordHandlers, type HandlersOf } from '../../handler-types';
import { interactionsService, tasksService } from './activity';
import { addField, clientTypesService, createClientType, fieldsService, listClientTypes, updateField } from './client-types';
import { analyticsCall } from '../analytics';
import { activeClientNames } from './client-rows';
import { clientSummary, clientsService, listClientRows } from './clients';
import { contactsService } from './contacts';
import { departmentsService, managersService } from './organisation';
import { purchasesService } from './purchases';
import { setTaskDone } from './activity';
import { findDuplicates } from './duplicates';
import { mergeClients } from './merge';
import { clientOptions } from './options';
import { clientStandings } from './standing';
import { clientStory } from './story';

export function accountsHandlers(ctx: AppContext): HandlersOf<typeof accountsContract> {
  return {
    'clients.get': (db, input) => clientsService.get(db, input.id),
    'clients.summary': (db, input) => clientSummary(db, input),
    'clients.names': (db) => activeClientNames(db),
    ...recordHandlers('clients', clientsService),
    // The grid's rows with their computed figures, not the bare records.
    'clients.list': (db, input) => listClientRows(db, input),
    // The same figures from the analytics store, as columns, computed off the main process when the app has workers.
    // A saved sort is read here (one small row), so the window can ask for the first rows before it has the layout.
    'clients.grid': (db, input) => analyticsCall(db, ctx, 'clientsGrid', resolveSavedSort(input, readSetting(db, `layout.${CLIENTS_LAYOUT}`))),
    'clients.gridRanks': (db, input) => analyticsCall(db, ctx, 'clientsGridRanks', input),
    ...recordHandlers('contacts', contactsService),
    ...recordHandlers('purchases', purchasesService),
    ...recordHandlers('interactions', interactionsService),
    ...recordHandlers('tasks', tasksService),
    ...recordHandlers('managers', managersService),
    ...recordHandlers('departments', departmentsService),
    'clientTypes.list': (db, input) => listClientTypes(db, input.includeArchived),
    'clientTypes.create': (db, input) => createClientType(db, input),
    'clientTypes.update': clientTypesService.update,
    'clientTypes.archive': clientTypesService.archive,
    'clientTypes.restore': clientTypesService.restore,
    'clientTypes.addField': (db, input) => addField(db, input),
    'clientTypes.updateField': (db, input) => updateField(db, input),
    'clientTypes.archiveField': fieldsService.archive,
    'clients.story': (db, input) => clientStory(db, ctx, input),
    'clients.standing': (db, input) => clientStandings(db, ctx, input),
    'clients.options': (db, input) => clientOptions(db, input),
    'clients.duplicates': (db, input) => findDuplicates(db, input),
    'clients.merge': (db, input) => mergeClients(db, input),
    'tasks.setDone': (db, input) => setTaskDone(db, input),
  };
}
