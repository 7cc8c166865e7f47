import type { EChartsOption } from 'echarts';
import type { MonthRevenue } from './types';

/** A candidate's last months as a small line with no axes: enough to see it stop or halve. */
export function sparklineOption(trend: MonthRevenue[]): EChartsOption {
  return {
    animation: false,
    grid: { left: 2, right: 2, top: 4, bottom: 4 },
    tooltip: { trigger: 'axis' },
    xAxis: { type: 'category', show: false, data: trend.map((t) => t.month) },
    yAxis: { type: 'value', show: false, min: 0 },
    series: [{ type: 'bar', data: trend.map((t) => Math.round(t.revenue * 100) / 100), itemStyle: { color: '#2f5bea' }, barCategoryGap: '20%' }],
  };
}

export interface ReasonBar {
  label: string;
  losses: number;
  lostRevenue: number;
  /** It came back after its corrective action was done. */
  recurringAfterAction: boolean;
}

/** Lost revenue per reason (bars, left axis) and the number of losses (line, right axis). */
export function reasonsChartOption(bars: ReasonBar[], labels: { lostRevenue: string; losses: string }): EChartsOption {
  return {
    animation: false,
    grid: { left: 70, right: 50, top: 40, bottom: 80 },
    legend: { top: 5, data: [labels.lostRevenue, labels.losses] },
    tooltip: { trigger: 'axis' },
    xAxis: { type: 'category', data: bars.map((b) => b.label), axisLabel: { rotate: 30, interval: 0, fontSize: 11 } },
    yAxis: [{ type: 'value', name: labels.lostRevenue }, { type: 'value', name: labels.losses, minInterval: 1 }],
    series: [
      {
        name: labels.lostRevenue,
        type: 'bar',
        data: bars.map((b) => ({ value: Math.round(b.lostRevenue * 100) / 100, itemStyle: { color: b.recurringAfterAction ? '#c62828' : '#2f5bea' } })),
      },
      { name: labels.losses, type: 'line', yAxisIndex: 1, symbolSize: 6, data: bars.map((b) => b.losses) },
    ],
  };
}

/** Losses per quarter, one stacked series per reason. */
export function periodsChartOption(periods: string[], series: { label: string; values: number[] }[]): EChartsOption {
  return {
    animation: false,
    grid: { left: 50, right: 20, top: 40, bottom: 40 },
    legend: { top: 5, type: 'scroll' },
    tooltip: { trigger: 'axis' },
    xAxis: { type: 'category', data: periods },
    yAxis: { type: 'value', minInterval: 1 },
    series: series.map((s) => ({ name: s.label, type: 'bar', stack: 'losses', data: s.values })),
  };
}
