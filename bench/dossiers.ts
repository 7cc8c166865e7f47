import type { Db } from '../electron/db/connection';
import type { BenchContext } from './common';

/** The dossiers feature's benchmarks. */
export async function benchDossiers(_db: Db, _ctx: BenchContext): Promise<string[]> {
  return [];
}
