import type { EChartsOption } from 'echarts';
import type { CurvePoint, ParetoPoint, TrendPoint } from './types';

/** Colours of the risk bands, shared by the grid, the charts and the workbook. */
export const BAND_COLOURS = { normal: '#2e7d32', key: '#1565c0', widen: '#f9a825', danger: '#ef6c00', critical: '#c62828' } as const;

/** Bars drawn for the largest clients in the Pareto picture; the rest of the base is the curve beside them. */
export const PICTURE_BARS = 20;

export interface ParetoLabels {
  /** Title over the bars ("The 20 largest clients"). */
  bars: string;
  /** Title over the curve. */
  curve: string;
  revenue: string;
  clientsAxis: string;
  revenueAxis: string;
  /** The text at the 80% point ("12% of clients bring 80% of revenue"), already in the user's words and numbers. */
  mark: string;
  /** A share 0–1 as the user's locale writes it (axis ticks). */
  percent: (share: number) => string;
  /** An amount as the user's locale writes it (axis ticks). */
  number: (value: number) => string;
}

/**
 * The Pareto picture: bars for the largest clients on the left, and on the
 * right the cumulative share of revenue over every client (Lorenz-style),
 * with the point where it reaches 80% marked. On a flat base a single
 * "others" bar would dwarf everything; the curve shows the whole base.
 * The mark's text sits inside the plot, away from the axis ticks (an "80%"
 * tick beside an "80%" label read as "80%%"); labels are contained in the
 * picture (long names truncated), so the first one is never cut off.
 */
export function paretoChartOption(points: ParetoPoint[], curve: CurvePoint[], clientsFor80: number | null, labels: ParetoLabels): EChartsOption {
  const top = points.filter((p) => p.id !== null).slice(0, PICTURE_BARS);
  const at80 = clientsFor80 === null ? undefined : curve.find((p) => p.clients === clientsFor80);
  const pctAxis = { type: 'value' as const, min: 0, max: 100, axisLabel: { formatter: (v: number) => labels.percent(v / 100) } };
  return {
    animation: false,
    title: [
      { text: labels.bars, left: '2%', top: 4, textStyle: { fontSize: 13 } },
      { text: labels.curve, left: '52%', top: 4, textStyle: { fontSize: 13 } },
    ],
    grid: [
      { left: '2%', width: '42%', top: 44, bottom: 12, containLabel: true },
      { left: '52%', right: '3%', top: 44, bottom: 12, containLabel: true },
    ],
    xAxis: [
      { gridIndex: 0, type: 'category', data: top.map((p) => p.name), axisLabel: { rotate: 50, interval: 0, fontSize: 9, width: 110, overflow: 'truncate' } },
      { gridIndex: 1, ...pctAxis, name: labels.clientsAxis, nameLocation: 'middle', nameGap: 28 },
    ],
    yAxis: [
      { gridIndex: 0, type: 'value', name: labels.revenue, axisLabel: { formatter: (v: number) => labels.number(v) } },
      { gridIndex: 1, ...pctAxis, name: labels.revenueAxis },
    ],
    series: [
      {
        name: labels.revenue,
        type: 'bar',
        xAxisIndex: 0,
        yAxisIndex: 0,
        data: top.map((p) => ({ value: Math.round(p.revenue * 100) / 100, clientId: p.id })),
      },
      {
        name: labels.curve,
        type: 'line',
        xAxisIndex: 1,
        yAxisIndex: 1,
        showSymbol: false,
        areaStyle: { opacity: 0.12 },
        data: curve.map((p) => [p.clientShare * 100, p.revenueShare * 100]),
        markLine: {
          symbol: 'none',
          silent: true,
          lineStyle: { type: 'dashed', color: '#c62828' },
          label: { show: false },
          data: [{ yAxis: 80 }, ...(at80 ? [{ xAxis: at80.clientShare * 100 }] : [])],
        },
        markPoint: at80
          ? {
              symbol: 'circle',
              symbolSize: 9,
              itemStyle: { color: '#c62828' },
              label: { formatter: labels.mark, position: 'right', color: '#c62828', fontSize: 12, backgroundColor: '#ffffff', padding: 2 },
              data: [{ name: '80', coord: [at80.clientShare * 100, at80.revenueShare * 100] }],
            }
          : undefined,
      },
    ],
  };
}

export interface TrendLabels {
  top1: string;
  top3: string;
  top5: string;
  hhi: string;
  percent: (share: number) => string;
  /** The month (YYYY-MM) as the user's locale names it; a partial month is marked by the caller. */
  month: (month: string, partial: boolean) => string;
}

/** Month by month: the top-1/3/5 shares and the HHI, all in percent (a partial month is drawn dashed and named so). */
export function trendChartOption(trend: TrendPoint[], labels: TrendLabels): EChartsOption {
  const line = (name: string, values: number[]) => ({ name, type: 'line' as const, symbolSize: 4, data: values.map((v, i) => (trend[i].partial ? { value: v, symbol: 'emptyCircle', symbolSize: 7 } : v)) });
  const pct = (x: number) => Math.round(x * 1000) / 10;
  return {
    animation: false,
    grid: { left: 16, right: 24, top: 40, bottom: 12, containLabel: true },
    legend: { top: 5, data: [labels.top1, labels.top3, labels.top5, labels.hhi] },
    xAxis: { type: 'category', data: trend.map((t) => labels.month(t.month, t.partial)), axisLabel: { fontSize: 10 } },
    yAxis: { type: 'value', min: 0, max: 100, axisLabel: { formatter: (v: number) => labels.percent(v / 100) } },
    series: [
      line(labels.top1, trend.map((t) => pct(t.top1Share))),
      line(labels.top3, trend.map((t) => pct(t.top3Share))),
      line(labels.top5, trend.map((t) => pct(t.top5Share))),
      line(labels.hhi, trend.map((t) => pct(t.hhi))),
    ],
  };
}
