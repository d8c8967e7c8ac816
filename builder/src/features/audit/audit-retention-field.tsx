import { useEffect, useState } from 'react';
import { client, ok } from '../../api/client.ts';
import { useT } from '../../i18n/use-i18n.ts';

const minDays = 30;
const maxDays = 3650;
const parseDays = (text: string) =>
  /^\d+$/.test(text.trim()) && +text >= minDays && +text <= maxDays ? +text : null;

/** How long the workspace keeps its audit log (admins; the nightly clean-up applies it). */
export function AuditRetentionField() {
  const t = useT();
  const [text, setText] = useState<string | null>(null);
  const [saved, setSaved] = useState(true);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let stale = false;
    ok(client.GET('/workspace/settings')).then(
      (settings) => !stale && setText(String(settings.auditRetentionDays)),
      (e: unknown) => !stale && setError((e as Error).message),
    );
    return () => {
      stale = true;
    };
  }, []);

  if (text === null)
    return error ? (
      <p role="alert" className="text-red-700">
        {t('common.error', { message: error })}
      </p>
    ) : null;
  const days = parseDays(text);
  async function save() {
    if (days === null) return;
    setError(null);
    try {
      const answer = await ok(client.PUT('/workspace/settings', { body: { auditRetentionDays: days } }));
      setText(String(answer.auditRetentionDays));
      setSaved(true);
    } catch (e) {
      setError((e as Error).message);
    }
  }
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
      className="flex flex-wrap items-end gap-3 text-sm"
    >
      <label className="font-medium">
        {t('audit.retention')}
        <input
          type="number"
          min={minDays}
          max={maxDays}
          value={text}
          onChange={(e) => {
            setText(e.target.value);
            setSaved(false);
          }}
          aria-invalid={days === null || undefined}
          aria-describedby="audit-retention-hint"
          className={`mt-1 block w-28 rounded border px-2 py-1 ${days === null ? 'border-red-500' : 'border-slate-300'}`}
        />
      </label>
      <button
        type="submit"
        disabled={days === null || saved}
        className="rounded border border-slate-300 px-3 py-1 disabled:opacity-50"
      >
        {t('audit.retentionSave')}
      </button>
      {saved && <span role="status">{t('audit.retentionSaved')}</span>}
      <p id="audit-retention-hint" className="w-full text-slate-600">
        {days === null ? (
          <span className="text-red-700">{t('audit.retentionInvalid')}</span>
        ) : (
          t('audit.retentionHint')
        )}
      </p>
      {error && (
        <p role="alert" className="w-full text-red-700">
          {t('common.error', { message: error })}
        </p>
      )}
    </form>
  );
}
