import { useState, type FormEvent } from 'react';
import type { components } from '../../api/api-schema.ts';
import { useT } from '../../i18n/use-i18n.ts';

export type ReportScheduleInput = components['schemas']['ReportScheduleInput'];
type Schedule = components['schemas']['ReportSchedule'];

const periods = ['yesterday', 'last-week', 'last-month'] as const;
const buckets = ['hour', 'day', 'week', 'month'] as const;
const formats = ['xlsx', 'pdf'] as const;
const frequencies = ['daily', 'weekly', 'monthly'] as const;

/** Create or change a scheduled report; the server checks and answers in the reader's words. */
export function ReportScheduleForm({
  reports,
  initial,
  onSave,
  onCancel,
}: {
  /** The reports one may schedule, each with its title in the reader's language. */
  reports: { name: string; title: string }[];
  initial?: Schedule;
  onSave: (input: ReportScheduleInput) => Promise<void>;
  onCancel: () => void;
}) {
  const t = useT();
  const [value, setValue] = useState<ReportScheduleInput>({
    report: initial?.report ?? reports[0]?.name ?? '',
    period: initial?.period ?? 'yesterday',
    bucket: initial?.bucket ?? 'day',
    filters: initial?.filters ?? {},
    format: initial?.format ?? 'xlsx',
    frequency: initial?.frequency ?? 'daily',
    hour: initial?.hour ?? 7,
    recipients: initial?.recipients ?? [],
    language: initial?.language ?? 'es',
    enabled: initial?.enabled ?? true,
  });
  const [recipients, setRecipients] = useState((initial?.recipients ?? []).join('\n'));
  const [saving, setSaving] = useState(false);
  const set = <K extends keyof ReportScheduleInput>(key: K, v: ReportScheduleInput[K]) =>
    setValue((current) => ({ ...current, [key]: v }));

  async function submit(event: FormEvent) {
    event.preventDefault();
    setSaving(true);
    try {
      await onSave({
        ...value,
        recipients: recipients
          .split(/[\n,;]/)
          .map((r) => r.trim())
          .filter(Boolean),
      });
    } finally {
      setSaving(false);
    }
  }

  const field = 'flex flex-col gap-1 text-sm';
  const input = 'rounded border border-slate-300 px-2 py-1';
  return (
    <form
      onSubmit={(e) => void submit(e)}
      className="grid gap-3 rounded border border-slate-200 p-4 sm:grid-cols-2"
    >
      <label className={field}>
        {t('reportSchedules.field.report')}
        <select className={input} value={value.report} onChange={(e) => set('report', e.target.value)}>
          {reports.map((r) => (
            <option key={r.name} value={r.name}>
              {r.title}
            </option>
          ))}
        </select>
      </label>
      <label className={field}>
        {t('reportSchedules.field.period')}
        <select
          className={input}
          value={value.period}
          onChange={(e) => set('period', e.target.value as ReportScheduleInput['period'])}
        >
          {periods.map((p) => (
            <option key={p} value={p}>
              {t(`reportSchedules.period.${p}`)}
            </option>
          ))}
        </select>
      </label>
      <label className={field}>
        {t('reportSchedules.field.bucket')}
        <select
          className={input}
          value={value.bucket}
          onChange={(e) => set('bucket', e.target.value as ReportScheduleInput['bucket'])}
        >
          {buckets.map((b) => (
            <option key={b} value={b}>
              {t(`reportSchedules.bucket.${b}`)}
            </option>
          ))}
        </select>
      </label>
      <label className={field}>
        {t('reportSchedules.field.format')}
        <select
          className={input}
          value={value.format}
          onChange={(e) => set('format', e.target.value as ReportScheduleInput['format'])}
        >
          {formats.map((f) => (
            <option key={f} value={f}>
              {t(`reportSchedules.format.${f}`)}
            </option>
          ))}
        </select>
      </label>
      <label className={field}>
        {t('reportSchedules.field.frequency')}
        <select
          className={input}
          value={value.frequency}
          onChange={(e) => set('frequency', e.target.value as ReportScheduleInput['frequency'])}
        >
          {frequencies.map((f) => (
            <option key={f} value={f}>
              {t(`reportSchedules.frequency.${f}`)}
            </option>
          ))}
        </select>
      </label>
      <label className={field}>
        {t('reportSchedules.field.hour')}
        <input
          className={input}
          type="number"
          min={0}
          max={23}
          value={value.hour}
          onChange={(e) => set('hour', Number(e.target.value))}
        />
      </label>
      <label className={field}>
        {t('reportSchedules.field.language')}
        <select
          className={input}
          value={value.language}
          onChange={(e) => set('language', e.target.value as ReportScheduleInput['language'])}
        >
          <option value="es">{t('reportSchedules.language.es')}</option>
          <option value="en">{t('reportSchedules.language.en')}</option>
        </select>
      </label>
      <label className="flex items-center gap-2 text-sm">
        <input type="checkbox" checked={value.enabled} onChange={(e) => set('enabled', e.target.checked)} />
        {t('reportSchedules.field.enabled')}
      </label>
      <label className={`${field} sm:col-span-2`}>
        {t('reportSchedules.field.recipients')}
        <textarea
          className={input}
          rows={3}
          value={recipients}
          onChange={(e) => setRecipients(e.target.value)}
        />
      </label>
      <div className="flex gap-2 sm:col-span-2">
        <button
          type="submit"
          disabled={saving}
          className="rounded bg-indigo-600 px-3 py-1 text-white disabled:opacity-50"
        >
          {t('reportSchedules.save')}
        </button>
        <button type="button" onClick={onCancel} className="rounded border border-slate-300 px-3 py-1">
          {t('reportSchedules.cancel')}
        </button>
      </div>
    </form>
  );
}
