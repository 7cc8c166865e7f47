import { shareOf } from './concentration';
import { RISK_BANDS, type AbcClass } from './settings';
import type { AnalyticsReport, DependencyRow } from './types';

/**
 * The report's rows as columns for IPC: 47,000 row objects take ~150 ms to
 * clone on the main process and as long again to read in the window; a few
 * arrays take a tenth of that. Shares are not sent: the renderer divides
 * exactly as main does, in the same order, so they come out bit for bit the same.
 */
export interface DependencyColumns {
  id: number[];
  name: string[];
  /** Indexes into `managers` / `departments`, -1 for none. */
  manager: number[];
  department: number[];
  revenue: number[];
  previousRevenue: number[];
  /** 0 A, 1 B, 2 C; previous -1 for none. */
  abc: number[];
  previousAbc: number[];
  /** Index into RISK_BANDS. */
  band: number[];
  grew: (0 | 1)[];
  managers: string[];
  departments: string[];
}

export type PackedReport = Omit<AnalyticsReport, 'rows'> & { rows: DependencyColumns };

const CLASSES: AbcClass[] = ['A', 'B', 'C'];

function dictionary() {
  const values: string[] = [];
  const at = new Map<string, number>();
  return {
    values,
    index(v: string | null): number {
      if (v === null) return -1;
      let i = at.get(v);
      if (i === undefined) at.set(v, (i = values.push(v) - 1));
      return i;
    },
  };
}

export function packReport({ rows, ...rest }: AnalyticsReport): PackedReport {
  const managers = dictionary();
  const departments = dictionary();
  const n = rows.length;
  // Filled with push, never `new Array(n)`: a holey array is cloned key by key, about twice the bytes.
  const c: DependencyColumns = {
    id: [], name: [], manager: [], department: [], revenue: [], previousRevenue: [],
    abc: [], previousAbc: [], band: [], grew: [], managers: managers.values, departments: departments.values,
  };
  for (let i = 0; i < n; i++) {
    const r = rows[i];
    c.id.push(r.id);
    c.name.push(r.name);
    c.manager.push(managers.index(r.manager));
    c.department.push(departments.index(r.department));
    c.revenue.push(r.revenue);
    c.previousRevenue.push(r.previousRevenue);
    c.abc.push(CLASSES.indexOf(r.abc));
    c.previousAbc.push(r.previousAbc === null ? -1 : CLASSES.indexOf(r.previousAbc));
    c.band.push(RISK_BANDS.indexOf(r.band));
    c.grew.push(r.grew ? 1 : 0);
  }
  return { ...rest, rows: c };
}

/** The rows back as objects, shares divided as dependencyRows divides them (the period's revenue is `revenue`). */
export function unpackReport({ rows: c, ...rest }: PackedReport): AnalyticsReport {
  const n = c.id.length;
  const rows: DependencyRow[] = new Array(n);
  let cum = 0;
  for (let i = 0; i < n; i++) {
    cum += c.revenue[i];
    rows[i] = {
      id: c.id[i],
      name: c.name[i],
      manager: c.manager[i] < 0 ? null : c.managers[c.manager[i]],
      department: c.department[i] < 0 ? null : c.departments[c.department[i]],
      revenue: c.revenue[i],
      previousRevenue: c.previousRevenue[i],
      share: shareOf(c.revenue[i], rest.revenue),
      cumulativeShare: shareOf(cum, rest.revenue),
      abc: CLASSES[c.abc[i]],
      previousAbc: c.previousAbc[i] < 0 ? null : CLASSES[c.previousAbc[i]],
      band: RISK_BANDS[c.band[i]],
      grew: c.grew[i] === 1,
    };
  }
  return { ...rest, rows };
}
