import type { FeatureUi } from '../../lib/extensions';
import { importRoutes } from './routes';

/** What the import feature brings to the window. */
export const importUi: FeatureUi = { routes: importRoutes };
