import { useEChart } from '../campaigns/use-echart.ts';
import { useLocale, useT } from '../../i18n/use-i18n.ts';
import { figureColours } from './okabe-ito.ts';
import type { LiveDashboard } from './use-live-dashboard.ts';

/** Runs started, completed and failed per minute over the last hour. */
export function RunsChart({ minutes }: { minutes: LiveDashboard['runsPerMinute'] }) {
  const t = useT();
  const locale = useLocale((s) => s.locale);
  const element = useEChart(() => {
    const time = new Intl.DateTimeFormat(locale, { hour: '2-digit', minute: '2-digit' });
    const line = (name: string, colour: string, data: number[]) => ({
      name,
      type: 'line',
      showSymbol: false,
      color: colour,
      data,
    });
    return {
      tooltip: { trigger: 'axis' },
      legend: { top: 0 },
      grid: { left: 40, right: 16, top: 32, bottom: 28 },
      xAxis: { type: 'category', data: minutes.map((m) => time.format(new Date(m.minute))) },
      yAxis: { type: 'value', minInterval: 1 },
      series: [
        line(
          t('dashboard.runs.started'),
          figureColours.started,
          minutes.map((m) => m.started),
        ),
        line(
          t('dashboard.runs.completed'),
          figureColours.completed,
          minutes.map((m) => m.completed),
        ),
        line(
          t('dashboard.runs.failed'),
          figureColours.failed,
          minutes.map((m) => m.failed),
        ),
      ],
    };
  }, [minutes, locale, t]);
  return <div ref={element} role="img" aria-label={t('dashboard.runs.title')} className="h-56 w-full" />;
}
