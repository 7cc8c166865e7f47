import type { FeatureUi } from '../../lib/extensions';
import { DiscountSettings } from './DiscountSettings';
import { analyticsRoutes } from './routes';
import { ThresholdsSettings } from './ThresholdsSettings';

/** What the analytics feature brings to the window. */
export const analyticsUi: FeatureUi = { routes: analyticsRoutes, settings: [ThresholdsSettings, DiscountSettings] };
