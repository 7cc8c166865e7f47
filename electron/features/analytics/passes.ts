import { dayKey, type Period } from '../../../shared/features/analytics/period';
import type { Scope } from '../../../shared/features/analytics/types';
import { notFound } from '../../errors';
import type { PurchaseStore } from './store';

/** Per client slot: net revenue in a period and whether the client bought at all (a credit note counts). */
export interface PeriodRevenue {
  revenue: Float64Array;
  present: Uint8Array;
}

/** One pass over every line: net revenue per active client in the period, both ends inclusive. */
export function revenueIn(store: PurchaseStore, period: Period): PeriodRevenue {
  const from = dayKey(period.from);
  const to = dayKey(period.to);
  const revenue = new Float64Array(store.clientCount);
  const present = new Uint8Array(store.clientCount);
  const { pDay, pClient, pAmount, pAlive, cArchived } = store;
  for (let i = 0, n = store.size; i < n; i++) {
    const d = pDay[i];
    if (d < from || d > to || pAlive[i] === 0) continue;
    const c = pClient[i];
    if (cArchived[c] === 1) continue;
    revenue[c] += pAmount[i];
    present[c] = 1;
  }
  return { revenue, present };
}

/** A client's department is its own, else its manager's (as on the clients grid). */
const departmentsMemo = new WeakMap<PurchaseStore, { version: number; org: unknown; value: Int32Array }>();

export function effectiveDepartments(store: PurchaseStore): Int32Array {
  const memo = departmentsMemo.get(store);
  if (memo && memo.version === store.version && memo.org === store.org) return memo.value;
  const managerDept = new Map(store.org.managers.map((m) => [m.id, m.departmentId ?? 0]));
  const out = new Int32Array(store.clientCount);
  for (let s = 0; s < store.clientCount; s++) out[s] = store.cDepartment[s] || (managerDept.get(store.cManager[s]) ?? 0);
  departmentsMemo.set(store, { version: store.version, org: store.org, value: out });
  return out;
}

export interface ScopeMask {
  inScope: Uint8Array;
  /** The department's or manager's name; null for the whole company (the screens say that in the user's language). */
  name: string | null;
}

/** Which active clients the scope covers; an unknown department or manager is an error, not an empty report. */
export function scopeMask(store: PurchaseStore, scope: Scope, departments: Int32Array): ScopeMask {
  const inScope = new Uint8Array(store.clientCount);
  let name: string | null = null;
  if (scope.kind === 'department') {
    const d = store.org.departments.find((x) => x.id === scope.id);
    if (!d) throw notFound('accounts:nouns.department', scope.id);
    name = d.name;
  } else if (scope.kind === 'manager') {
    const m = store.org.managers.find((x) => x.id === scope.id);
    if (!m) throw notFound('accounts:nouns.manager', scope.id);
    name = m.name;
  }
  for (let s = 0; s < store.clientCount; s++) {
    if (store.cArchived[s] === 1) continue;
    inScope[s] = scope.kind === 'company' ? 1 : scope.kind === 'department' ? +(departments[s] === scope.id) : +(store.cManager[s] === scope.id);
  }
  return { inScope, name };
}

/** Slots of clients in scope that bought in the period. */
export function presentSlots(r: PeriodRevenue, mask: Uint8Array): Int32Array {
  let n = 0;
  for (let s = 0; s < mask.length; s++) if (mask[s] && r.present[s]) n++;
  const out = new Int32Array(n);
  n = 0;
  for (let s = 0; s < mask.length; s++) if (mask[s] && r.present[s]) out[n++] = s;
  return out;
}

/**
 * Net revenue per calendar month and client slot, for the months of the
 * period (months × clients, row-major); a month is cut to the period's days.
 */
export function monthlyRevenue(store: PurchaseStore, period: Period, months: string[], mask: Uint8Array): Float64Array {
  const from = dayKey(period.from);
  const to = dayKey(period.to);
  const first = Math.floor(dayKey(`${months[0]}-01`) / 100);
  const base = Math.floor(first / 100) * 12 + (first % 100);
  const out = new Float64Array(months.length * store.clientCount);
  const { pDay, pClient, pAmount, pAlive } = store;
  const width = store.clientCount;
  for (let i = 0, n = store.size; i < n; i++) {
    const d = pDay[i];
    if (d < from || d > to || pAlive[i] === 0) continue;
    const c = pClient[i];
    if (mask[c] === 0) continue;
    const ym = Math.floor(d / 100);
    const m = Math.floor(ym / 100) * 12 + (ym % 100) - base;
    if (m >= 0 && m < months.length) out[m * width + c] += pAmount[i];
  }
  return out;
}
