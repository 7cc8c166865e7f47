import type { ClientPageExtension, ClientsGridExtension } from '../../lib/extensions';

/** What the retention feature adds to the client page. */
export const retentionClientPage: ClientPageExtension = {};
/** What the retention feature adds to the clients grid. */
export const retentionClientsGrid: ClientsGridExtension[] = [];
