import { useEffect, useState, type InputHTMLAttributes } from 'react';
import { useCan } from '../roles/permissions.tsx';
import { OnlyIfAllowed } from '../roles/only-if-allowed.tsx';
import { client, ok } from '../../api/client.ts';
import type { WorkspaceSettings } from '../../api/types.ts';
import type { Locale, MessageKey } from '../../i18n/catalog.ts';
import { useLocale, useT } from '../../i18n/use-i18n.ts';

type SaveState = 'saved' | 'unsaved' | 'saving';

/** A number the workspace settings hold that one field of Settings changes on its own. */
export type WorkspaceNumberSetting = 'runRetentionDays' | 'slaTargetPercent';

export interface WorkspaceSettingSectionProps {
  setting: WorkspaceNumberSetting;
  /** The section heading's id; the field's hint takes `${id}-hint`. */
  id: string;
  text: { title: MessageKey; field: MessageKey; hint: MessageKey; invalid: MessageKey };
  /** The stored value as the field shows it, in the reader's locale. */
  format: (value: number, locale: Locale) => string;
  /** What the person wrote, or null when it cannot be saved (the hint then says why). */
  parse: (text: string) => number | null;
  /** How the field takes its text: a number field with its bounds, or decimal text. */
  input: Pick<InputHTMLAttributes<HTMLInputElement>, 'type' | 'min' | 'max' | 'step' | 'inputMode'>;
}

/**
 * Settings → one workspace setting: loads it, checks what is written before saving, saves only
 * it (a PUT naming just this setting), and shows the server's refusal. Only someone who may
 * manage settings can change it.
 */
export function WorkspaceSettingSection({
  setting,
  id,
  text: keys,
  format,
  parse,
  input,
}: WorkspaceSettingSectionProps) {
  const t = useT();
  const locale = useLocale((s) => s.locale);
  // Enter in the field would submit even with no button shown: the PUT would only end in a 403.
  const canSave = useCan()('settings:manage');
  const [text, setText] = useState<string | null>(null);
  const [state, setState] = useState<SaveState>('saved');
  const [error, setError] = useState<string | null>(null);
  const shown = (settings: WorkspaceSettings) => format(settings[setting], locale);

  useEffect(() => {
    let stale = false;
    ok(client.GET('/workspace/settings')).then(
      (settings) => !stale && setText(shown(settings)),
      (e: unknown) => !stale && setError((e as Error).message),
    );
    return () => {
      stale = true;
    };
  }, []);

  const value = text === null ? null : parse(text);
  const invalid = text !== null && value === null;

  async function save() {
    if (value === null) return;
    setState('saving');
    setError(null);
    try {
      setText(shown(await ok(client.PUT('/workspace/settings', { body: { [setting]: value } }))));
      setState('saved');
    } catch (e) {
      setState('unsaved');
      setError((e as Error).message);
    }
  }

  return (
    <section aria-labelledby={id} className="space-y-3">
      <h2 id={id} className="text-xl font-semibold">
        {t(keys.title)}
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
            {t(keys.field)}
            <input
              {...input}
              value={text}
              readOnly={!canSave}
              onChange={(e) => {
                setText(e.target.value);
                setState('unsaved');
              }}
              aria-invalid={invalid || undefined}
              aria-describedby={`${id}-hint`}
              className={`mt-1 block w-32 rounded border px-2 py-1 ${invalid ? 'border-red-500' : 'border-slate-300'}`}
            />
          </label>
          <p id={`${id}-hint`} className="text-sm text-slate-600">
            {invalid ? <span className="text-red-700">{t(keys.invalid)}</span> : t(keys.hint)}
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
