import { useEffect, useRef } from 'react';
import { LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';
import { useLocale, useT } from '../../i18n/use-i18n.ts';

echarts.use([LineChart, GridComponent, LegendComponent, TooltipComponent, SVGRenderer]);

export interface MinutePoint {
  minute: string;
  sent: number;
  delivered: number;
}

/** Sent and delivered per minute: the campaign's pace and how receipts follow it. */
export function CampaignChart({ series }: { series: MinutePoint[] }) {
  const t = useT();
  const locale = useLocale((s) => s.locale);
  const element = useRef<HTMLDivElement>(null);
  const chart = useRef<echarts.ECharts | null>(null);

  useEffect(() => {
    if (!element.current) return;
    // SVG: crisp at any zoom, and drawable where no canvas is (component tests).
    chart.current = echarts.init(element.current, undefined, { renderer: 'svg' });
    const resize = () => chart.current?.resize();
    window.addEventListener('resize', resize);
    return () => {
      window.removeEventListener('resize', resize);
      chart.current?.dispose();
      chart.current = null;
    };
  }, []);

  useEffect(() => {
    const time = new Intl.DateTimeFormat(locale, { hour: '2-digit', minute: '2-digit' });
    chart.current?.setOption({
      tooltip: { trigger: 'axis' },
      // Above the plot: left to itself it was drawn over the time labels.
      legend: { top: 0, data: [t('campaigns.stats.sent'), t('campaigns.stats.delivered')] },
      grid: { left: 48, right: 16, top: 32, bottom: 32 },
      xAxis: { type: 'category', data: series.map((p) => time.format(new Date(p.minute))) },
      yAxis: { type: 'value', minInterval: 1 },
      series: [
        { name: t('campaigns.stats.sent'), type: 'line', smooth: true, data: series.map((p) => p.sent) },
        {
          name: t('campaigns.stats.delivered'),
          type: 'line',
          smooth: true,
          data: series.map((p) => p.delivered),
        },
      ],
    });
  }, [series, locale, t]);

  return (
    <figure>
      <figcaption className="text-sm font-medium text-slate-700">{t('campaigns.chart.title')}</figcaption>
      {series.length === 0 && <p className="text-sm text-slate-500">{t('campaigns.chart.empty')}</p>}
      <div ref={element} role="img" aria-label={t('campaigns.chart.title')} className="h-64 w-full" />
    </figure>
  );
}
