import { useEChart } from './use-echart.ts';
import { useLocale, useT } from '../../i18n/use-i18n.ts';

export interface JourneyCounts {
  started: number;
  running: number;
  completed: number;
  failed: number;
}

/** A journey campaign's people by where their flow is: going, finished, failed. */
export function CampaignJourneyStats({ journeys }: { journeys: JourneyCounts }) {
  const t = useT();
  const locale = useLocale((s) => s.locale);
  const number = new Intl.NumberFormat(locale);
  const tiles = [
    [t('campaigns.journeys.started'), journeys.started],
    [t('campaigns.journeys.running'), journeys.running],
    [t('campaigns.journeys.completed'), journeys.completed],
    [t('campaigns.journeys.failed'), journeys.failed],
  ] as const;

  const element = useEChart(
    () => ({
      tooltip: {},
      grid: { left: 48, right: 16, top: 16, bottom: 32 },
      xAxis: { type: 'category', data: tiles.slice(1).map(([label]) => label) },
      yAxis: { type: 'value', minInterval: 1 },
      series: [
        {
          type: 'bar',
          data: [
            { value: journeys.running, itemStyle: { color: '#6366f1' } },
            { value: journeys.completed, itemStyle: { color: '#16a34a' } },
            { value: journeys.failed, itemStyle: { color: '#dc2626' } },
          ],
        },
      ],
    }),
    [journeys.running, journeys.completed, journeys.failed, t],
  );
  // The labels follow the language; the counts, the poll.

  return (
    <section aria-label={t('campaigns.journeys')} className="space-y-2">
      <h2 className="text-sm font-medium">{t('campaigns.journeys')}</h2>
      <dl className="grid grid-cols-2 gap-3 sm:grid-cols-4">
        {tiles.map(([label, value]) => (
          <div key={label} className="rounded border border-slate-200 bg-white p-3">
            <dt className="text-xs text-slate-500">{label}</dt>
            <dd className="text-2xl font-semibold tabular-nums">{number.format(value)}</dd>
          </div>
        ))}
      </dl>
      <div ref={element} role="img" aria-label={t('campaigns.journeys')} className="h-48 w-full" />
    </section>
  );
}
