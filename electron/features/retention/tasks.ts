import type { BgnbdFit } from '../../../shared/features/retention/bgnbd';
import type { TaskFunctions } from '../../jobs/task-types';
import { fitAndStore } from './fits';

export interface RetentionTasks {
  /** The BG/NBD fit of the whole base; main passes the per-client inputs it already holds, the worker fits and records. */
  'retention.fit': {
    args: { mark: string; asOf: string; x: Float64Array; tx: Float64Array; T: Float64Array };
    result: { fit: BgnbdFit; millis: number };
  };
}

export const retentionTasks: TaskFunctions<RetentionTasks> = {
  'retention.fit': async (db, args, ctl) => {
    ctl.onProgress({ phase: 'checking', done: 0, total: 1 });
    const run = fitAndStore(db, args);
    ctl.onProgress({ phase: 'done', done: 1, total: 1 });
    return run;
  },
};
