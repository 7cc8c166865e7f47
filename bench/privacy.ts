import type { Db } from '../electron/db/connection';
import type { BenchContext } from './common';

/** The privacy feature's benchmarks. */
export async function benchPrivacy(_db: Db, _ctx: BenchContext): Promise<string[]> {
  return [];
}
