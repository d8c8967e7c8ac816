import { useLocale, useT } from '../../i18n/use-i18n.ts';
import type { LiveDashboard } from './use-live-dashboard.ts';
import { okabeIto } from './okabe-ito.ts';

/** Each running campaign: how far it is and when it should be done (the campaign page's forecast). */
export function CampaignProgressList({ campaigns }: { campaigns: LiveDashboard['campaigns'] }) {
  const t = useT();
  const locale = useLocale((s) => s.locale);
  if (campaigns.length === 0)
    return <p className="text-sm text-slate-500">{t('dashboard.campaigns.none')}</p>;
  const time = new Intl.DateTimeFormat(locale, { dateStyle: 'short', timeStyle: 'short' });
  return (
    <ul className="space-y-3">
      {campaigns.map((c) => (
        <li key={c.id}>
          <a href={`#/campaigns/${c.id}`} className="text-sm font-medium text-sky-800 hover:underline">
            {c.name}
          </a>
          <div
            className="mt-1 h-2 w-full rounded bg-slate-100"
            role="progressbar"
            aria-valuemin={0}
            aria-valuemax={100}
            aria-valuenow={Math.round(c.progress * 100)}
          >
            <div
              className="h-2 rounded"
              style={{ width: `${Math.round(c.progress * 100)}%`, background: okabeIto.blue }}
            />
          </div>
          <div className="text-xs text-slate-600">
            {t('dashboard.campaigns.progress', {
              sent: c.sent,
              targeted: c.targeted,
              delivered: c.delivered,
            })}{' '}
            ·{' '}
            {c.finishAt
              ? t('dashboard.campaigns.finish', { time: time.format(new Date(c.finishAt)) })
              : t('dashboard.campaigns.noForecast')}
          </div>
        </li>
      ))}
    </ul>
  );
}
