import { Fragment, useEffect, useMemo, useState, type ReactNode } from 'react';
import { useCan } from '../roles/permissions.tsx';
import { OnlyIfAllowed } from '../roles/only-if-allowed.tsx';
import { ApiError, client, ok } from '../../api/client.ts';
import { useLocale, useT } from '../../i18n/use-i18n.ts';
import type { MessageKey } from '../../i18n/catalog.ts';
import { countryChoices } from '../contact-import/import-targets.ts';
import { TimeZonePicker } from './time-zone-picker.tsx';

type SaveState = 'saved' | 'unsaved' | 'saving';

interface Draft {
  country: string;
  timezone: string | null;
  quietOn: boolean;
  quietFrom: string;
  quietTo: string;
  capOn: boolean;
  capMessages: string;
  capDays: string;
}

const wholeIn = (text: string, min: number, max: number): number | null => {
  if (!/^\d+$/.test(text.trim())) return null;
  const n = Number(text);
  return n >= min && n <= max ? n : null;
};

/** The cap in words, singular or plural on each side ("1 message in any 7 days"). */
export function capSummaryKey(messages: number, days: number): MessageKey {
  return `campaignSettings.capSummary.${messages === 1 ? 'one' : 'many'}.${days === 1 ? 'one' : 'many'}`;
}

/** A catalog sentence with `{name}` places filled by form controls, so the words stay translatable. */
function sentenceWith(template: string, parts: Record<string, ReactNode>): ReactNode[] {
  return template
    .split(/(\{\w+\})/)
    .map((piece, i) => (
      <Fragment key={i}>{/^\{\w+\}$/.test(piece) ? parts[piece.slice(1, -1)] : piece}</Fragment>
    ));
}

/**
 * Settings → Campaigns and contacts: the country of numbers written without +code, the workspace's
 * time zone, its quiet hours and the marketing frequency cap — what imports and every campaign
 * fall back on.
 */
export function CampaignSettingsSection() {
  const t = useT();
  // Enter in a field would submit even with no button shown: the PUT would only end in a 403.
  const canSave = useCan()('settings:manage');
  const locale = useLocale((s) => s.locale);
  const [draft, setDraft] = useState<Draft | null>(null);
  const [state, setState] = useState<SaveState>('saved');
  const [error, setError] = useState<{ message: string; field?: string } | null>(null);
  const regions = useMemo(() => new Intl.DisplayNames([locale], { type: 'region' }), [locale]);

  useEffect(() => {
    let stale = false;
    Promise.all([
      ok(client.GET('/workspace/default-country')),
      ok(client.GET('/workspace/campaign-settings')),
    ]).then(
      ([{ country }, settings]) =>
        !stale &&
        setDraft({
          country: country ?? '',
          timezone: settings.timezone,
          quietOn: settings.quietHours !== null,
          quietFrom: settings.quietHours?.from ?? '21:00',
          quietTo: settings.quietHours?.to ?? '08:00',
          capOn: settings.frequencyCap !== null,
          capMessages: String(settings.frequencyCap?.messages ?? 2),
          capDays: String(settings.frequencyCap?.days ?? 7),
        }),
      (e: unknown) => !stale && setError({ message: (e as Error).message }),
    );
    return () => {
      stale = true;
    };
  }, []);

  const change = (patch: Partial<Draft>) => {
    setDraft((d) => (d ? { ...d, ...patch } : d));
    setState('unsaved');
  };

  if (!draft)
    return (
      <section aria-labelledby="settings-campaigns" className="space-y-3">
        <h2 id="settings-campaigns" className="text-xl font-semibold">
          {t('campaignSettings.title')}
        </h2>
        {error ? (
          <p role="alert" className="text-red-700">
            {t('common.error', { message: error.message })}
          </p>
        ) : (
          <p>{t('common.loading')}</p>
        )}
      </section>
    );

  const quietSame = draft.quietOn && draft.quietFrom === draft.quietTo;
  const quietMissing = draft.quietOn && (!draft.quietFrom || !draft.quietTo);
  const messages = wholeIn(draft.capMessages, 1, 1000);
  const days = wholeIn(draft.capDays, 1, 365);
  const capInvalid = draft.capOn && (messages === null || days === null);
  const invalid = quietSame || quietMissing || capInvalid;
  const countries = [...new Set([...(draft.country ? [draft.country] : []), ...countryChoices])];

  async function save(d: Draft) {
    setState('saving');
    setError(null);
    const headers = { 'accept-language': locale };
    try {
      await ok(client.PUT('/workspace/default-country', { body: { country: d.country || null }, headers }));
      const saved = await ok(
        client.PUT('/workspace/campaign-settings', {
          body: {
            timezone: d.timezone,
            quietHours: d.quietOn ? { from: d.quietFrom, to: d.quietTo } : null,
            frequencyCap: d.capOn && messages !== null && days !== null ? { messages, days } : null,
          },
          headers,
        }),
      );
      setDraft({ ...d, timezone: saved.timezone });
      setState('saved');
    } catch (e) {
      const details = e instanceof ApiError ? e.details : undefined;
      const field =
        typeof details === 'object' &&
        details !== null &&
        'field' in details &&
        typeof details.field === 'string'
          ? details.field
          : undefined;
      setState('unsaved');
      setError({ message: (e as Error).message, ...(field ? { field } : {}) });
    }
  }

  const capInputs = {
    messages: (
      <input
        type="number"
        min={1}
        max={1000}
        value={draft.capMessages}
        disabled={!draft.capOn}
        onChange={(e) => change({ capMessages: e.target.value })}
        aria-label={t('campaignSettings.capMessages')}
        aria-invalid={
          (draft.capOn && messages === null) || error?.field === 'frequencyCap.messages' || undefined
        }
        className="mx-1 w-20 rounded border border-slate-300 px-2 py-0.5 aria-[invalid=true]:border-red-500"
      />
    ),
    days: (
      <input
        type="number"
        min={1}
        max={365}
        value={draft.capDays}
        disabled={!draft.capOn}
        onChange={(e) => change({ capDays: e.target.value })}
        aria-label={t('campaignSettings.capDays')}
        aria-invalid={(draft.capOn && days === null) || error?.field === 'frequencyCap.days' || undefined}
        className="mx-1 w-20 rounded border border-slate-300 px-2 py-0.5 aria-[invalid=true]:border-red-500"
      />
    ),
  };

  return (
    <section aria-labelledby="settings-campaigns" className="space-y-3">
      <h2 id="settings-campaigns" className="text-xl font-semibold">
        {t('campaignSettings.title')}
      </h2>
      <p className="text-sm text-slate-600">{t('campaignSettings.intro')}</p>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          if (!invalid && canSave) void save(draft);
        }}
        className="space-y-5 rounded-lg border border-slate-200 bg-white p-4"
      >
        <div>
          <label className="block text-sm font-medium">
            {t('campaignSettings.country')}
            <select
              value={draft.country}
              onChange={(e) => change({ country: e.target.value })}
              className="mt-1 block rounded border border-slate-300 px-2 py-1 font-normal"
            >
              <option value="">{t('campaignSettings.noCountry')}</option>
              {countries.map((code) => (
                <option key={code} value={code}>
                  {regions.of(code) ?? code}
                </option>
              ))}
            </select>
          </label>
          <p className="mt-1 text-sm text-slate-600">{t('campaignSettings.countryHint')}</p>
        </div>

        <fieldset aria-invalid={error?.field === 'timezone' || undefined}>
          <legend className="text-sm font-medium">{t('campaignSettings.timezone')}</legend>
          <p className="mb-1 text-sm text-slate-600">{t('campaignSettings.timezoneHint')}</p>
          <TimeZonePicker value={draft.timezone} onChange={(timezone) => change({ timezone })} />
        </fieldset>

        <fieldset className="space-y-1">
          <legend className="text-sm font-medium">{t('campaignSettings.quiet')}</legend>
          <label className="flex items-center gap-2 text-sm">
            <input
              type="checkbox"
              checked={draft.quietOn}
              onChange={(e) => change({ quietOn: e.target.checked })}
            />
            {t('campaignSettings.quietOn')}
          </label>
          <div className="flex items-center gap-4 text-sm">
            <label>
              {t('campaignSettings.quietFrom')}
              <input
                type="time"
                value={draft.quietFrom}
                disabled={!draft.quietOn}
                onChange={(e) => change({ quietFrom: e.target.value })}
                aria-invalid={quietSame || error?.field === 'quietHours' || undefined}
                className="ml-2 rounded border border-slate-300 px-2 py-0.5 aria-[invalid=true]:border-red-500"
              />
            </label>
            <label>
              {t('campaignSettings.quietTo')}
              <input
                type="time"
                value={draft.quietTo}
                disabled={!draft.quietOn}
                onChange={(e) => change({ quietTo: e.target.value })}
                aria-invalid={quietSame || error?.field === 'quietHours' || undefined}
                className="ml-2 rounded border border-slate-300 px-2 py-0.5 aria-[invalid=true]:border-red-500"
              />
            </label>
          </div>
          <p className="text-sm text-slate-600">
            {quietSame ? (
              <span className="text-red-700">{t('campaignSettings.quietSame')}</span>
            ) : (
              t('campaignSettings.quietHint')
            )}
          </p>
        </fieldset>

        <fieldset className="space-y-1">
          <legend className="text-sm font-medium">{t('campaignSettings.cap')}</legend>
          <label className="flex items-center gap-2 text-sm">
            <input
              type="checkbox"
              checked={draft.capOn}
              onChange={(e) => change({ capOn: e.target.checked })}
            />
            {t('campaignSettings.capOn')}
          </label>
          <p className="text-sm">{sentenceWith(t('campaignSettings.capSentence'), capInputs)}</p>
          <p data-testid="cap-summary" className="text-sm text-slate-600">
            {!draft.capOn ? (
              t('campaignSettings.capOff')
            ) : messages !== null && days !== null ? (
              t(capSummaryKey(messages, days), { messages, days })
            ) : (
              <span className="text-red-700">{t('campaignSettings.capInvalid')}</span>
            )}
          </p>
        </fieldset>

        {error && (
          <p role="alert" className="text-red-700">
            {t('common.error', { message: error.message })}
          </p>
        )}
        <OnlyIfAllowed permission="settings:manage">
          <div className="flex items-center gap-3">
            <button
              type="submit"
              disabled={invalid || state !== 'unsaved'}
              className="rounded bg-indigo-600 px-3 py-1 font-medium text-white disabled:opacity-50"
            >
              {t('settings.save')}
            </button>
            <span role="status" data-state={state} className="text-sm text-slate-600">
              {t(`settings.${state}`)}
            </span>
          </div>
        </OnlyIfAllowed>
      </form>
    </section>
  );
}
