import type { ClientPageExtension, ClientsGridExtension } from '../../lib/extensions';

/** What the recovery feature adds to the client page. */
export const recoveryClientPage: ClientPageExtension = {};
/** What the recovery feature adds to the clients grid. */
export const recoveryClientsGrid: ClientsGridExtension[] = [];
