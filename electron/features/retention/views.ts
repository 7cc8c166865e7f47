import type { Class, RetentionSettings } from '../../../shared/features/retention/settings';
import type { DormancyOverview, DormancyRow, FitInfo, GridValues } from '../../../shared/features/retention/types';
import { toIsoDate } from '../../../shared/kernel/dates';
import type { Db } from '../../db/connection';
import { dormancyBase, isDormant, modelColumns, slotFacts, type DormancyBase, type ModelColumns } from './dormancy';
import { CLASS_OF_CODE, classesBySlot, clientFacts, storeOf, type ClientFacts } from './facts';
import { fitInfo } from './fits';
import type { PurchaseStore } from './history';
import { fileMark, purchaseMark } from './marks';
import { getRetentionSettings } from './settings';

export const todayIso = (): string => toIsoDate(new Date());

/** Everything a dormancy answer is built from, at one date. */
export interface DormancyState {
  s: PurchaseStore;
  settings: RetentionSettings;
  asOf: string;
  mark: string;
  fit: FitInfo;
  base: DormancyBase;
  model: ModelColumns;
}

export function dormancyState(db: Db, asOf?: string): DormancyState {
  const s = storeOf(db);
  const settings = getRetentionSettings(db);
  const date = asOf ?? todayIso();
  const mark = purchaseMark(db);
  const fit = fitInfo(db, mark, date);
  const base = dormancyBase(s, date, settings.minOccasions);
  return { s, settings, asOf: date, mark, fit, base, model: modelColumns(base, fit.params, settings.horizonDays) };
}

/** Whether P(alive) takes part in the rule: a usable fit exists and the user has not turned that part off. */
export const modelUsed = (st: DormancyState): boolean => st.fit.params !== null && st.settings.pAliveBelow > 0;

export function overview(db: Db, asOf?: string): DormancyOverview {
  const st = dormancyState(db, asOf);
  let clients = 0;
  let withRhythm = 0;
  let dormant = 0;
  let valueAtRisk = 0;
  for (let c = 0; c < st.s.clientCount; c++) {
    if (st.s.cArchived[c] || st.base.occasions[c] === 0) continue;
    clients++;
    if (!Number.isNaN(st.base.rhythm[c])) withRhythm++;
    if (isDormant(st.base, st.model, c, st.settings)) (dormant++, (valueAtRisk += slotFacts(st.base, st.model, c, st.settings).valueAtRisk));
  }
  const { gapFactor, pAliveBelow, minOccasions, horizonDays } = st.settings;
  return { asOf: st.asOf, fit: st.fit, modelUsed: modelUsed(st), rule: { gapFactor, pAliveBelow, minOccasions, horizonDays }, clients, withRhythm, dormant, valueAtRisk };
}

const gridAnswers = new WeakMap<Db['sqlite'], { key: string; values: GridValues }>();

/** The clients grid's columns for every client that has bought: compact arrays, one entry per client; answered again from memory while nothing in the file changed. */
export function gridValues(db: Db, asOf?: string): GridValues {
  const key = `${fileMark(db)}|${asOf ?? todayIso()}`;
  const hit = gridAnswers.get(db.sqlite);
  if (hit && hit.key === key) return hit.values;
  const values = gridValuesNow(db, asOf);
  gridAnswers.set(db.sqlite, { key, values });
  return values;
}

function gridValuesNow(db: Db, asOf?: string): GridValues {
  const st = dormancyState(db, asOf);
  const { base: b, model: m } = st;
  const out: GridValues = { fit: st.fit, ids: [], dormant: [], pAlive: [], overdueDays: [] };
  for (let c = 0; c < st.s.clientCount; c++) {
    if (b.occasions[c] === 0) continue;
    out.ids.push(st.s.cId[c]);
    out.dormant.push(isDormant(b, m, c, st.settings) ? 1 : 0);
    // P(alive) says nothing before a first repeat purchase (it is 1 by construction).
    out.pAlive.push(b.occasions[c] > 1 && !Number.isNaN(m.pAlive[c]) ? m.pAlive[c] : null);
    const rhythm = b.rhythm[c];
    out.overdueDays.push(Number.isNaN(rhythm) ? null : Math.max(0, b.asOfDay - b.last[c] - rhythm));
  }
  return out;
}

export function rowOf(st: DormancyState, facts: ClientFacts, classes: Uint8Array, managers: Map<number, string>, c: number): DormancyRow {
  const s = st.s;
  const typeId = facts.typeId[c] || null;
  return {
    id: s.cId[c],
    code: facts.code[c],
    name: s.cName[c],
    managerId: s.cManager[c] || null,
    manager: managers.get(s.cManager[c]) ?? null,
    typeId,
    type: typeId ? (facts.typeName.get(typeId) ?? null) : null,
    abc: CLASS_OF_CODE[classes[c]],
    ...slotFacts(st.base, st.model, c, st.settings),
  };
}

export interface RowFilter {
  managerId?: number | null;
  abc?: Class | null;
  typeId?: number | null;
  dormantOnly?: boolean;
}

/** Live clients with a purchase history that pass the filter, ranked by value at risk. */
export function dormancyRows(db: Db, st: DormancyState, f: RowFilter): DormancyRow[] {
  const s = st.s;
  const facts = clientFacts(db, s);
  const classes = classesBySlot(db, s, st.asOf);
  const managers = new Map(s.org.managers.map((m) => [m.id, m.name]));
  const rows: DormancyRow[] = [];
  for (let c = 0; c < s.clientCount; c++) {
    if (s.cArchived[c] || st.base.occasions[c] === 0) continue;
    if (f.managerId && s.cManager[c] !== f.managerId) continue;
    if (f.typeId && facts.typeId[c] !== f.typeId) continue;
    if (f.abc && CLASS_OF_CODE[classes[c]] !== f.abc) continue;
    if (f.dormantOnly && !isDormant(st.base, st.model, c, st.settings)) continue;
    rows.push(rowOf(st, facts, classes, managers, c));
  }
  return rows.sort((a, b) => b.valueAtRisk - a.valueAtRisk || a.id - b.id);
}
