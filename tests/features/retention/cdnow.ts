import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { SHARED_DATA } from '../../helpers/paths';

export const CDNOW_SAMPLE = join(SHARED_DATA, 'cdnow', 'CDNOW_sample.txt');

const dayOf = (ymd: string) => Date.UTC(+ymd.slice(0, 4), +ymd.slice(4, 6) - 1, +ymd.slice(6, 8)) / 86_400_000;

/**
 * The published calibration setup of Fader, Hardie and Lee (2005), read
 * straight from the file: the 1/10 sample (2,357 customers; columns master
 * id, sample id, YYYYMMDD, CDs, dollars), purchase occasions as distinct
 * days, the first 39 weeks (1997-01-01 to 1997-09-30) for x, t_x, T in
 * weeks, and the repeat occasions of the next 39 weeks as the holdout.
 */
export function cdnowCalibration(): { x: number[]; tx: number[]; T: number[]; holdout: number[] } {
  const days = new Map<string, Set<number>>();
  for (const line of readFileSync(CDNOW_SAMPLE, 'utf8').split('\n')) {
    const p = line.trim().split(/\s+/);
    if (p.length < 5) continue;
    const set = days.get(p[1]) ?? new Set<number>();
    set.add(dayOf(p[2]));
    days.set(p[1], set);
  }
  const end = dayOf('19970930');
  const holdoutEnd = dayOf('19980630');
  const out = { x: [] as number[], tx: [] as number[], T: [] as number[], holdout: [] as number[] };
  for (const set of days.values()) {
    const d = [...set].sort((a, b) => a - b);
    const cal = d.filter((v) => v <= end);
    if (cal.length === 0) continue;
    out.x.push(cal.length - 1);
    out.tx.push((cal[cal.length - 1] - cal[0]) / 7);
    out.T.push((end - cal[0]) / 7);
    out.holdout.push(d.filter((v) => v > end && v <= holdoutEnd).length);
  }
  return out;
}
