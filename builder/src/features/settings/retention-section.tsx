import { useEffect, useState } from 'react';
import { useCan } from '../roles/permissions.tsx';
import { OnlyIfAllowed } from '../roles/only-if-allowed.tsx';
import { client, ok } from '../../api/client.ts';
import { useT } from '../../i18n/use-i18n.ts';
import { maxRetentionDays, minRetentionDays, parseRetentionDays } from './retention-days.ts';

type SaveState = 'saved' | 'unsaved' | 'saving';

/** Settings → Run history: how long run details are kept. */
export function RetentionSection() {
  const t = useT();
  // Enter in the field would submit even with no button shown: the PUT would only end in a 403.
  const canSave = useCan()('settings:manage');
  const [text, setText] = useState<string | null>(null);
  const [state, setState] = useState<SaveState>('saved');
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let stale = false;
    ok(client.GET('/workspace/settings')).then(
      (settings) => !stale && setText(String(settings.runRetentionDays)),
      (e: unknown) => !stale && setError((e as Error).message),
    );
    return () => {
      stale = true;
    };
  }, []);

  const days = text === null ? null : parseRetentionDays(text);
  const invalid = text !== null && days === null;

  async function save() {
    if (days === null) return;
    setState('saving');
    setError(null);
    try {
      const saved = await ok(client.PUT('/workspace/settings', { body: { runRetentionDays: days } }));
      setText(String(saved.runRetentionDays));
      setState('saved');
    } catch (e) {
      setState('unsaved');
      setError((e as Error).message);
    }
  }

  return (
    <section aria-labelledby="settings-runs" className="space-y-3">
      <h2 id="settings-runs" className="text-xl font-semibold">
        {t('settings.runs')}
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
            {t('settings.retention')}
            <input
              type="number"
              min={minRetentionDays}
              max={maxRetentionDays}
              step={1}
              value={text}
              readOnly={!canSave}
              onChange={(e) => {
                setText(e.target.value);
                setState('unsaved');
              }}
              aria-invalid={invalid || undefined}
              aria-describedby="retention-hint"
              className={`mt-1 block w-32 rounded border px-2 py-1 ${invalid ? 'border-red-500' : 'border-slate-300'}`}
            />
          </label>
          <p id="retention-hint" className="text-sm text-slate-600">
            {invalid ? (
              <span className="text-red-700">{t('settings.invalid')}</span>
            ) : (
              t('settings.retentionHint')
            )}
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
