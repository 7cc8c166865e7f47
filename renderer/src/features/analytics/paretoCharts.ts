import type { EChartsOption } from 'echarts';
import { BAND_COLOURS } from '../../../../shared/features/analytics/charts';
import type { DependencyRow } from '../../../../shared/features/analytics/types';
import type { Formatters } from '../../../../shared/kernel/format';
import type { ScreenNumbers } from './localeNumbers';

/** Enough points for a smooth curve at any width; 50,000 clients drawn one by one would only cost time. */
const CURVE_POINTS = 400;
/** Bars for the largest clients only: on a flat base the rest is a curve, not one giant "others" bar. */
export const TOP_BARS = 20;

export interface CurveLabels {
  clients: string;
  revenue: string;
  /** The marked point: "18% of clients bring 80% of revenue". */
  mark: string;
  tooltip: (clientsShare: string, revenueShare: string) => string;
}

/**
 * The cumulative share of revenue over the share of clients, largest first
 * (a Lorenz-style curve over every client with revenue), with the point where
 * it reaches 80% marked. Axes are 0–100% in the user's locale; the mark's label
 * sits beside the point, away from the axis labels, so "80%" never doubles up.
 *
 * Computed from the report's rows until the engine sends the curve itself.
 */
export function lorenzOption(rows: DependencyRow[], clientsFor80: number | null, nums: ScreenNumbers, labels: CurveLabels): EChartsOption {
  const n = rows.length;
  const step = Math.max(1, Math.ceil(n / CURVE_POINTS));
  const data: [number, number][] = [[0, 0]];
  for (let i = 0; i < n; i++) {
    if (i % step === step - 1 || i === n - 1 || i === (clientsFor80 ?? 0) - 1) data.push([(i + 1) / n, rows[i].cumulativeShare]);
  }
  const mark: [number, number] | null = clientsFor80 && n > 0 ? [clientsFor80 / n, rows[clientsFor80 - 1].cumulativeShare] : null;
  const axis = (name: string) => ({
    type: 'value' as const, min: 0, max: 1, interval: 0.2, name, nameLocation: 'middle' as const, nameGap: 32,
    axisLabel: { formatter: (v: number) => nums.wholePercent(v) },
  });
  return {
    animation: false,
    grid: { left: 70, right: 30, top: 20, bottom: 56 },
    tooltip: { trigger: 'axis', formatter: (p) => { const d = (Array.isArray(p) ? p[0] : p).data as [number, number]; return labels.tooltip(nums.wholePercent(d[0]), nums.wholePercent(d[1])); } },
    xAxis: axis(labels.clients),
    yAxis: { ...axis(labels.revenue), nameGap: 48 },
    series: [
      {
        type: 'line',
        name: labels.revenue,
        showSymbol: false,
        areaStyle: { opacity: 0.08 },
        lineStyle: { width: 2, color: '#1565c0' },
        itemStyle: { color: '#1565c0' },
        data,
        markLine: mark
          ? { symbol: 'none', silent: true, label: { show: false }, lineStyle: { type: 'dashed', color: '#c62828' }, data: [[{ coord: [0, mark[1]] }, { coord: mark }], [{ coord: mark }, { coord: [mark[0], 0] }]] }
          : undefined,
        markPoint: mark
          ? { symbol: 'circle', symbolSize: 10, silent: true, itemStyle: { color: '#c62828' }, label: { show: true, position: mark[0] < 0.5 ? 'right' : 'bottom', align: mark[0] < 0.5 ? 'left' : 'right', offset: [4, 12], color: '#c62828', fontWeight: 'bold', formatter: labels.mark }, data: [{ name: 'pareto80', coord: mark }] }
          : undefined,
      },
      // The line of perfect equality: how far the curve bows above it is how concentrated the base is.
      { type: 'line', silent: true, showSymbol: false, lineStyle: { type: 'dotted', color: '#9e9e9e', width: 1 }, data: [[0, 0], [1, 1]], tooltip: { show: false } },
    ],
  };
}

export interface BarLabels {
  revenue: string;
}

/** The largest clients as bars, coloured by their risk band; a click opens the client (the bar carries its id). */
export function topClientsOption(rows: DependencyRow[], fmt: Formatters, labels: BarLabels): EChartsOption {
  const top = rows.slice(0, TOP_BARS);
  return {
    animation: false,
    grid: { left: 80, right: 20, top: 20, bottom: 100 },
    tooltip: { trigger: 'axis', valueFormatter: (v) => fmt.money(Number(v)) },
    xAxis: { type: 'category', data: top.map((r) => r.name), axisLabel: { rotate: 45, interval: 0, fontSize: 10, width: 110, overflow: 'truncate' } },
    yAxis: { type: 'value', axisLabel: { formatter: (v: number) => fmt.number(v, 0) } },
    series: [
      {
        type: 'bar',
        name: labels.revenue,
        data: top.map((r) => ({ value: r.revenue, clientId: r.id, itemStyle: { color: BAND_COLOURS[r.band] } })),
        label: { show: top.length <= 12, position: 'top', fontSize: 10, formatter: (p: { dataIndex: number }) => fmt.percent(top[p.dataIndex].share) },
      },
    ],
  };
}
