import { useEffect, useState } from 'react';
import { useCan } from '../roles/permissions.tsx';
import { OnlyIfAllowed } from '../roles/only-if-allowed.tsx';
import { client, ok } from '../../api/client.ts';
import { useLocale, useT } from '../../i18n/use-i18n.ts';
import { formatSlaTargetPercent, parseSlaTargetPercent } from './sla-target-percent.ts';

type SaveState = 'saved' | 'unsaved' | 'saving';

/** Settings → Availability target: the SLA percentage the availability report measures against. */
export function SlaTargetSection() {
  const t = useT();
  const locale = useLocale((s) => s.locale);
  // Enter in the field would submit even with no button shown: the PUT would only end in a 403.
  const canSave = useCan()('settings:manage');
  const [text, setText] = useState<string | null>(null);
  const [state, setState] = useState<SaveState>('saved');
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let stale = false;
    ok(client.GET('/workspace/settings')).then(
      (settings) => !stale && setText(formatSlaTargetPercent(settings.slaTargetPercent, locale)),
      (e: unknown) => !stale && setError((e as Error).message),
    );
    return () => {
      stale = true;
    };
  }, []);

  const percent = text === null ? null : parseSlaTargetPercent(text);
  const invalid = text !== null && percent === null;

  async function save() {
    if (percent === null) return;
    setState('saving');
    setError(null);
    try {
      const saved = await ok(client.PUT('/workspace/settings', { body: { slaTargetPercent: percent } }));
      setText(formatSlaTargetPercent(saved.slaTargetPercent, locale));
      setState('saved');
    } catch (e) {
      setState('unsaved');
      setError((e as Error).message);
    }
  }

  return (
    <section aria-labelledby="settings-sla" className="space-y-3">
      <h2 id="settings-sla" className="text-xl font-semibold">
        {t('slaTarget.title')}
      </h2>
      {error && (
        <p role="alert" className="text-red-700">
          {t('common.error', { message: error })}
        </p>
      )}
      {text === null ? (
        !error && <p>{t('common.loading')}</p>
      ) : (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            if (canSave) void save();
          }}
          className="space-y-2 rounded-lg border border-slate-200 bg-white p-4"
        >
          <label className="block text-sm font-medium">
            {t('slaTarget.field')}
            <input
              type="text"
              inputMode="decimal"
              value={text}
              readOnly={!canSave}
              onChange={(e) => {
                setText(e.target.value);
                setState('unsaved');
              }}
              aria-invalid={invalid || undefined}
              aria-describedby="sla-target-hint"
              className={`mt-1 block w-32 rounded border px-2 py-1 ${invalid ? 'border-red-500' : 'border-slate-300'}`}
            />
          </label>
          <p id="sla-target-hint" className="text-sm text-slate-600">
            {invalid ? <span className="text-red-700">{t('slaTarget.invalid')}</span> : t('slaTarget.hint')}
          </p>
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
      )}
    </section>
  );
}
