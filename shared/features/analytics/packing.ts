import { shareOf } from './concentration';
import { RISK_BANDS, type AbcClass } from './settings';
import type { AnalyticsReport, DependencyRow } from './types';
import { dictionary, packStrings, unpackStrings, type PackedStrings } from '../../kernel/packed-table';

/**
 * The report's rows as columns for IPC. A thread's message, and Electron's
 * IPC after it, is deserialised on the main process, element by element for
 * plain arrays and string by string: 47,000 row objects took ~150 ms, plain
 * arrays of numbers and names still ~50 ms, long enough to stall the main
 * process. Typed arrays and one string per text column come across as a few
 * memory copies. Shares are not sent: the renderer divides exactly as main
 * does, in the same order, so they come out bit for bit the same.
 */
export interface DependencyColumns {
  id: Int32Array;
  name: PackedStrings;
  /** Indexes into `managers` / `departments`, -1 for none. */
  manager: Int32Array;
  department: Int32Array;
  revenue: Float64Array;
  previousRevenue: Float64Array;
  /** 0 A, 1 B, 2 C; previous -1 for none. */
  abc: Int8Array;
  previousAbc: Int8Array;
  /** Index into RISK_BANDS. */
  band: Int8Array;
  grew: Uint8Array;
  managers: string[];
  departments: string[];
}

/** Class moves as columns; -1 for "no class" (new or gone). */
export interface MoveColumns {
  id: Int32Array;
  name: PackedStrings;
  from: Int8Array;
  to: Int8Array;
}

type Abc = AnalyticsReport['abc'];
export type PackedReport = Omit<AnalyticsReport, 'rows' | 'abc'> & { rows: DependencyColumns; abc: Omit<Abc, 'moves'> & { moves: MoveColumns } };

const CLASSES: AbcClass[] = ['A', 'B', 'C'];
const classIndex = (c: AbcClass | null) => (c === null ? -1 : CLASSES.indexOf(c));
const classAt = (i: number): AbcClass | null => (i < 0 ? null : CLASSES[i]);

export function packReport({ rows, abc: { moves, ...abc }, ...rest }: AnalyticsReport): PackedReport {
  const managers = dictionary();
  const departments = dictionary();
  const n = rows.length;
  const c: DependencyColumns = {
    id: new Int32Array(n), name: packStrings(rows.map((r) => r.name)), manager: new Int32Array(n), department: new Int32Array(n),
    revenue: new Float64Array(n), previousRevenue: new Float64Array(n), abc: new Int8Array(n), previousAbc: new Int8Array(n),
    band: new Int8Array(n), grew: new Uint8Array(n), managers: managers.values, departments: departments.values,
  };
  for (let i = 0; i < n; i++) {
    const r = rows[i];
    c.id[i] = r.id;
    c.manager[i] = managers.index(r.manager);
    c.department[i] = departments.index(r.department);
    c.revenue[i] = r.revenue;
    c.previousRevenue[i] = r.previousRevenue;
    c.abc[i] = classIndex(r.abc);
    c.previousAbc[i] = classIndex(r.previousAbc);
    c.band[i] = RISK_BANDS.indexOf(r.band);
    c.grew[i] = r.grew ? 1 : 0;
  }
  const m = moves.length;
  const mc: MoveColumns = { id: new Int32Array(m), name: packStrings(moves.map((x) => x.name)), from: new Int8Array(m), to: new Int8Array(m) };
  for (let i = 0; i < m; i++) {
    mc.id[i] = moves[i].id;
    mc.from[i] = classIndex(moves[i].from);
    mc.to[i] = classIndex(moves[i].to);
  }
  return { ...rest, abc: { ...abc, moves: mc }, rows: c };
}

/** The rows back as objects, shares divided as dependencyRows divides them (the period's revenue is `revenue`). */
export function unpackReport({ rows: c, abc: { moves: mc, ...abc }, ...rest }: PackedReport): AnalyticsReport {
  const n = c.id.length;
  const names = unpackStrings(c.name);
  const rows: DependencyRow[] = new Array(n);
  let cum = 0;
  for (let i = 0; i < n; i++) {
    cum += c.revenue[i];
    rows[i] = {
      id: c.id[i],
      name: names[i],
      manager: c.manager[i] < 0 ? null : c.managers[c.manager[i]],
      department: c.department[i] < 0 ? null : c.departments[c.department[i]],
      revenue: c.revenue[i],
      previousRevenue: c.previousRevenue[i],
      share: shareOf(c.revenue[i], rest.revenue),
      cumulativeShare: shareOf(cum, rest.revenue),
      abc: CLASSES[c.abc[i]],
      previousAbc: classAt(c.previousAbc[i]),
      band: RISK_BANDS[c.band[i]],
      grew: c.grew[i] === 1,
    };
  }
  const moveNames = unpackStrings(mc.name);
  const moves = Array.from(mc.id, (id, i) => ({ id, name: moveNames[i], from: classAt(mc.from[i]), to: classAt(mc.to[i]) }));
  return { ...rest, abc: { ...abc, moves }, rows };
}
