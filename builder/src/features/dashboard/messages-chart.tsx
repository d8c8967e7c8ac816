import { useEChart } from '../campaigns/use-echart.ts';
import { useLocale, useT } from '../../i18n/use-i18n.ts';
import { okabeIto } from './okabe-ito.ts';
import type { LiveDashboard } from './use-live-dashboard.ts';

const channelColours = [
  okabeIto.blue,
  okabeIto.orange,
  okabeIto.bluishGreen,
  okabeIto.reddishPurple,
  okabeIto.skyBlue,
];

/**
 * Messages per minute per channel: one bar stack per channel (sent), delivered and failed drawn as
 * lines of the channel's colour, solid and dashed, so no figure depends on telling hues apart.
 */
export function MessagesChart({ channels }: { channels: LiveDashboard['messagesPerMinute'] }) {
  const t = useT();
  const locale = useLocale((s) => s.locale);
  const element = useEChart(() => {
    const time = new Intl.DateTimeFormat(locale, { hour: '2-digit', minute: '2-digit' });
    const minutes = channels[0]?.minutes ?? [];
    return {
      tooltip: { trigger: 'axis' },
      legend: { top: 0, type: 'scroll' },
      grid: { left: 40, right: 16, top: 32, bottom: 28 },
      xAxis: { type: 'category', data: minutes.map((m) => time.format(new Date(m.minute))) },
      yAxis: { type: 'value', minInterval: 1 },
      series: channels.flatMap((c, i) => {
        const colour = channelColours[i % channelColours.length];
        return [
          {
            name: `${c.channel} · ${t('dashboard.messages.sent')}`,
            type: 'bar',
            color: colour,
            data: c.minutes.map((m) => m.sent),
          },
          {
            name: `${c.channel} · ${t('dashboard.messages.delivered')}`,
            type: 'line',
            showSymbol: false,
            color: colour,
            data: c.minutes.map((m) => m.delivered),
          },
          {
            name: `${c.channel} · ${t('dashboard.messages.failed')}`,
            type: 'line',
            showSymbol: false,
            color: colour,
            lineStyle: { type: 'dashed' },
            data: c.minutes.map((m) => m.failed),
          },
        ];
      }),
    };
  }, [channels, locale, t]);
  return <div ref={element} role="img" aria-label={t('dashboard.messages.title')} className="h-56 w-full" />;
}
