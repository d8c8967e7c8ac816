import { useEChart } from './use-echart.ts';
import type { MessageKey } from '../../i18n/catalog.ts';
import { useLocale, useT } from '../../i18n/use-i18n.ts';
import type { CampaignStats } from './campaign-types.ts';

const channelKey = (channel: string): MessageKey =>
  channel === 'email'
    ? 'campaigns.channel.email'
    : channel === 'whatsapp'
      ? 'campaigns.channel.whatsapp'
      : 'campaigns.channel.sms';

/**
 * People reached (each once, whichever channel got there), sends per channel as a chart, and a
 * warning when a channel's bag is at its threshold (80 %) or used up.
 */
export function CampaignReachStats({ stats }: { stats: CampaignStats }) {
  const t = useT();
  const locale = useLocale((s) => s.locale);
  const number = new Intl.NumberFormat(locale);
  const several = stats.channels.length > 1;

  const element = useEChart(
    () => {
      const names = {
        delivered: t('campaigns.stats.delivered'),
        pending: t('campaigns.stats.pending'),
        notDelivered: t('campaigns.reach.notDelivered'),
      };
      return {
        tooltip: { trigger: 'axis' },
        legend: { data: Object.values(names) },
        grid: { left: 80, right: 16, top: 32, bottom: 24 },
        yAxis: { type: 'category', data: stats.channels.map((c) => t(channelKey(c.channel))) },
        xAxis: { type: 'value', minInterval: 1 },
        series: (['delivered', 'pending', 'notDelivered'] as const).map((key) => ({
          name: names[key],
          type: 'bar',
          stack: 'sends',
          data: stats.channels.map((c) => c[key]),
        })),
      };
    },
    [stats.channels, locale, t],
    several,
  );

  const warnings = stats.quotas.filter((q) => q.warning || q.exhausted);
  return (
    <section aria-label={t('campaigns.reach.title')} className="space-y-3">
      <div className="rounded border border-slate-200 bg-white p-3">
        <p className="text-xs text-slate-500">{t('campaigns.reach.reached')}</p>
        <p className="text-2xl font-semibold tabular-nums">{number.format(stats.reached)}</p>
        <p className="text-xs text-slate-500">{t('campaigns.reach.reachedHint')}</p>
      </div>
      {warnings.map((q) => (
        <p
          key={q.channel}
          role="status"
          className={`rounded p-2 text-sm ${q.exhausted ? 'bg-red-50 text-red-800' : 'bg-amber-50 text-amber-800'}`}
        >
          {t(q.exhausted ? 'campaigns.reach.quotaExhausted' : 'campaigns.reach.quotaWarning', {
            channel: t(channelKey(q.channel)),
            percent: number.format(q.percent),
          })}
        </p>
      ))}
      {several && (
        <figure>
          <figcaption className="text-sm font-medium text-slate-700">
            {t('campaigns.reach.byChannel')}
          </figcaption>
          <div ref={element} role="img" aria-label={t('campaigns.reach.byChannel')} className="h-48 w-full" />
        </figure>
      )}
    </section>
  );
}
