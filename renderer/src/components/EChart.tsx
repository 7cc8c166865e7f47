import * as echarts from 'echarts/core';
import type { EChartsOption } from 'echarts';
import { CanvasRenderer, SVGRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';

// Each feature registers the chart types and components it draws (echarts.use in its own module), so the bundle keeps only those.
echarts.use([CanvasRenderer, SVGRenderer]);

interface Props {
  /** From a pure builder in shared/ (the same builders draw the workbook's pictures). */
  option: EChartsOption;
  onItemClick?: (data: unknown) => void;
  height?: number;
  width?: number;
  className?: string;
  testId?: string;
  /** SVG for small charts whose labels should stay real text (readable, testable); canvas by default. */
  renderer?: 'canvas' | 'svg';
  /** Extra data-* attributes, for tests. */
  data?: Record<string, string | number>;
}

/** One ECharts instance bound to a div: made once, resized with its box, the option replaced whole when it changes. */
export function EChart({ option, onItemClick, height, width, className = 'chart', testId, renderer = 'canvas', data = {} }: Props) {
  const el = useRef<HTMLDivElement>(null);
  const chart = useRef<echarts.ECharts | null>(null);
  const click = useRef(onItemClick);
  click.current = onItemClick;
  useEffect(() => {
    const c = echarts.init(el.current!, undefined, { renderer });
    chart.current = c;
    c.on('click', (p) => click.current?.(p.data));
    // Not while its page is kept out of the document (KeptPage): a 0 × 0 chart would be drawn again on the way back.
    const resize = new ResizeObserver(() => el.current?.isConnected && c.resize());
    resize.observe(el.current!);
    return () => {
      resize.disconnect();
      c.dispose();
      chart.current = null;
    };
  }, [renderer]);
  useEffect(() => {
    chart.current?.setOption(option as echarts.EChartsCoreOption, { notMerge: true });
  }, [option]);
  const attrs = Object.fromEntries(Object.entries(data).map(([k, v]) => [`data-${k}`, v]));
  return <div ref={el} className={className} style={height === undefined && width === undefined ? undefined : { height, width }} data-testid={testId} {...attrs} />;
}
