import { useEChart } from './use-echart.ts';
import { useLocale, useT } from '../../i18n/use-i18n.ts';
import type { MessageKey } from '../../i18n/catalog.ts';
import type { CampaignStats } from './campaign-types.ts';

const outcomes: [MessageKey, keyof CampaignStats, string][] = [
  ['campaigns.calls.answered', 'answered', '#16a34a'],
  ['campaigns.calls.busy', 'busy', '#d97706'],
  ['campaigns.calls.noAnswer', 'noAnswer', '#64748b'],
  ['campaigns.calls.failed', 'failed', '#dc2626'],
  ['campaigns.calls.calling', 'calling', '#4f46e5'],
];

/** A voice campaign's calls by outcome: tiles with the numbers and a bar each to compare them. */
export function VoiceCallCounts({ stats }: { stats: CampaignStats }) {
  const t = useT();
  const locale = useLocale((s) => s.locale);
  const number = new Intl.NumberFormat(locale);

  const element = useEChart(
    () => ({
      grid: { left: 110, right: 20, top: 10, bottom: 20 },
      tooltip: {},
      xAxis: { type: 'value', minInterval: 1 },
      yAxis: { type: 'category', data: outcomes.map(([key]) => t(key)), inverse: true },
      series: [
        {
          type: 'bar',
          data: outcomes.map(([, field, color]) => ({ value: stats[field] as number, itemStyle: { color } })),
        },
      ],
    }),
    [stats, t],
  );

  return (
    <section aria-label={t('campaigns.calls.title')} className="space-y-3">
      <h2 className="text-sm font-medium">{t('campaigns.calls.title')}</h2>
      <dl className="grid grid-cols-2 gap-3 sm:grid-cols-5">
        {outcomes.map(([key, field]) => (
          <div key={key} className="rounded border border-slate-200 bg-white p-3">
            <dt className="text-xs text-slate-500">{t(key)}</dt>
            <dd className="text-2xl font-semibold tabular-nums">{number.format(stats[field] as number)}</dd>
          </div>
        ))}
      </dl>
      <div ref={element} className="h-48 w-full" />
    </section>
  );
}
