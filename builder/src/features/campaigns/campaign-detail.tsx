import { useCallback, useState } from 'react';
import { client, done, ok } from '../../api/client.ts';
import { usePoll } from '../../api/use-poll.ts';
import type { MessageKey } from '../../i18n/catalog.ts';
import { useLocale, useT } from '../../i18n/use-i18n.ts';
import { navigate } from '../../use-route.ts';
import { CampaignChart } from './campaign-chart.tsx';
import { CampaignReachStats } from './campaign-reach-stats.tsx';
import { VoiceCallCounts } from './voice-call-counts.tsx';
import { CampaignJourneyStats } from './campaign-journey-stats.tsx';
import { CampaignOccurrences } from './campaign-occurrences.tsx';
import { CampaignAbResults } from './campaign-ab-results.tsx';
import { ForecastLimitNote } from './forecast-limit-note.tsx';
import { statusKey, statusStyle } from './campaigns-page.tsx';

const live = new Set(['scheduled', 'running', 'paused']);
// SMS validity is at most a few days: receipts later than this will not come.
const receiptWindowMs = 3 * 24 * 3600_000;

/** Worth reading again: sending, or finished with receipts still due (they move the counts). */
function stillChanging(c: { status: string; finishedAt: string | null }, pending: number): boolean {
  if (live.has(c.status) || c.status === 'draft') return true;
  return pending > 0 && c.finishedAt !== null && Date.now() - Date.parse(c.finishedAt) < receiptWindowMs;
}

/** A campaign's live counts (read every 3 s while it can still change), chart, forecast and controls. */
export function CampaignDetail({ campaignId }: { campaignId: string }) {
  const t = useT();
  const locale = useLocale((s) => s.locale);
  const [error, setError] = useState<string | null>(null);
  const [tick, setTick] = useState(0);
  const load = useCallback(
    () =>
      Promise.all([
        ok(client.GET('/campaigns/{id}', { params: { path: { id: campaignId } } })),
        ok(client.GET('/campaigns/{id}/stats', { params: { path: { id: campaignId } } })),
      ]),
    // A new tick (after an action) reads again at once.
    [campaignId, tick],
  );
  const { data, error: readError } = usePoll(load, 3000, ([c, s]) => !stillChanging(c, s.pending));
  if (!data) return <p className="p-6">{readError ?? t('common.loading')}</p>;
  const [campaign, stats] = data;
  const number = new Intl.NumberFormat(locale);
  const time = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' });

  async function act(action: 'start' | 'pause' | 'resume' | 'cancel') {
    if (action === 'cancel' && !window.confirm(t('campaigns.confirmCancel', { name: campaign.name }))) return;
    setError(null);
    try {
      await ok(client.POST(`/campaigns/{id}/${action}`, { params: { path: { id: campaignId } } }));
      setTick((n) => n + 1);
    } catch (e) {
      setError((e as Error).message);
    }
  }
  async function remove() {
    if (!window.confirm(t('campaigns.confirmDelete', { name: campaign.name }))) return;
    try {
      await done(client.DELETE('/campaigns/{id}', { params: { path: { id: campaignId } } }));
      navigate('/campaigns');
    } catch (e) {
      setError((e as Error).message);
    }
  }

  const email = campaign.channel === 'email';
  const tiles: [MessageKey, number][] = [
    ['campaigns.stats.targeted', stats.targeted],
    ['campaigns.stats.skipped', stats.skipped],
    ['campaigns.stats.queued', stats.queued],
    ['campaigns.stats.sent', stats.sent],
    ['campaigns.stats.delivered', stats.delivered],
    ['campaigns.stats.pending', stats.pending],
    ['campaigns.stats.undelivered', stats.undelivered],
    ['campaigns.stats.failed', stats.failed],
    ...(email
      ? ([
          ['campaigns.stats.opened', stats.opened],
          ['campaigns.stats.clicked', stats.clicked],
          ['campaigns.stats.bounced', stats.bounced],
          ['campaigns.stats.unsubscribed', stats.unsubscribed],
        ] as [MessageKey, number][])
      : []),
    ['campaigns.stats.replied', stats.replied],
  ];
  const handled = stats.targeted - stats.queued;
  const button = 'rounded px-3 py-1.5 text-sm border border-slate-300 hover:bg-slate-50';
  const { forecast } = stats;
  return (
    <main className="mx-auto max-w-5xl space-y-6 p-6">
      <div className="flex flex-wrap items-center gap-3">
        <a href="#/campaigns" className="text-sm text-indigo-700 hover:underline">
          {t('common.back')}
        </a>
        <h1 className="flex-1 text-xl font-semibold">{campaign.name}</h1>
        <span className={`rounded px-2 py-0.5 text-xs font-medium ${statusStyle[campaign.status] ?? ''}`}>
          {t(statusKey(campaign.status))}
        </span>
        {campaign.status === 'draft' && (
          <>
            <a href={`#/campaigns/${campaignId}/edit`} className={button}>
              {t('campaigns.edit')}
            </a>
            <button
              type="button"
              className="rounded bg-indigo-600 px-3 py-1.5 text-sm text-white"
              onClick={() => void act('start')}
            >
              {t('campaigns.start')}
            </button>
          </>
        )}
        {(campaign.status === 'running' || campaign.status === 'scheduled') && (
          <button type="button" className={button} onClick={() => void act('pause')}>
            {t('campaigns.pause')}
          </button>
        )}
        {campaign.status === 'paused' && (
          <button type="button" className={button} onClick={() => void act('resume')}>
            {t('campaigns.resume')}
          </button>
        )}
        {live.has(campaign.status) && (
          <button type="button" className={`${button} text-red-700`} onClick={() => void act('cancel')}>
            {t('campaigns.cancel')}
          </button>
        )}
        {!live.has(campaign.status) && (
          <button type="button" className={`${button} text-red-700`} onClick={() => void remove()}>
            {t('campaigns.delete')}
          </button>
        )}
      </div>
      {error && (
        <p role="alert" className="text-red-700">
          {t('campaigns.actionFailed', { message: error })}
        </p>
      )}
      {stats.targeted > 0 && (
        <div>
          <progress className="w-full" max={stats.targeted} value={handled} />
          <p className="text-sm text-slate-600">
            {t('campaigns.stats.progress', {
              done: number.format(handled),
              total: number.format(stats.targeted),
            })}
          </p>
        </div>
      )}
      {campaign.kind === 'voice' && <VoiceCallCounts stats={stats} />}
      <dl className="grid grid-cols-2 gap-3 sm:grid-cols-4" hidden={campaign.kind === 'voice'}>
        {tiles.map(([key, value]) => (
          <div key={key} className="rounded border border-slate-200 bg-white p-3">
            <dt className="text-xs text-slate-500">{t(key)}</dt>
            <dd className="text-2xl font-semibold tabular-nums">{number.format(value)}</dd>
          </div>
        ))}
      </dl>
      <section
        aria-label={t('campaigns.forecast')}
        className="rounded border border-slate-200 bg-white p-3 text-sm"
      >
        <h2 className="font-medium">{t('campaigns.forecast')}</h2>
        <p>
          {forecast.remaining === 0
            ? t('campaigns.forecast.done')
            : campaign.status === 'paused'
              ? t('campaigns.forecast.paused', { remaining: number.format(forecast.remaining) })
              : forecast.finishAt && forecast.rate
                ? t('campaigns.forecast.finish', {
                    time: time.format(new Date(forecast.finishAt)),
                    remaining: number.format(forecast.remaining),
                    rate: number.format(Math.round(forecast.rate * 10) / 10),
                  })
                : t('campaigns.forecast.unknown', { remaining: number.format(forecast.remaining) })}
        </p>
        <ForecastLimitNote limitedBy={forecast.limitedBy} />
      </section>
      <CampaignAbResults campaign={campaign} stats={stats} />
      <div className="grid gap-6 md:grid-cols-2">
        {Object.keys(stats.skippedByReason).length > 0 && (
          <section>
            <h2 className="text-sm font-medium">{t('campaigns.stats.skipped')}</h2>
            <ul className="text-sm">
              {Object.entries(stats.skippedByReason).map(([reason, n]) => (
                <li key={reason}>
                  {t(`campaigns.skip.${reason}` as MessageKey)}: {number.format(n)}
                </li>
              ))}
            </ul>
          </section>
        )}
        {Object.keys(stats.undeliveredByCode).length > 0 && (
          <section>
            <h2 className="text-sm font-medium">{t('campaigns.undeliveredBy')}</h2>
            <ul className="text-sm">
              {Object.entries(stats.undeliveredByCode).map(([code, n]) => (
                <li key={code}>
                  {t('campaigns.undeliveredCode', { code })}: {number.format(n)}
                </li>
              ))}
            </ul>
          </section>
        )}
      </div>
      <CampaignReachStats stats={stats} />
      {stats.journeys && <CampaignJourneyStats journeys={stats.journeys} />}
      <CampaignOccurrences campaign={campaign} tick={data} />
      <CampaignChart series={stats.series} />
      {readError && <p className="text-sm text-amber-700">{readError}</p>}
    </main>
  );
}
