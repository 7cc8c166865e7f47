import { accountsUi } from '../features/accounts/ui';
import { analyticsUi } from '../features/analytics/ui';
import { backupsUi } from '../features/backups/ui';
import { dossiersUi } from '../features/dossiers/ui';
import { importUi } from '../features/import/ui';
import { privacyUi } from '../features/privacy/ui';
import { recoveryUi } from '../features/recovery/ui';
import { retentionUi } from '../features/retention/ui';
import { settingsUi } from '../features/settings/ui';
import type { Extensions, FeatureUi } from '../lib/extensions';
import type { RouteDef } from '../lib/navigation';

/** Every feature's part of the window, one line each, in the order of their Settings sections. */
const FEATURES: FeatureUi[] = [
  accountsUi,
  analyticsUi,
  importUi,
  dossiersUi,
  retentionUi,
  recoveryUi,
  privacyUi,
  backupsUi,
];
const ALL = [...FEATURES, settingsUi(FEATURES.flatMap((f) => f.settings ?? []))];

export const ROUTES: RouteDef[] = ALL.flatMap((f) => f.routes ?? []);

/** What features add to other features' screens. */
export const EXTENSIONS: Extensions = {
  clientPage: ALL.flatMap((f) => (f.clientPage ? [f.clientPage] : [])),
  clientsGrid: ALL.flatMap((f) => f.clientsGrid ?? []),
};

export const NAV = ROUTES.filter((r) => r.nav).sort((a, b) => a.nav!.order - b.nav!.order);
/** Where an unknown or empty path lands. */
export const HOME = NAV[0];
