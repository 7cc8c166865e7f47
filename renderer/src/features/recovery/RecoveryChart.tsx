import { BarChart, LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import type { EChartsOption } from 'echarts';
import { EChart } from '../../components/EChart';

echarts.use([BarChart, LineChart, GridComponent, LegendComponent, TooltipComponent]);

/** A lost-accounts chart, its option from a pure builder in shared/features/recovery/charts.ts. */
export function RecoveryChart({ option, height = 300, width, testId }: { option: EChartsOption; height?: number; width?: number; testId?: string }) {
  return <EChart option={option} height={height} width={width} className="" testId={testId} />;
}
