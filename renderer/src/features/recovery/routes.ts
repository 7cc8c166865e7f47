import { createElement } from 'react';
import type { RouteDef } from '../../lib/navigation';
import { AnalysisPage } from './AnalysisPage';
import { BriefPage } from './BriefPage';
import { CasePage } from './CasePage';
import { CasesPage } from './CasesPage';
import { LateBadge } from './LateBadge';
import { ProspectsPage } from './ProspectsPage';
import { RECOVERY_PATHS } from './paths';
import { ReferralsPage } from './ReferralsPage';

/** One sidebar entry; cases, analysis, referrals and prospects as tabs of the section. */
export const recoveryRoutes: RouteDef[] = [
  { path: RECOVERY_PATHS.cases, section: 'recovery', nav: { label: 'recovery:nav', order: 40, Badge: LateBadge }, render: () => createElement(CasesPage) },
  { path: 'recovery/cases/:id', section: 'recovery', render: ({ id }) => createElement(CasePage, { key: id, id }) },
  { path: 'recovery/cases/:id/brief', section: 'recovery', render: ({ id }) => createElement(BriefPage, { key: id, id }) },
  { path: RECOVERY_PATHS.analysis, section: 'recovery', render: () => createElement(AnalysisPage) },
  { path: RECOVERY_PATHS.referrals, section: 'recovery', render: () => createElement(ReferralsPage) },
  { path: RECOVERY_PATHS.prospects, section: 'recovery', render: () => createElement(ProspectsPage) },
];
