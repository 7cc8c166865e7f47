import type { FeatureUi } from '../../lib/extensions';
import { DossiersSettings } from './DossiersSettings';
import { dossiersClientPage, dossiersClientsGrid } from './extensions';
import { dossiersRoutes } from './routes';

/** What the dossiers feature brings to the window. */
export const dossiersUi: FeatureUi = { routes: dossiersRoutes, settings: [DossiersSettings], clientPage: dossiersClientPage, clientsGrid: dossiersClientsGrid };
