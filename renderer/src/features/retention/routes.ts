import { createElement } from 'react';
import type { RouteDef } from '../../lib/navigation';
import { CallPage } from './CallPage';
import { LoyaltyPage } from './LoyaltyPage';
import { RETENTION_PATHS } from './paths';
import { ResultsPage } from './ResultsPage';
import { TodayBadge } from './TodayBadge';
import { TodayPage } from './TodayPage';
import { WinbackPage } from './WinbackPage';

export const retentionRoutes: RouteDef[] = [
  { path: RETENTION_PATHS.today, section: 'today', nav: { label: 'retention:nav', order: 12, Badge: TodayBadge }, render: () => createElement(TodayPage) },
  { path: RETENTION_PATHS.winback, section: 'winback', nav: { label: 'retention:navWinback', order: 15 }, render: () => createElement(WinbackPage) },
  { path: 'winback/:campaignId/call/:clientId', section: 'winback', render: (p) => createElement(CallPage, { campaignId: p.campaignId, clientId: p.clientId, key: `${p.campaignId}/${p.clientId}` }) },
  { path: 'winback/campaigns/:id', section: 'winback', render: (p) => createElement(ResultsPage, { id: p.id, key: p.id }) },
  { path: RETENTION_PATHS.loyalty, section: 'loyalty', nav: { label: 'retention:navLoyalty', order: 35 }, render: () => createElement(LoyaltyPage) },
];
