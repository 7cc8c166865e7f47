import type { AppContext } from '../../context';
import type { Db } from '../../db/connection';
import type { DossierJobOutcome } from '../../../shared/features/dossiers/types';
import { indexLag } from './search-index';

/** A search that starts the indexer waits this long for it, so one right after an edit finds the edit; longer work answers from the index as it is. */
const WAIT_MS = 1500;

/**
 * Keeps one indexing job per database: a search that finds the index behind
 * starts it (in the worker in the app) and, for a small catch-up, waits for
 * it. The job announces 'search' when done, so open results refresh.
 */
export function searchIndexer(ctx: AppContext) {
  const running = new WeakMap<Db, Promise<void>>();
  return {
    /** True while the index is still catching up after this call. */
    async freshen(db: Db): Promise<boolean> {
      let job = running.get(db);
      // Only the call that starts the work waits: later ones (typing while a rebuild runs) answer at once.
      const starts = !job;
      if (!job) {
        const lag = indexLag(db);
        if (!lag.rebuild && lag.pending === 0) return false;
        let finish!: () => void;
        job = new Promise<void>((r) => (finish = r));
        running.set(db, job);
        ctx.jobs.start(
          async (ctl): Promise<DossierJobOutcome> => {
            try {
              return { task: 'dossierIndex', ...(await ctx.runTask(db, 'dossiers.index', {}, ctl)) };
            } finally {
              running.delete(db);
              finish();
            }
          },
          'export',
          ['search'],
        );
      }
      if (starts) {
        let timer: ReturnType<typeof setTimeout> | undefined;
        await Promise.race([job, new Promise((r) => (timer = setTimeout(r, WAIT_MS)))]);
        clearTimeout(timer);
      }
      return running.has(db);
    },
  };
}
