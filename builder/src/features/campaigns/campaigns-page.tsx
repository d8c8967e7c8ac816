import { useCallback } from 'react';
import { client, ok } from '../../api/client.ts';
import { usePoll } from '../../api/use-poll.ts';
import { useLocale, useT } from '../../i18n/use-i18n.ts';
import type { MessageKey } from '../../i18n/catalog.ts';
import { CampaignDetail } from './campaign-detail.tsx';
import { CampaignForm } from './campaign-form.tsx';
import { useCan } from '../roles/permissions.tsx';

/** #/campaigns, #/campaigns/new, #/campaigns/<id>, #/campaigns/<id>/edit. */
export function CampaignsPage({ campaignId, editing }: { campaignId?: string; editing?: boolean }) {
  if (campaignId === 'new') return <CampaignForm />;
  if (campaignId && editing) return <CampaignForm campaignId={campaignId} />;
  if (campaignId) return <CampaignDetail key={campaignId} campaignId={campaignId} />;
  return <CampaignList />;
}

export const statusKey = (status: string) => `campaigns.status.${status}` as MessageKey;

export const statusStyle: Record<string, string> = {
  draft: 'bg-slate-100 text-slate-700',
  scheduled: 'bg-sky-100 text-sky-800',
  running: 'bg-emerald-100 text-emerald-800',
  paused: 'bg-amber-100 text-amber-800',
  completed: 'bg-indigo-100 text-indigo-800',
  cancelled: 'bg-slate-200 text-slate-600',
  failed: 'bg-red-100 text-red-800',
};

function CampaignList() {
  const t = useT();
  const can = useCan();
  const locale = useLocale((s) => s.locale);
  const load = useCallback(() => ok(client.GET('/campaigns')), []);
  const { data, error } = usePoll(load, 5000);
  const date = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' });
  return (
    <main className="mx-auto max-w-4xl p-6">
      <div className="flex items-center justify-between">
        <h1 className="text-xl font-semibold">{t('campaigns.title')}</h1>
        {can('campaigns:manage') && (
          <a
            href="#/campaigns/new"
            className="rounded bg-indigo-600 px-3 py-1.5 text-sm text-white hover:bg-indigo-700"
          >
            {t('campaigns.new')}
          </a>
        )}
      </div>
      <p className="mt-1 text-sm text-slate-600">{t('campaigns.intro')}</p>
      {error && (
        <p role="alert" className="mt-4 text-red-700">
          {t('campaigns.loadFailed', { message: error })}
        </p>
      )}
      {data && data.campaigns.length === 0 && <p className="mt-6 text-slate-600">{t('campaigns.empty')}</p>}
      <ul className="mt-4 divide-y divide-slate-200 rounded border border-slate-200 bg-white">
        {data?.campaigns.map((c) => (
          <li key={c.id}>
            <a href={`#/campaigns/${c.id}`} className="flex items-center gap-3 px-4 py-3 hover:bg-slate-50">
              <span className="flex-1 font-medium">{c.name}</span>
              <span className="text-sm text-slate-500">
                {t(c.channel === 'email' ? 'campaigns.channel.email' : 'campaigns.channel.sms')}
              </span>
              <span className="text-sm text-slate-500">
                {date.format(new Date(c.startedAt ?? c.createdAt))}
              </span>
              <span className={`rounded px-2 py-0.5 text-xs font-medium ${statusStyle[c.status] ?? ''}`}>
                {t(statusKey(c.status))}
              </span>
            </a>
          </li>
        ))}
      </ul>
    </main>
  );
}
