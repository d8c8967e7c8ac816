import { PieChart } from 'echarts/charts';
import * as echarts from 'echarts/core';
import { useEChart } from '../campaigns/use-echart.ts';
import type { ReportDocument } from '../../api/types.ts';
import { okabeIto } from './report-palette.ts';

echarts.use([PieChart]);

type Chart = ReportDocument['charts'][number];

/** The ECharts option for one chart of a report: lines, bars (stacked or not) or a pie. */
export function chartOption(chart: Chart): echarts.EChartsCoreOption {
  if (chart.kind === 'pie')
    return {
      color: okabeIto,
      // Drawn at once: a report is read (and printed, and captured), not watched.
      animation: false,
      tooltip: { trigger: 'item' },
      legend: { bottom: 0 },
      series: [
        {
          type: 'pie',
          radius: ['35%', '65%'],
          data: chart.categories.map((name, i) => ({ name, value: chart.series[0]?.data[i] ?? 0 })),
        },
      ],
    };
  return {
    color: okabeIto,
    animation: false,
    tooltip: { trigger: 'axis' },
    legend: { bottom: 0 },
    grid: { left: 48, right: 16, top: 16, bottom: 56 },
    xAxis: { type: 'category', data: chart.categories },
    yAxis: {
      type: 'value',
      axisLabel:
        chart.valueType === 'percent' ? { formatter: (v: number) => `${Math.round(v * 100)} %` } : {},
    },
    series: chart.series.map((s) => ({
      name: s.name,
      type: chart.kind === 'line' ? 'line' : 'bar',
      data: s.data,
      ...(chart.kind === 'stacked-bar' ? { stack: 'total' } : {}),
    })),
  };
}

/** One chart of a report, with its title, as a labelled region. */
export function ReportChart({ chart }: { chart: Chart }) {
  const element = useEChart(() => chartOption(chart), [chart]);
  return (
    <section aria-label={chart.title} className="rounded border border-slate-200 bg-white p-3">
      <h2 className="mb-2 text-sm font-semibold text-slate-700">{chart.title}</h2>
      <div ref={element} className="h-64 w-full" />
    </section>
  );
}
