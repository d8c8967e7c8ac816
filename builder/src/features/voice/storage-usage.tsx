import { useEffect, useState } from 'react';
import { client, ok } from '../../api/client.ts';
import type { RecordingsUsage } from '../../api/types.ts';
import { useLocale, useT } from '../../i18n/use-i18n.ts';
import { formatBytes, parseQuota, quotaInUnit, quotaUnits, type QuotaUnit } from './format-bytes.ts';

const storeKeys = { filesystem: 'voice.usage.store.filesystem', s3: 'voice.usage.store.s3' } as const;

/**
 * What the recordings take against the quota, with the 80 % warning (issue #6); admins change
 * the quota here, and the API's refusal (400, 403, 422) is shown as it says it.
 */
export function StorageUsage({
  usage,
  isAdmin,
  onChange,
}: {
  usage: RecordingsUsage;
  isAdmin: boolean;
  onChange: (usage: RecordingsUsage) => void;
}) {
  const t = useT();
  const locale = useLocale((s) => s.locale);
  const shown = quotaInUnit(usage.quotaBytes);
  const [text, setText] = useState(shown.value);
  const [unit, setUnit] = useState<QuotaUnit>(shown.unit);
  const [state, setState] = useState<'idle' | 'saving' | 'saved'>('idle');
  const [error, setError] = useState<string | null>(null);
  // A quota changed elsewhere (the API, another admin, a refresh) shows in the form.
  useEffect(() => {
    const next = quotaInUnit(usage.quotaBytes);
    setText(next.value);
    setUnit(next.unit);
  }, [usage.quotaBytes]);
  const bytes = parseQuota(text, unit);
  const store = usage.store in storeKeys ? t(storeKeys[usage.store as keyof typeof storeKeys]) : usage.store;
  const number = new Intl.NumberFormat(locale, { maximumFractionDigits: 1 });
  const barColour = usage.full ? 'bg-red-600' : usage.warning ? 'bg-amber-500' : 'bg-indigo-600';

  async function save() {
    if (bytes === null) return;
    setState('saving');
    setError(null);
    try {
      const next = await ok(client.PUT('/recordings/quota', { body: { quotaBytes: bytes } }));
      onChange(next);
      setState('saved');
    } catch (e) {
      setState('idle');
      setError((e as Error).message);
    }
  }

  return (
    <section
      aria-labelledby="recordings-usage"
      className="space-y-3 rounded-lg border border-slate-200 bg-white p-4"
    >
      <h2 id="recordings-usage" className="font-semibold">
        {t('voice.usage.title')}
      </h2>
      {usage.warning && (
        <p
          role="alert"
          data-testid="quota-warning"
          className={`rounded px-3 py-2 text-sm ${usage.full ? 'bg-red-50 text-red-800' : 'bg-amber-50 text-amber-900'}`}
        >
          {usage.full
            ? t('voice.usage.full')
            : t('voice.usage.warning', { percent: number.format(usage.percent) })}
        </p>
      )}
      <div
        role="meter"
        aria-label={t('voice.usage.bar')}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={Math.min(100, usage.percent)}
        className="h-3 overflow-hidden rounded-full bg-slate-200"
      >
        <div className={`h-full ${barColour}`} style={{ width: `${Math.min(100, usage.percent)}%` }} />
      </div>
      <p className="text-sm text-slate-700">
        {t('voice.usage.summary', {
          used: formatBytes(usage.bytes, locale),
          quota: formatBytes(usage.quotaBytes, locale),
          percent: number.format(usage.percent),
          count: number.format(usage.count),
          store,
        })}
      </p>
      {isAdmin && (
        <form
          aria-label={t('voice.quota.save')}
          onSubmit={(e) => {
            e.preventDefault();
            void save();
          }}
          className="flex flex-wrap items-end gap-2 text-sm"
        >
          <label>
            {t('voice.quota.label')}
            <input
              inputMode="decimal"
              value={text}
              onChange={(e) => {
                setText(e.target.value);
                setState('idle');
              }}
              aria-invalid={bytes === null || undefined}
              className={`mt-1 block w-28 rounded border px-2 py-1 ${bytes === null ? 'border-red-500' : 'border-slate-300'}`}
            />
          </label>
          <label>
            {t('voice.quota.unit')}
            <select
              value={unit}
              onChange={(e) => {
                setUnit(e.target.value as QuotaUnit);
                setState('idle');
              }}
              className="mt-1 block rounded border border-slate-300 px-2 py-1"
            >
              {Object.keys(quotaUnits).map((u) => (
                <option key={u}>{u}</option>
              ))}
            </select>
          </label>
          <button
            type="submit"
            disabled={bytes === null || state === 'saving'}
            className="rounded bg-indigo-600 px-3 py-1 font-medium text-white disabled:opacity-50"
          >
            {t('voice.quota.save')}
          </button>
          <span role="status" className="text-slate-600">
            {bytes === null ? (
              <span className="text-red-700">{t('voice.quota.invalid')}</span>
            ) : state === 'saved' ? (
              t('voice.quota.saved')
            ) : (
              ''
            )}
          </span>
        </form>
      )}
      {error && (
        <p role="alert" className="text-sm text-red-700">
          {t('common.error', { message: error })}
        </p>
      )}
    </section>
  );
}
