import type { FeatureUi } from '../../lib/extensions';
import { privacyClientPage } from './clientPage';
import { PrivacySettings } from './PrivacySettings';
import { privacyRoutes } from './routes';

/** What the privacy feature brings to the window: its Settings section and the client page's "Personal data" tab. */
export const privacyUi: FeatureUi = { routes: privacyRoutes, settings: [PrivacySettings], clientPage: privacyClientPage };
