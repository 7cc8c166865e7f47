import type { analyticsContract } from '../../../shared/features/analytics/contract';
import type { AppContext } from '../../context';
import { recordHandlers, type HandlersOf } from '../../handler-types';
import { discountsService } from './discounts';
import { resolvePeriod } from './ranking';
import { accountsReport, analyticsReport, getAnalyticsSettings, saveAnalyticsSettings } from './report';
import { whatIf } from './what-if';
import { analyticsWorkbook } from './workbook';

export function analyticsHandlers(_ctx: AppContext): HandlersOf<typeof analyticsContract> {
  return {
    ...recordHandlers('discounts', discountsService),
    'analytics.settings': (db) => getAnalyticsSettings(db),
    'analytics.saveSettings': (db, input) => saveAnalyticsSettings(db, input),
    'analytics.report': (db, input) => analyticsReport(db, input),
    'analytics.accounts': (db, input) => accountsReport(db, input),
    'analytics.whatIf': (db, input) => whatIf(db, input),
    'analytics.workbook': async (db, input) => {
      const bytes = await analyticsWorkbook(db, input.report, input.whatIfClientIds);
      return { fileName: `rapport-key-accounts-${resolvePeriod(input.report).to}.xlsx`, base64: Buffer.from(bytes).toString('base64') };
    },
  };
}
