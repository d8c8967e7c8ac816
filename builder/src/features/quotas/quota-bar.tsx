import type { components } from '../../api/api-schema.ts';
import { useLocale, useT } from '../../i18n/use-i18n.ts';
import type { MessageKey } from '../../i18n/catalog.ts';

export type Quota = components['schemas']['Quota'];

/** A channel's name on screen ("SMS", "Correo"), never its API value. */
export const channelKey = (channel: string) => `quotas.channel.${channel}` as MessageKey;

/** One channel's bag: a bar of what is used (amber from the warning, red when used up) and the words. */
export function QuotaBar({ quota }: { quota: Quota }) {
  const t = useT();
  const locale = useLocale((s) => s.locale);
  const number = (n: number) => n.toLocaleString(locale);
  const width = Math.min(100, Math.max(0, quota.percent));
  const colour = quota.exhausted ? 'bg-red-600' : quota.warning ? 'bg-amber-500' : 'bg-emerald-600';
  return (
    <div className="space-y-1 rounded-lg border border-slate-200 bg-white p-4" data-channel={quota.channel}>
      <div className="flex items-baseline justify-between gap-2">
        <h3 className="font-medium">
          {t(channelKey(quota.channel))}{' '}
          <span className="text-sm font-normal text-slate-600">
            {number(quota.amount)} {t(`quotas.period.${quota.period}` as MessageKey)}
          </span>
        </h3>
        <span className="text-sm text-slate-700">
          {t('quotas.used', { used: number(quota.used), limit: number(quota.limit), percent: quota.percent })}
        </span>
      </div>
      <div
        role="meter"
        aria-label={t(channelKey(quota.channel))}
        aria-valuemin={0}
        aria-valuemax={quota.limit}
        aria-valuenow={quota.used}
        className="h-3 w-full overflow-hidden rounded bg-slate-100"
      >
        <div className={`h-full ${colour}`} style={{ width: `${width}%` }} />
      </div>
      <p className="text-sm text-slate-600">
        {quota.periodEnd
          ? t('quotas.remaining', {
              remaining: number(quota.remaining),
              date: new Date(quota.periodEnd).toLocaleDateString(locale),
            })
          : t('quotas.remainingTotal', { remaining: number(quota.remaining) })}
        {quota.overdraft > 0 && ` · ${t('quotas.overdraft', { overdraft: number(quota.overdraft) })}`}
      </p>
    </div>
  );
}
