import type { FeatureUi } from '../../lib/extensions';
import { ClientTypesEditor } from './ClientTypesEditor';
import { OrgSettings } from './OrgSettings';
import { accountsRoutes } from './routes';

/** What the accounts feature brings to the window. */
export const accountsUi: FeatureUi = { routes: accountsRoutes, settings: [OrgSettings, ClientTypesEditor] };
