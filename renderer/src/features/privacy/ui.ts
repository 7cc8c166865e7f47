import type { FeatureUi } from '../../lib/extensions';
import { PrivacySettings } from './PrivacySettings';
import { privacyRoutes } from './routes';

/** What the privacy feature brings to the window. */
export const privacyUi: FeatureUi = { routes: privacyRoutes, settings: [PrivacySettings] };
