import type { analyticsContract } from '../../../shared/features/analytics/contract';
import { unpackReport } from '../../../shared/features/analytics/packing';
import type { AppContext } from '../../context';
import { recordHandlers, type HandlersOf } from '../../handler-types';
import { discountsService } from './discounts';
import { resolvePeriod } from './ranking';
import { analyticsCall } from './host';
import { getAnalyticsSettings, saveAnalyticsSettings } from './report';
import { workbookFiles } from './workbook-files';
import type { JobControl } from '../../jobs/registry';

export function analyticsHandlers(ctx: AppContext): HandlersOf<typeof analyticsContract> {
  const workbooks = workbookFiles();
  return {
    ...recordHandlers('discounts', discountsService),
    'analytics.settings': (db) => getAnalyticsSettings(db),
    'analytics.saveSettings': (db, input) => saveAnalyticsSettings(db, input),
    // Computed where the store lives (the analytics host), off the main process when the app has workers.
    'analytics.report': async (db, input) => unpackReport(await analyticsCall(db, ctx, 'report', input)),
    'analytics.reportColumns': (db, input) => analyticsCall(db, ctx, 'report', input),
    'analytics.accounts': (db, input) => analyticsCall(db, ctx, 'accounts', input),
    'analytics.whatIf': (db, input) => analyticsCall(db, ctx, 'whatIf', input),
    // A job in the analytics host, whose store is already warm (a worker of its own would load it again:
    // seconds and a second copy in memory), streamed to a temporary file; the window fetches it once it is done (workbookFile).
    'analytics.workbook': (db, input) => {
      const fileName = `rapport-key-accounts-${resolvePeriod(input.report).to}.xlsx`;
      const { token, path } = workbooks.reserve(fileName);
      const run = async (ctl: JobControl) => {
        const args = { input: input.report, whatIfClientIds: input.whatIfClientIds, path };
        const { rows } = await analyticsCall(db, ctx, 'workbook', args, { onProgress: (p) => ctl.onProgress(p), cancelled: ctl.cancelled });
        workbooks.ready(token);
        return { task: 'workbook' as const, token, fileName, rows };
      };
      return { jobId: ctx.jobs.start(run, 'export') };
    },
    'analytics.workbookFile': (_db, input) => workbooks.take(input.token),
  };
}
