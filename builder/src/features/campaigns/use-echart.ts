import { useEffect, useRef } from 'react';
import { BarChart, LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';

echarts.use([BarChart, LineChart, GridComponent, LegendComponent, TooltipComponent, SVGRenderer]);

/**
 * A chart of the campaign pages, drawn in the element the returned ref is given: made when the
 * element is shown (SVG: crisp at any zoom, and drawable where no canvas is, as in component
 * tests), resized with the window, given `option()` whenever `deps` change, gone with the element.
 */
export function useEChart(option: () => echarts.EChartsCoreOption, deps: readonly unknown[], shown = true) {
  const element = useRef<HTMLDivElement>(null);
  const chart = useRef<echarts.ECharts | null>(null);

  useEffect(() => {
    if (!element.current) return;
    chart.current = echarts.init(element.current, undefined, { renderer: 'svg' });
    const resize = () => chart.current?.resize();
    window.addEventListener('resize', resize);
    return () => {
      window.removeEventListener('resize', resize);
      chart.current?.dispose();
      chart.current = null;
    };
  }, [shown]);

  useEffect(() => {
    chart.current?.setOption(option());
    // The caller names what the option is made of; `option` itself is a new function each render.
  }, [...deps, shown]);

  return element;
}
