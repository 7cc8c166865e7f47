import type { FeatureUi } from '../../lib/extensions';
import { RetentionSettings } from './RetentionSettings';
import { retentionClientPage, retentionClientsGrid } from './extensions';
import { retentionRoutes } from './routes';

/** What the retention feature brings to the window. */
export const retentionUi: FeatureUi = { routes: retentionRoutes, settings: [RetentionSettings], clientPage: retentionClientPage, clientsGrid: retentionClientsGrid };
