import type { ClientPageExtension, ClientsGridExtension } from '../../lib/extensions';

/** What the dossiers feature adds to the client page. */
export const dossiersClientPage: ClientPageExtension = {};
/** What the dossiers feature adds to the clients grid. */
export const dossiersClientsGrid: ClientsGridExtension[] = [];
