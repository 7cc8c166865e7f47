import type { ClientPageExtension, ClientsGridExtension } from '../../lib/extensions';
import { RecoveryAction, RecoveryStatusBlock } from './ClientRecovery';

/** What the recovery feature adds to the client page: "Mark lost" in the header, the case's status on the portrait. */
export const recoveryClientPage: ClientPageExtension = { actions: [RecoveryAction], portrait: [RecoveryStatusBlock] };
/** What the recovery feature adds to the clients grid: nothing; a lost client's status already shows there. */
export const recoveryClientsGrid: ClientsGridExtension[] = [];
