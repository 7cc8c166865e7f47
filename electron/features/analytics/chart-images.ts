import type { EChartsOption } from 'echarts';

/**
 * Renders a chart option to PNG without a browser: ECharts' server-side SVG
 * renderer, then resvg for the pixels (Excel takes PNG, not SVG). Both load
 * on first use: every worker thread loads this module's chunk, and most of
 * them (imports, backups) never draw a chart.
 */
const load = () => Promise.all([import('echarts'), import('@resvg/resvg-js')]);
let loading: ReturnType<typeof load> | null = null;

/** Starts loading the chart modules (over half a second) while nothing waits for them: the host does at warm-up. */
export function preloadCharts(): void {
  loading ??= load();
  loading.catch(() => (loading = null));
}

export async function chartPng(option: EChartsOption, width = 900, height = 420): Promise<Buffer> {
  const [echarts, { Resvg }] = await (loading ??= load());
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width, height });
  try {
    chart.setOption({ backgroundColor: '#ffffff', textStyle: { fontFamily: 'DejaVu Sans, Liberation Sans, Arial, sans-serif' }, ...option });
    const svg = chart.renderToSVGString();
    return new Resvg(svg, { fitTo: { mode: 'width', value: width * 2 }, font: { loadSystemFonts: true, defaultFontFamily: 'DejaVu Sans' } }).render().asPng();
  } finally {
    chart.dispose();
  }
}
