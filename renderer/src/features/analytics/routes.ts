import { createElement } from 'react';
import type { RouteDef } from '../../lib/navigation';
import { AnalyticsPage } from './AnalyticsPage';

export const analyticsRoutes: RouteDef[] = [
  { path: 'analytics', section: 'analytics', keep: true, nav: { label: 'analytics:nav', order: 20 }, render: () => createElement(AnalyticsPage) },
];
