import type { FeatureUi } from '../../lib/extensions';
import { ClientTypesEditor } from './ClientTypesEditor';
import { OrgSettings } from './OrgSettings';
import { accountsRoutes } from './routes';
import { standingGridExtension } from './clientExtraColumns';
import './accounts.css';

/** What the accounts feature brings to the window. */
export const accountsUi: FeatureUi = { routes: accountsRoutes, settings: [OrgSettings, ClientTypesEditor], clientsGrid: [standingGridExtension] };
