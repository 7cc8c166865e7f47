import { ClientTypesEditor, OrgSettings } from '../features/accounts';
import { accountsRoutes } from '../features/accounts/routes';
import { DiscountSettings } from '../features/analytics';
import { analyticsRoutes } from '../features/analytics/routes';
import { BackupsSection } from '../features/backups';
import { importRoutes } from '../features/import/routes';
import { settingsRoutes } from '../features/settings/routes';
import type { Extensions } from '../lib/extensions';
import type { RouteDef } from '../lib/navigation';

/** Each feature's part of Settings, in the order they appear: one line each. */
const SETTINGS_SECTIONS = [OrgSettings, DiscountSettings, ClientTypesEditor, BackupsSection];

/** Every screen: each feature's routes, one line each. The sidebar is built from the ones with a `nav` entry. */
export const ROUTES: RouteDef[] = [
  ...accountsRoutes,
  ...analyticsRoutes,
  ...importRoutes,
  ...settingsRoutes(SETTINGS_SECTIONS),
];

/** What features add to other features' screens: one line per feature that adds anything. */
export const EXTENSIONS: Extensions = {
  clientPage: [],
  clientsGrid: [],
};

export const NAV = ROUTES.filter((r) => r.nav).sort((a, b) => a.nav!.order - b.nav!.order);
/** Where an unknown or empty path lands. */
export const HOME = NAV[0];
