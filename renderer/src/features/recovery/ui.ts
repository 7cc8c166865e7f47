import type { FeatureUi } from '../../lib/extensions';
import { RecoverySettings } from './RecoverySettings';
import { recoveryClientPage, recoveryClientsGrid } from './extensions';
import { recoveryRoutes } from './routes';

/** What the recovery feature brings to the window. */
export const recoveryUi: FeatureUi = { routes: recoveryRoutes, settings: [RecoverySettings], clientPage: recoveryClientPage, clientsGrid: recoveryClientsGrid };
