import type { EChartsOption } from 'echarts';
import type { ParetoPoint, TrendPoint } from './types';

/** Colours of the risk bands, shared by the grid, the charts and the workbook. */
export const BAND_COLOURS = { normal: '#2e7d32', key: '#1565c0', widen: '#f9a825', danger: '#ef6c00', critical: '#c62828' } as const;

const pct = (x: number) => Math.round(x * 1000) / 10;

export interface ParetoLabels {
  revenue: string;
  cumulative: string;
  mark: string;
}

/**
 * Clients by revenue (bars, left axis) and their cumulative share (line, right
 * axis, percent) with the 80% mark. Bar data carry the client id so a click can
 * open the client; the long-tail bar carries none.
 */
export function paretoChartOption(points: ParetoPoint[], labels: ParetoLabels): EChartsOption {
  return {
    animation: false,
    grid: { left: 70, right: 60, top: 40, bottom: 90 },
    legend: { top: 5, data: [labels.revenue, labels.cumulative] },
    tooltip: { trigger: 'axis' },
    xAxis: { type: 'category', data: points.map((p) => p.name), axisLabel: { rotate: 45, interval: 'auto', fontSize: 10 } },
    yAxis: [
      { type: 'value', name: labels.revenue },
      { type: 'value', name: '%', min: 0, max: 100, axisLabel: { formatter: '{value}%' } },
    ],
    series: [
      {
        name: labels.revenue,
        type: 'bar',
        data: points.map((p) => ({ value: Math.round(p.revenue * 100) / 100, clientId: p.id, itemStyle: p.id === null ? { color: '#9e9e9e' } : undefined })),
      },
      {
        name: labels.cumulative,
        type: 'line',
        yAxisIndex: 1,
        symbolSize: 4,
        data: points.map((p) => pct(p.cumulativeShare)),
        markLine: { symbol: 'none', silent: true, label: { formatter: labels.mark }, lineStyle: { type: 'dashed', color: '#c62828' }, data: [{ yAxis: 80 }] },
      },
    ],
  };
}

export interface TrendLabels {
  top1: string;
  top3: string;
  top5: string;
  hhi: string;
}

/** Month by month: the top-1/3/5 shares and the HHI, all in percent. */
export function trendChartOption(trend: TrendPoint[], labels: TrendLabels): EChartsOption {
  const line = (name: string, values: number[]) => ({ name, type: 'line' as const, symbolSize: 4, data: values });
  return {
    animation: false,
    grid: { left: 60, right: 30, top: 40, bottom: 40 },
    legend: { top: 5, data: [labels.top1, labels.top3, labels.top5, labels.hhi] },
    tooltip: { trigger: 'axis' },
    xAxis: { type: 'category', data: trend.map((t) => t.month) },
    yAxis: { type: 'value', min: 0, max: 100, axisLabel: { formatter: '{value}%' } },
    series: [
      line(labels.top1, trend.map((t) => pct(t.top1Share))),
      line(labels.top3, trend.map((t) => pct(t.top3Share))),
      line(labels.top5, trend.map((t) => pct(t.top5Share))),
      line(labels.hhi, trend.map((t) => pct(t.hhi))),
    ],
  };
}
