import type { ComponentType } from 'react';
import type { FeatureUi } from '../../lib/extensions';
import { settingsRoutes } from './routes';

/** The settings feature shows every other feature's settings section, so the app hands them in. */
export const settingsUi = (sections: readonly ComponentType[]): FeatureUi => ({ routes: settingsRoutes(sections) });
