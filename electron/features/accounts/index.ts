/** The accounts feature as other features may use it. */
export { bulkInserter } from './bulk';
export { interactionsService, tasksService } from './activity';
export { ensureDefaultClientTypes, DEFAULT_CLIENT_TYPES } from './client-types';
export { clientSummary, clientsService, listClientRows } from './clients';
export { purchaseAmount } from './purchases';
export { clientTypesRepo, clientsRepo, fieldsRepo } from './repository';
import type { Db } from '../../db/connection';
import { clientsRepo } from './repository';

/** Active clients: what the app's info and the welcome screen need. */
export const clientCount = (db: Db): number => clientsRepo.count(db);
