import type { Db } from '../electron/db/connection';
import type { BenchContext } from './common';

/** The retention feature's benchmarks. */
export async function benchRetention(_db: Db, _ctx: BenchContext): Promise<string[]> {
  return [];
}
