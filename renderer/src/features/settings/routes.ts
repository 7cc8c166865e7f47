import { createElement, type ComponentType } from 'react';
import type { RouteDef } from '../../lib/navigation';
import { SettingsPage } from './SettingsPage';

/** Settings shows every feature's section; the app hands them in, so this feature depends on none of them. */
export const settingsRoutes = (sections: readonly ComponentType[]): RouteDef[] => [
  { path: 'settings', section: 'settings', nav: { label: 'settings:nav', order: 90 }, render: () => createElement(SettingsPage, { sections }) },
];
