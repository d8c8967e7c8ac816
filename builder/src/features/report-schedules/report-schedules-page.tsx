import { useCallback, useEffect, useState } from 'react';
import { client, ok } from '../../api/client.ts';
import type { components } from '../../api/api-schema.ts';
import { useLocale, useT } from '../../i18n/use-i18n.ts';
import { ReportScheduleForm, type ReportScheduleInput } from './report-schedule-form.tsx';
import { useReportTitles } from './use-report-titles.ts';

type Schedule = components['schemas']['ReportSchedule'];
type Delivery = components['schemas']['ReportDelivery'];

/**
 * Scheduled reports for admins and supervisors: what is e-mailed to whom and when, how the last
 * delivery went, a form to add or change one, and a button to send one now.
 */
export function ReportSchedulesPage() {
  const t = useT();
  const locale = useLocale((s) => s.locale);
  const [items, setItems] = useState<Schedule[] | null>(null);
  const [reports, setReports] = useState<string[]>([]);
  const titles = useReportTitles(locale);
  const [error, setError] = useState<string | null>(null);
  const [editing, setEditing] = useState<Schedule | 'new' | null>(null);
  const [sending, setSending] = useState<string | null>(null);
  const when = (iso: string) =>
    new Date(iso).toLocaleString(locale, { dateStyle: 'medium', timeStyle: 'short' });

  const load = useCallback(async () => {
    try {
      const answer = await ok(client.GET('/report-schedules'));
      setItems(answer?.items ?? []);
      setReports(answer?.reports ?? []);
    } catch (e) {
      setError((e as Error).message);
    }
  }, []);
  useEffect(() => void load(), [load]);
  // While a delivery is on its way, its row is read again until it ends.
  useEffect(() => {
    if (!items?.some((s) => s.lastDelivery?.status === 'sending')) return;
    const timer = setInterval(() => void load(), 1500);
    return () => clearInterval(timer);
  }, [items, load]);

  async function save(input: ReportScheduleInput) {
    setError(null);
    try {
      if (editing && editing !== 'new')
        await ok(client.PUT('/report-schedules/{id}', { params: { path: { id: editing.id } }, body: input }));
      else await ok(client.POST('/report-schedules', { body: input }));
      setEditing(null);
      await load();
    } catch (e) {
      setError((e as Error).message);
    }
  }
  async function sendNow(schedule: Schedule) {
    setSending(schedule.id);
    setError(null);
    try {
      await ok(client.POST('/report-schedules/{id}/send', { params: { path: { id: schedule.id } } }));
      await load();
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setSending(null);
    }
  }
  async function remove(schedule: Schedule) {
    if (!window.confirm(t('reportSchedules.confirmDelete'))) return;
    try {
      await ok(client.DELETE('/report-schedules/{id}', { params: { path: { id: schedule.id } } }));
      await load();
    } catch (e) {
      setError((e as Error).message);
    }
  }

  const lastText = (d: Delivery | null) => {
    if (!d) return t('reportSchedules.last.none');
    if (d.status === 'sent')
      return t('reportSchedules.last.sent', { when: when(d.finishedAt ?? d.createdAt) });
    if (d.status === 'failed')
      return t('reportSchedules.last.failed', {
        when: when(d.finishedAt ?? d.createdAt),
        attempts: d.attempts,
        error: d.error ?? '',
      });
    return t('reportSchedules.last.sending', { attempts: Math.max(1, d.attempts) });
  };

  return (
    <main className="mx-auto max-w-6xl space-y-6 p-6">
      <section aria-labelledby="report-schedules-title" className="space-y-3">
        <h1 id="report-schedules-title" className="text-2xl font-semibold">
          {t('reportSchedules.title')}
        </h1>
        <p className="text-slate-700">
          {t('reportSchedules.intro', { timezone: items?.[0]?.timezone ?? '—' })}
        </p>
        {error && (
          <p role="alert" className="text-red-700">
            {t('common.error', { message: error })}
          </p>
        )}
        {editing === null && (
          <button
            type="button"
            disabled={!items}
            onClick={() => setEditing('new')}
            className="rounded bg-indigo-600 px-3 py-1 text-white disabled:opacity-50"
          >
            {t('reportSchedules.new')}
          </button>
        )}
        {editing !== null && (
          <ReportScheduleForm
            key={editing === 'new' ? 'new' : editing.id}
            reports={reports.map((name) => ({ name, title: titles[name] ?? name }))}
            {...(editing === 'new' ? {} : { initial: editing })}
            onSave={save}
            onCancel={() => setEditing(null)}
          />
        )}
        {items && items.length === 0 && <p className="text-slate-600">{t('reportSchedules.empty')}</p>}
        {items && items.length > 0 && (
          <table className="w-full text-sm">
            <thead>
              <tr className="text-left text-slate-600">
                <th className="py-1">{t('reportSchedules.col.report')}</th>
                <th>{t('reportSchedules.col.when')}</th>
                <th>{t('reportSchedules.col.recipients')}</th>
                <th>{t('reportSchedules.col.last')}</th>
                <th />
              </tr>
            </thead>
            <tbody>
              {items.map((s) => (
                <tr key={s.id} className="border-t border-slate-200 align-top">
                  <td className="py-2">{titles[s.report] ?? s.report}</td>
                  <td>
                    {t('reportSchedules.summary', {
                      period: t(`reportSchedules.period.${s.period}`),
                      format: t(`reportSchedules.format.${s.format}`),
                      frequency: t(`reportSchedules.frequency.${s.frequency}`),
                      hour: String(s.hour).padStart(2, '0'),
                    })}
                    <div className="text-slate-600">
                      {s.enabled
                        ? t('reportSchedules.next', { when: when(s.nextRunAt) })
                        : t('reportSchedules.off')}
                    </div>
                  </td>
                  <td>{s.recipients.join(', ')}</td>
                  <td data-testid="last-delivery">{lastText(s.lastDelivery)}</td>
                  <td className="space-x-2 whitespace-nowrap text-right">
                    <button
                      type="button"
                      disabled={sending === s.id}
                      onClick={() => void sendNow(s)}
                      className="rounded border border-slate-300 px-2 py-0.5"
                    >
                      {sending === s.id ? t('reportSchedules.sending') : t('reportSchedules.sendNow')}
                    </button>
                    <button
                      type="button"
                      onClick={() => setEditing(s)}
                      className="rounded border border-slate-300 px-2 py-0.5"
                    >
                      {t('reportSchedules.edit')}
                    </button>
                    <button
                      type="button"
                      onClick={() => void remove(s)}
                      className="rounded border border-red-300 px-2 py-0.5 text-red-700"
                    >
                      {t('reportSchedules.delete')}
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
    </main>
  );
}
