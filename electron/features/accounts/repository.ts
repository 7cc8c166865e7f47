import type {
  Client, ClientType, ClientTypeField, Contact, Department, Interaction, Manager, Purchase, Task,
} from '../../../shared/features/accounts/types';
import * as t from './schema';
import { crudRepository } from '../../db/crud';

const parseJson = <T>(text: string, fallback: T): T => {
  try {
    return JSON.parse(text) as T;
  } catch {
    return fallback;
  }
};

/** The import a row came from is bookkeeping for undo, not part of the record the screens edit. */
const withoutImport = <R,>({ importId: _importId, ...rest }: any): R => rest as R;

export const clientsRepo = crudRepository<Client>(t.clients, { column: t.clients.name, direction: 'asc' }, (r) => ({
  ...withoutImport<Client>(r),
  profile: parseJson(r.profile, {}),
}));
export const contactsRepo = crudRepository<Contact>(t.contacts, { column: t.contacts.name, direction: 'asc' }, withoutImport<Contact>);
export const purchasesRepo = crudRepository<Purchase>(t.purchases, { column: t.purchases.date, direction: 'desc' }, withoutImport<Purchase>);
export const interactionsRepo = crudRepository<Interaction>(t.interactions, { column: t.interactions.date, direction: 'desc' });
export const tasksRepo = crudRepository<Task>(t.tasks, { column: t.tasks.dueDate, direction: 'asc' });
export const managersRepo = crudRepository<Manager>(t.managers, { column: t.managers.name, direction: 'asc' });
export const departmentsRepo = crudRepository<Department>(t.departments, { column: t.departments.name, direction: 'asc' });
export const clientTypesRepo = crudRepository<Omit<ClientType, 'fields'>>(t.clientTypes, { column: t.clientTypes.name, direction: 'asc' });
export const fieldsRepo = crudRepository<ClientTypeField>(t.clientTypeFields, { column: t.clientTypeFields.position, direction: 'asc' }, (r) => ({
  ...r,
  options: parseJson(r.options, []),
}));
