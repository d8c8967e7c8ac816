import { useEffect, useMemo, useState } from 'react';
import { client, ok } from '../../api/client.ts';
import type { ReportDocument, ReportInfo } from '../../api/types.ts';
import { useLocale, useT } from '../../i18n/use-i18n.ts';
import type { MessageKey } from '../../i18n/catalog.ts';
import { useFlowNames } from '../voice/use-flow-names.ts';
import { useCan } from '../roles/permissions.tsx';
import { ReportChart } from './report-chart.tsx';
import { ReportTable } from './report-table.tsx';
import { localDate, periodPresets, periodRange, type PeriodPreset } from './report-period.ts';

const buckets = ['minute', 'hour', 'day', 'week', 'month'] as const;
type Bucket = (typeof buckets)[number];
const channels = ['voice', 'sms', 'whatsapp', 'email', 'webchat'] as const;
type Channel = (typeof channels)[number];

interface Picks {
  channel: Channel | '';
  flowId: string;
  campaignId: string;
  queue: string;
  agentId: string;
}

const field = 'rounded border border-slate-300 bg-white px-2 py-1 text-sm';

/** `#/reports`: pick a report and a period, read its charts and tables, download it. */
export function ReportsPage({ now = () => new Date() }: { now?: () => Date }) {
  const t = useT();
  const locale = useLocale((s) => s.locale);
  const [reports, setReports] = useState<ReportInfo[] | null>(null);
  const [name, setName] = useState('');
  const [preset, setPreset] = useState<PeriodPreset>('30d');
  const [custom, setCustom] = useState(() => ({
    from: localDate(new Date(now().getTime() - 29 * 86_400_000)),
    to: localDate(now()),
  }));
  const [bucket, setBucket] = useState<Bucket>('day');
  const [picks, setPicks] = useState<Picks>({
    channel: '',
    flowId: '',
    campaignId: '',
    queue: '',
    agentId: '',
  });
  const [doc, setDoc] = useState<ReportDocument | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [loading, setLoading] = useState(false);
  const { flows } = useFlowNames();
  const can = useCan();
  const [campaigns, setCampaigns] = useState<{ id: string; name: string }[]>([]);

  useEffect(() => {
    ok(client.GET('/reports')).then(
      ({ items }) => {
        setReports(items);
        setName((current) => current || items[0]?.name || '');
      },
      (e: Error) => setError(e.message),
    );
  }, [locale]);
  useEffect(() => {
    ok(client.GET('/campaigns')).then(
      (answer) => setCampaigns(answer.campaigns.map((c) => ({ id: c.id, name: c.name }))),
      () => undefined,
    );
  }, []);

  const report = reports?.find((r) => r.name === name);
  const offered = new Set(report?.filters ?? []);
  const range = periodRange(preset, now(), custom);
  const query = useMemo(() => {
    if (!range) return null;
    const q: Record<string, string> = { from: range.from, to: range.to, bucket };
    if (offered.has('channel') && picks.channel) q.channel = picks.channel;
    if (offered.has('flow') && picks.flowId) q.flowId = picks.flowId;
    if (offered.has('campaign') && picks.campaignId) q.campaignId = picks.campaignId;
    if (offered.has('queue') && picks.queue.trim()) q.queue = picks.queue.trim();
    if (offered.has('agent') && picks.agentId.trim()) q.agentId = picks.agentId.trim();
    return q;
    // `offered` follows `report`, which follows `name` and `reports`.
  }, [range?.from, range?.to, bucket, picks, name, reports]);

  useEffect(() => {
    if (!name || !query) return;
    let stale = false;
    setLoading(true);
    setError(null);
    ok(client.GET('/reports/{name}', { params: { path: { name }, query } }))
      .then(
        (answer) => {
          if (!stale && typeof answer === 'object') setDoc(answer);
        },
        (e: Error) => !stale && (setDoc(null), setError(e.message)),
      )
      .finally(() => !stale && setLoading(false));
    return () => {
      stale = true;
    };
  }, [name, JSON.stringify(query), locale]);

  const download = (format: 'xlsx' | 'pdf' | 'csv') =>
    `/api/v1/reports/${encodeURIComponent(name)}?${new URLSearchParams({ ...query, language: locale, format })}`;
  const pick = <K extends keyof Picks>(key: K, value: Picks[K]) => setPicks((p) => ({ ...p, [key]: value }));

  if (reports && reports.length === 0) return <main className="p-6">{t('reports.none')}</main>;
  return (
    <main className="mx-auto max-w-7xl space-y-4 p-6">
      <div className="flex flex-wrap items-end gap-3">
        <h1 className="text-2xl font-semibold">{t('reports.title')}</h1>
        <label className="flex flex-col text-sm">
          {t('reports.pick')}
          <select className={field} value={name} onChange={(e) => setName(e.target.value)}>
            {reports?.map((r) => (
              <option key={r.name} value={r.name}>
                {r.title}
              </option>
            ))}
          </select>
        </label>
        {can('reports:manage') && (
          <a href="#/report-schedules" className="text-sm text-indigo-700 underline">
            {t('app.reportSchedules')}
          </a>
        )}
        {query && name && (
          <nav aria-label={t('reports.download')} className="ml-auto flex gap-2">
            {(['xlsx', 'pdf', 'csv'] as const).map((format) => (
              <a
                key={format}
                href={download(format)}
                download
                className="rounded border border-slate-300 bg-white px-3 py-1 text-sm hover:bg-slate-50"
              >
                {t(format === 'xlsx' ? 'reports.excel' : format === 'pdf' ? 'reports.pdf' : 'reports.csv')}
              </a>
            ))}
          </nav>
        )}
      </div>
      {report?.description && <p className="text-sm text-slate-600">{report.description}</p>}
      <form
        aria-label={t('reports.filters')}
        className="flex flex-wrap items-end gap-3 rounded border border-slate-200 bg-slate-50 p-3"
        onSubmit={(e) => e.preventDefault()}
      >
        <label className="flex flex-col text-sm">
          {t('reports.period')}
          <select
            className={field}
            value={preset}
            onChange={(e) => setPreset(e.target.value as PeriodPreset)}
          >
            {periodPresets.map((p) => (
              <option key={p} value={p}>
                {t(`reports.period.${p}` as MessageKey)}
              </option>
            ))}
          </select>
        </label>
        {preset === 'custom' && (
          <>
            <label className="flex flex-col text-sm">
              {t('reports.from')}
              <input
                type="date"
                className={field}
                value={custom.from}
                onChange={(e) => setCustom((c) => ({ ...c, from: e.target.value }))}
              />
            </label>
            <label className="flex flex-col text-sm">
              {t('reports.to')}
              <input
                type="date"
                className={field}
                value={custom.to}
                onChange={(e) => setCustom((c) => ({ ...c, to: e.target.value }))}
              />
            </label>
          </>
        )}
        <label className="flex flex-col text-sm">
          {t('reports.bucket')}
          <select className={field} value={bucket} onChange={(e) => setBucket(e.target.value as Bucket)}>
            {buckets.map((b) => (
              <option key={b} value={b}>
                {t(`reports.bucket.${b}` as MessageKey)}
              </option>
            ))}
          </select>
        </label>
        {offered.has('channel') && (
          <label className="flex flex-col text-sm">
            {t('reports.channel')}
            <select
              className={field}
              value={picks.channel}
              onChange={(e) => pick('channel', e.target.value as Channel | '')}
            >
              <option value="">{t('reports.any')}</option>
              {channels.map((c) => (
                <option key={c} value={c}>
                  {t(`reports.channel.${c}` as MessageKey)}
                </option>
              ))}
            </select>
          </label>
        )}
        {offered.has('flow') && (
          <label className="flex flex-col text-sm">
            {t('reports.flow')}
            <select className={field} value={picks.flowId} onChange={(e) => pick('flowId', e.target.value)}>
              <option value="">{t('reports.any')}</option>
              {flows.map((f) => (
                <option key={f.id} value={f.id}>
                  {f.name}
                </option>
              ))}
            </select>
          </label>
        )}
        {offered.has('campaign') && (
          <label className="flex flex-col text-sm">
            {t('reports.campaign')}
            <select
              className={field}
              value={picks.campaignId}
              onChange={(e) => pick('campaignId', e.target.value)}
            >
              <option value="">{t('reports.any')}</option>
              {campaigns.map((c) => (
                <option key={c.id} value={c.id}>
                  {c.name}
                </option>
              ))}
            </select>
          </label>
        )}
        {offered.has('queue') && (
          <label className="flex flex-col text-sm">
            {t('reports.queue')}
            <input className={field} value={picks.queue} onChange={(e) => pick('queue', e.target.value)} />
          </label>
        )}
        {offered.has('agent') && (
          <label className="flex flex-col text-sm">
            {t('reports.agent')}
            <input
              className={field}
              value={picks.agentId}
              onChange={(e) => pick('agentId', e.target.value)}
            />
          </label>
        )}
      </form>
      {error && (
        <p role="alert" className="text-sm text-red-700">
          {t('common.error', { message: error })}
        </p>
      )}
      {loading && !doc && <p>{t('reports.loading')}</p>}
      {doc && (
        <>
          <p className="text-xs text-slate-500">
            {t('reports.generated', {
              at: new Date(doc.generatedAt).toLocaleString(locale),
              zone: doc.timezone,
            })}
          </p>
          <div className="grid gap-4 lg:grid-cols-2">
            {doc.charts.map((chart) => (
              <ReportChart key={chart.title} chart={chart} />
            ))}
          </div>
          {doc.tables.map((table) => (
            <ReportTable key={table.name} table={table} />
          ))}
        </>
      )}
    </main>
  );
}
