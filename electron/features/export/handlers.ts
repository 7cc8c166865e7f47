import type { exportContract } from '../../../shared/features/export/contract';
import type { AppContext } from '../../context';
import type { HandlersOf } from '../../handler-types';
import { exportGridFile } from './grids';

export function exportHandlers(ctx: AppContext): HandlersOf<typeof exportContract> {
  return {
    'exports.grid': async (db, input) => {
      const name = input.fileName.replace(/[\\/:*?"<>|]+/g, ' ').replace(/\s+/g, ' ').trim();
      const path = await ctx.platform.chooseSavePath(name.toLowerCase().endsWith('.xlsx') ? name : `${name}.xlsx`);
      if (!path) return null;
      return { jobId: ctx.jobs.start(async (ctl) => ({ task: 'export' as const, ...(await exportGridFile(db, path, input, ctl)) }), 'export') };
    },
  };
}
