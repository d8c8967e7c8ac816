import { useLocale, useT } from '../../i18n/use-i18n.ts';
import { CampaignProgressList } from './campaign-progress-list.tsx';
import { ChannelHealthList } from './channel-health-list.tsx';
import { FigureTile } from './figure-tile.tsx';
import { MessagesChart } from './messages-chart.tsx';
import { RunsChart } from './runs-chart.tsx';
import { useLiveDashboard } from './use-live-dashboard.ts';

const dayMs = 86_400_000;

/** The report route renders the same figures as a document (reports/live-dashboard-report.ts). */
function reportHref(name: string, format: 'xlsx' | 'pdf', locale: string, days = 0) {
  const to = new Date();
  const query = new URLSearchParams({
    format,
    lang: locale,
    from: new Date(to.getTime() - Math.max(days, 1 / 24) * dayMs).toISOString(),
    to: to.toISOString(),
  });
  return `/api/v1/reports/${name}?${query.toString()}`;
}

/** The service now, pushed by the server as it changes (issue #17 "Live dashboard"). */
export function DashboardPage() {
  const t = useT();
  const locale = useLocale((s) => s.locale);
  const { snapshot, error, mode } = useLiveDashboard();
  const time = new Intl.DateTimeFormat(locale, { timeStyle: 'medium' });
  const totals = (snapshot?.runsPerMinute ?? []).reduce(
    (a, m) => ({
      started: a.started + m.started,
      completed: a.completed + m.completed,
      failed: a.failed + m.failed,
    }),
    { started: 0, completed: 0, failed: 0 },
  );
  return (
    <main className="mx-auto max-w-6xl space-y-4 p-6">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <div>
          <h1 className="text-2xl font-semibold">{t('dashboard.title')}</h1>
          <p className="text-sm text-slate-600">{t('dashboard.intro')}</p>
        </div>
        <div className="flex flex-wrap items-center gap-2 text-sm">
          <span className="rounded bg-slate-100 px-2 py-1" data-testid="dashboard-mode">
            {mode === 'stream' ? t('dashboard.live') : t('dashboard.polling')}
            {snapshot && <> · {t('dashboard.updatedAt', { time: time.format(new Date(snapshot.at)) })}</>}
          </span>
          <a
            className="rounded border border-slate-300 px-3 py-1"
            href={reportHref('live-dashboard', 'xlsx', locale)}
            download
          >
            {t('dashboard.export.xlsx')}
          </a>
          <a
            className="rounded border border-slate-300 px-3 py-1"
            href={reportHref('live-dashboard', 'pdf', locale)}
            download
          >
            {t('dashboard.export.pdf')}
          </a>
          <a
            className="rounded border border-slate-300 px-3 py-1"
            href={reportHref('availability', 'pdf', locale, 30)}
            download
          >
            {t('dashboard.export.availability')}
          </a>
        </div>
      </div>
      {error && (
        <p role="alert" className="text-sm text-red-700">
          {t('dashboard.error', { message: error })}
        </p>
      )}
      {snapshot && (
        <>
          <section className="grid grid-cols-2 gap-3 md:grid-cols-4">
            <FigureTile
              testId="calls-in-ivr"
              label={t('dashboard.calls.inIvr')}
              value={snapshot.calls.inIvr}
            />
            <FigureTile
              testId="calls-waiting"
              label={t('dashboard.calls.waiting')}
              value={snapshot.calls.waitingInQueue}
            />
            <FigureTile
              testId="calls-with-agent"
              label={t('dashboard.calls.withAgent')}
              value={snapshot.calls.withAgent}
            />
            <FigureTile
              testId="calls-abandoned"
              label={t('dashboard.calls.abandoned')}
              value={snapshot.calls.abandonedToday}
            />
          </section>
          <section className="grid grid-cols-2 gap-3 md:grid-cols-4">
            <FigureTile testId="runs-started" label={t('dashboard.runs.started')} value={totals.started} />
            <FigureTile
              testId="runs-completed"
              label={t('dashboard.runs.completed')}
              value={totals.completed}
            />
            <FigureTile testId="runs-failed" label={t('dashboard.runs.failed')} value={totals.failed} />
            <div className="rounded border border-slate-200 bg-white p-4">
              <div className="text-sm font-medium">{t('dashboard.conversations')}</div>
              {snapshot.conversations.length === 0 ? (
                <p className="text-sm text-slate-500">{t('dashboard.conversations.none')}</p>
              ) : (
                <ul className="text-sm">
                  {snapshot.conversations.map((c) => (
                    <li key={c.channel} className="flex justify-between tabular-nums">
                      <span>{c.channel}</span>
                      <span>{c.open}</span>
                    </li>
                  ))}
                </ul>
              )}
            </div>
          </section>
          <div className="grid gap-4 lg:grid-cols-2">
            <section className="rounded border border-slate-200 bg-white p-4">
              <h2 className="font-medium">{t('dashboard.runs.title')}</h2>
              <p className="text-xs text-slate-600">{t('dashboard.runs.lastHour', totals)}</p>
              <RunsChart minutes={snapshot.runsPerMinute} />
            </section>
            <section className="rounded border border-slate-200 bg-white p-4">
              <h2 className="font-medium">{t('dashboard.messages.title')}</h2>
              {snapshot.messagesPerMinute.length === 0 ? (
                <p className="text-sm text-slate-500">{t('dashboard.messages.none')}</p>
              ) : (
                <MessagesChart channels={snapshot.messagesPerMinute} />
              )}
            </section>
            <section className="rounded border border-slate-200 bg-white p-4">
              <h2 className="mb-2 font-medium">{t('dashboard.campaigns.title')}</h2>
              <CampaignProgressList campaigns={snapshot.campaigns} />
            </section>
            <section className="rounded border border-slate-200 bg-white p-4">
              <h2 className="mb-2 font-medium">{t('dashboard.health.title')}</h2>
              <ChannelHealthList health={snapshot.health} />
            </section>
          </div>
        </>
      )}
    </main>
  );
}
