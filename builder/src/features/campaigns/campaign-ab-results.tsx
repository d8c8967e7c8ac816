import { useEChart } from './use-echart.ts';
import type { MessageKey } from '../../i18n/catalog.ts';
import { useLocale, useT } from '../../i18n/use-i18n.ts';
import type { Campaign, CampaignStats } from './campaign-types.ts';
import { durationOf } from './campaign-ab-fields.tsx';

type Counts = CampaignStats['variants'][number];
type Metric = NonNullable<Campaign['ab']>['metric'];

/** What counts for the metric among those sent (email without receipts: accepted is delivered). */
export function rateOf(metric: Metric, v: Counts, email: boolean): number | null {
  if (v.sent === 0) return null;
  const hits =
    metric === 'open'
      ? v.opened
      : metric === 'click'
        ? v.clicked
        : metric === 'reply'
          ? v.replied
          : email
            ? v.sent - v.bounced - v.failed
            : v.delivered;
  return hits / v.sent;
}

/** A campaign's variants side by side: counts, the metric's rate, and the winner with how it was picked. */
export function CampaignAbResults({ campaign, stats }: { campaign: Campaign; stats: CampaignStats }) {
  const t = useT();
  const locale = useLocale((s) => s.locale);
  const ab = campaign.ab;
  const email = campaign.channel === 'email';
  const metric: Metric = ab?.metric ?? 'delivery';
  const variants = stats.variants
    .filter((v) => v.variant !== '')
    .sort((a, b) => a.variant.localeCompare(b.variant));
  const percent = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 1 });
  const number = new Intl.NumberFormat(locale);
  const testRates = new Map(ab?.results.map((r) => [r.key, r.rate]) ?? []);
  const rates = variants.map((v) => rateOf(metric, v, email));

  const element = useEChart(
    () => ({
      tooltip: { trigger: 'axis', valueFormatter: (n: number) => percent.format(n / 100) },
      grid: { left: 48, right: 16, top: 16, bottom: 32 },
      xAxis: { type: 'category', data: variants.map((v) => t('campaigns.ab.variant', { key: v.variant })) },
      yAxis: { type: 'value', max: 100, axisLabel: { formatter: '{value} %' } },
      series: [
        {
          name: t(`campaigns.ab.metric.${metric}`),
          type: 'bar',
          data: rates.map((r) => (r === null ? 0 : Math.round(r * 1000) / 10)),
        },
      ],
    }),
    [stats, campaign, locale, t],
  );

  if (variants.length < 2 && !ab) return null;
  const columns: [MessageKey, (v: Counts) => number][] = [
    ['campaigns.stats.targeted', (v) => v.targeted],
    ['campaigns.stats.sent', (v) => v.sent],
    ['campaigns.stats.delivered', (v) => v.delivered],
    ...(email
      ? ([
          ['campaigns.stats.opened', (v) => v.opened],
          ['campaigns.stats.clicked', (v) => v.clicked],
        ] as [MessageKey, (v: Counts) => number][])
      : []),
    ['campaigns.stats.replied', (v) => v.replied],
  ];
  const period = ab ? durationOf(ab.testMinutes) : undefined;
  return (
    <section
      aria-label={t('campaigns.ab.title')}
      className="space-y-2 rounded border border-slate-200 bg-white p-3"
    >
      <h2 className="font-medium">{t('campaigns.ab.title')}</h2>
      {ab && period && (
        <p className="text-sm text-slate-600">
          {t('campaigns.ab.summary', {
            metric: t(`campaigns.ab.metric.${ab.metric}`).toLowerCase(),
            duration: `${number.format(period.amount)} ${t(`campaigns.ab.unit.${period.unit}`)}`,
            share: ab.testShare,
          })}
        </p>
      )}
      {ab?.winner ? (
        <p className="text-sm font-medium text-emerald-800">
          {t('campaigns.ab.winner', { key: ab.winner })}{' '}
          {ab.decision && t(`campaigns.ab.decision.${ab.decision}`)}
        </p>
      ) : (
        ab && <p className="text-sm text-slate-600">{t('campaigns.ab.undecided')}</p>
      )}
      {stats.held > 0 && (
        <p className="text-sm text-slate-600">
          {t('campaigns.ab.waiting', { count: number.format(stats.held) })}
        </p>
      )}
      <table className="w-full text-sm">
        <thead>
          <tr className="text-left text-xs text-slate-500">
            <th>{t('campaigns.ab.column.variant')}</th>
            {columns.map(([key]) => (
              <th key={key} className="text-right">
                {t(key)}
              </th>
            ))}
            <th className="text-right">{t('campaigns.ab.column.rate')}</th>
            {testRates.size > 0 && <th className="text-right">{t('campaigns.ab.column.testRate')}</th>}
          </tr>
        </thead>
        <tbody>
          {variants.map((v, i) => (
            <tr key={v.variant} className={v.variant === ab?.winner ? 'font-semibold' : ''}>
              <td>{t('campaigns.ab.variant', { key: v.variant })}</td>
              {columns.map(([key, read]) => (
                <td key={key} className="text-right tabular-nums">
                  {number.format(read(v))}
                </td>
              ))}
              <td className="text-right tabular-nums">
                {rates[i] === null ? '—' : percent.format(rates[i]!)}
              </td>
              {testRates.size > 0 && (
                <td className="text-right tabular-nums">
                  {testRates.has(v.variant) ? percent.format(testRates.get(v.variant)!) : '—'}
                </td>
              )}
            </tr>
          ))}
        </tbody>
      </table>
      <figure>
        <figcaption className="text-sm text-slate-700">{t('campaigns.ab.chart')}</figcaption>
        <div ref={element} role="img" aria-label={t('campaigns.ab.chart')} className="h-48 w-full" />
      </figure>
    </section>
  );
}
