import type { Scope } from '../../../shared/features/analytics/types';
import type { Db } from '../../db/connection';
import { orgUnits } from './source';
import { accountsReport, analyticsReport } from './report';
import { writeAnalyticsWorkbook } from './workbook';
import { inEnglish } from '../../i18n';
import type { Language } from '../../../shared/i18n';

export const REPORT_KINDS = ['pareto', 'abc', 'dependency', 'kam', 'workbook'] as const;
export type ReportKind = (typeof REPORT_KINDS)[number];

export interface ReportOptions {
  from?: string;
  to?: string;
  department?: string;
  manager?: string;
  out?: string;
  /** The workbook's language; Settings' when absent. */
  lang?: Language;
}

/** A department or manager by id or by name (case-insensitive); null names it in the error. */
export function resolveScope(db: Db, o: ReportOptions, fail: (message: string) => Error): Scope {
  if (o.department !== undefined && o.manager !== undefined) throw fail('Give --department or --manager, not both');
  const pick = (kind: 'department' | 'manager', value: string, units: { id: number; name: string }[]): Scope => {
    const hit = units.find((u) => String(u.id) === value) ?? units.find((u) => u.name.toLowerCase() === value.toLowerCase());
    if (!hit) throw fail(`No ${kind} "${value}"; known: ${units.map((u) => u.name).join(', ') || 'none'}`);
    return { kind, id: hit.id };
  };
  const org = orgUnits(db);
  if (o.department !== undefined) return pick('department', o.department, org.departments);
  if (o.manager !== undefined) return pick('manager', o.manager, org.managers);
  return { kind: 'company' };
}

/** The report as the CLI prints it: snake_case keys, shares as fractions 0–1, dates inclusive. */
export async function reportJson(db: Db, kind: ReportKind, o: ReportOptions, scope: Scope): Promise<unknown> {
  const input = { from: o.from, to: o.to, scope };
  if (kind === 'workbook') {
    // The CLI refuses a workbook without --out before it opens the database.
    await writeAnalyticsWorkbook(db, input, [], o.out!, { language: o.lang });
    return { written: o.out! };
  }
  if (kind === 'kam') {
    const a = accountsReport(db, input);
    return {
      managers: a.kam.map((k) => ({ manager: k.managerId === null ? inEnglish('analytics:tables.noManager') : k.manager, key_accounts: k.keyAccounts, over_limit: k.overLimit, key_revenue_share: k.keyRevenueShare, clients: k.clients })),
      key_accounts: a.keyAccounts.map((k) => ({ id: k.id, name: k.name, manager: k.manager, revenue: k.revenue, share: k.share, reasons: k.reasons })),
    };
  }
  const r = analyticsReport(db, input);
  // The JSON names the whole company in English, as it always has.
  const head = { period: r.period, scope: { ...r.scope, name: r.scope.name ?? inEnglish('analytics:company') }, revenue: r.revenue, clients: r.portfolio.clients };
  if (kind === 'pareto') {
    return {
      ...head,
      clients_for_80pct: r.pareto.clientsFor80,
      share_of_clients_for_80pct: r.pareto.shareOfClientsFor80,
      rows: r.rows.map((x) => ({ id: x.id, name: x.name, revenue: x.revenue, share: x.share, cumulative_share: x.cumulativeShare })),
    };
  }
  if (kind === 'abc') {
    return {
      ...head,
      thresholds: { a: r.settings.classA, b: r.settings.classB, growth_variant: r.settings.growthVariant },
      counts: r.abc.counts,
      previous_counts: r.abc.previousCounts,
      rows: r.rows.map((x) => ({ id: x.id, name: x.name, revenue: x.revenue, share: x.share, cumulative_share: x.cumulativeShare, class: x.abc, previous_class: x.previousAbc, grew: x.grew })),
      moves: r.abc.moves,
    };
  }
  return {
    ...head,
    hhi: r.portfolio.hhi,
    effective_clients: r.portfolio.effectiveClients,
    top1_share: r.portfolio.top1Share,
    top3_share: r.portfolio.top3Share,
    top5_share: r.portfolio.top5Share,
    monoclient: r.portfolio.monoclient,
    band_counts: r.bandCounts,
    rows: r.rows.map((x) => ({ id: x.id, name: x.name, manager: x.manager, department: x.department, revenue: x.revenue, share: x.share, band: x.band })),
  };
}

/** A few lines for a person at a terminal. */
export function reportText(kind: ReportKind, json: any): string {
  const pct = (x: number | null) => (x === null ? '—' : `${(x * 100).toFixed(1)}%`);
  if (kind === 'workbook') return `Wrote ${json.written}\n`;
  if (kind === 'kam') return json.managers.map((m: any) => `${m.manager}\t${m.key_accounts} key accounts${m.over_limit ? ' (over the limit)' : ''}\t${pct(m.key_revenue_share)}\n`).join('');
  if (kind === 'pareto') return `${pct(json.share_of_clients_for_80pct)} of clients (${json.clients_for_80pct} of ${json.clients}) make 80% of revenue\n`;
  if (kind === 'abc') return `A ${json.counts.A}, B ${json.counts.B}, C ${json.counts.C} (previous period A ${json.previous_counts.A}, B ${json.previous_counts.B}, C ${json.previous_counts.C})\n`;
  return `HHI ${json.hhi.toFixed(4)} (${json.effective_clients.toFixed(1)} effective clients); top 1 ${pct(json.top1_share)}, top 3 ${pct(json.top3_share)}, top 5 ${pct(json.top5_share)}${json.monoclient ? '; MONOCLIENT' : ''}\n` +
    json.rows.slice(0, 10).map((r: any) => `${r.name}\t${pct(r.share)}\t${r.band}\n`).join('');
}
