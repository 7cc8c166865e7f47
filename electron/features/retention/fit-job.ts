import type { FitInfo } from '../../../shared/features/retention/types';
import type { AppContext } from '../../context';
import type { Db } from '../../db/connection';
import { fitInfo, fitInput } from './fits';
import { dormancyState } from './views';

/**
 * Starts the BG/NBD fit in the worker unless one for this data and date
 * exists or is already running. Main hands over the per-client inputs it
 * already holds (three arrays), so the worker fits without loading the
 * million purchase lines again; the worker records the result, and the job
 * announces 'retentionFit' when it is done.
 */
export function fitJobs(ctx: AppContext) {
  const running = new Map<string, string>();
  return (db: Db, asOf?: string): { jobId: string | null; fit: FitInfo } => {
    const st = dormancyState(db, asOf);
    if (st.fit.current) return { jobId: null, fit: st.fit };
    const key = `${db.path}|${st.mark}|${st.asOf}`;
    const already = running.get(key);
    if (already) return { jobId: already, fit: st.fit };
    const args = { mark: st.mark, asOf: st.asOf, ...fitInput(st.base) };
    const jobId = ctx.jobs.start(
      async (ctl) => {
        try {
          const run = await ctx.runTask(db, 'retention.fit', args, ctl);
          return { task: 'retention.fit' as const, fit: fitInfo(db, args.mark, args.asOf), millis: run.millis };
        } finally {
          running.delete(key);
        }
      },
      // The banner for work that holds the database ignores 'export'; a fit writes one row at its very end.
      'export',
      ['retentionFit'],
    );
    running.set(key, jobId);
    return { jobId, fit: st.fit };
  };
}
