import { useEChart } from './use-echart.ts';
import { useLocale, useT } from '../../i18n/use-i18n.ts';

export interface MinutePoint {
  minute: string;
  sent: number;
  delivered: number;
}

/** Sent and delivered per minute: the campaign's pace and how receipts follow it. */
export function CampaignChart({ series }: { series: MinutePoint[] }) {
  const t = useT();
  const locale = useLocale((s) => s.locale);

  const element = useEChart(() => {
    const time = new Intl.DateTimeFormat(locale, { hour: '2-digit', minute: '2-digit' });
    return {
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
    };
  }, [series, locale, t]);

  return (
    <figure>
      <figcaption className="text-sm font-medium text-slate-700">{t('campaigns.chart.title')}</figcaption>
      {series.length === 0 && <p className="text-sm text-slate-500">{t('campaigns.chart.empty')}</p>}
      <div ref={element} role="img" aria-label={t('campaigns.chart.title')} className="h-64 w-full" />
    </figure>
  );
}
