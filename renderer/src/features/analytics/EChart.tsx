import { BarChart, LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent, MarkLineComponent, MarkPointComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import type { ComponentProps } from 'react';
import { EChart as Chart } from '../../components/EChart';

echarts.use([BarChart, LineChart, GridComponent, LegendComponent, MarkLineComponent, MarkPointComponent, TooltipComponent]);

/** The key-account charts: the shared chart host with the types they draw, 360 px high unless told. */
export function EChart({ height = 360, ...props }: ComponentProps<typeof Chart>) {
  return <Chart height={height} {...props} />;
}
