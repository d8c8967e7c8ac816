import { useEffect, useState } from 'react';
import { ApiError, client, done, ok } from '../../api/client.ts';
import type { components } from '../../api/api-schema.ts';
import { useT } from '../../i18n/use-i18n.ts';
import { ConfirmDialog } from '../../ui/confirm-dialog.tsx';
import { useCan } from '../roles/permissions.tsx';

type AiProvider = components['schemas']['AiProvider'];
type Status = 'idle' | 'saving' | 'saved' | 'removed';

const isHttpUrl = (text: string) => {
  try {
    return ['http:', 'https:'].includes(new URL(text).protocol);
  } catch {
    return false;
  }
};

/**
 * Settings → AI provider. The key is write-only: the API only says whether one is saved, so the
 * field starts empty and an empty field keeps the saved key (omitted from the PUT).
 */
export function AiProviderSection() {
  const t = useT();
  const canSave = useCan()('settings:manage');
  const [saved, setSaved] = useState<AiProvider | null | undefined>(undefined);
  const [baseUrl, setBaseUrl] = useState('');
  const [model, setModel] = useState('');
  const [apiKey, setApiKey] = useState('');
  const [removeKey, setRemoveKey] = useState(false);
  const [touched, setTouched] = useState(false);
  const [status, setStatus] = useState<Status>('idle');
  const [error, setError] = useState<string | null>(null);
  const [confirming, setConfirming] = useState(false);

  function show(provider: AiProvider | null) {
    setSaved(provider);
    setBaseUrl(provider?.baseUrl ?? '');
    setModel(provider?.model ?? '');
    setApiKey('');
    setRemoveKey(false);
    setTouched(false);
  }

  useEffect(() => {
    let stale = false;
    ok(client.GET('/workspace/ai-provider')).then(
      (provider) => !stale && show(provider),
      (e: unknown) => {
        if (stale) return;
        // 404 is "none yet", the usual start, not a failure.
        if (e instanceof ApiError && e.status === 404) show(null);
        else setError((e as Error).message);
      },
    );
    return () => {
      stale = true;
    };
  }, []);

  const urlProblem = touched && !isHttpUrl(baseUrl.trim()) ? t('aiProvider.badUrl') : null;
  const modelProblem = touched && model.trim() === '' ? t('aiProvider.noModel') : null;

  async function save() {
    setTouched(true);
    if (!isHttpUrl(baseUrl.trim()) || model.trim() === '') return;
    setStatus('saving');
    setError(null);
    try {
      const body = {
        baseUrl: baseUrl.trim(),
        model: model.trim(),
        ...(apiKey !== '' ? { apiKey } : removeKey ? { apiKey: null } : {}),
      };
      show(await ok(client.PUT('/workspace/ai-provider', { body })));
      setStatus('saved');
    } catch (e) {
      setStatus('idle');
      setError((e as Error).message);
    }
  }

  async function remove() {
    await done(client.DELETE('/workspace/ai-provider'));
    show(null);
    setStatus('removed');
    setConfirming(false);
  }

  return (
    <section aria-labelledby="settings-ai-provider" className="space-y-3">
      <h2 id="settings-ai-provider" className="text-xl font-semibold">
        {t('aiProvider.title')}
      </h2>
      <p className="text-sm text-slate-600">{t('aiProvider.intro')}</p>
      {error && (
        <p role="alert" className="text-red-700">
          {t('common.error', { message: error })}
        </p>
      )}
      {saved === undefined ? (
        !error && <p>{t('common.loading')}</p>
      ) : (
        <form
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            if (canSave) void save();
          }}
          className="space-y-3 rounded-lg border border-slate-200 bg-white p-4"
        >
          {saved === null && <p className="text-sm text-slate-600">{t('aiProvider.none')}</p>}
          <label className="block text-sm font-medium">
            {t('aiProvider.baseUrl')}
            <input
              type="url"
              value={baseUrl}
              readOnly={!canSave}
              placeholder="https://api.openai.com/v1"
              onChange={(e) => {
                setBaseUrl(e.target.value);
                setStatus('idle');
              }}
              aria-invalid={urlProblem ? true : undefined}
              aria-describedby="ai-provider-url-hint"
              className={`mt-1 block w-full rounded border px-2 py-1 ${urlProblem ? 'border-red-500' : 'border-slate-300'}`}
            />
          </label>
          <p
            id="ai-provider-url-hint"
            className={`text-sm ${urlProblem ? 'text-red-700' : 'text-slate-600'}`}
          >
            {urlProblem ?? t('aiProvider.baseUrlHint')}
          </p>
          <label className="block text-sm font-medium">
            {t('aiProvider.model')}
            <input
              type="text"
              value={model}
              readOnly={!canSave}
              placeholder="gpt-4o-mini"
              onChange={(e) => {
                setModel(e.target.value);
                setStatus('idle');
              }}
              aria-invalid={modelProblem ? true : undefined}
              className={`mt-1 block w-full rounded border px-2 py-1 ${modelProblem ? 'border-red-500' : 'border-slate-300'}`}
            />
          </label>
          {modelProblem && <p className="text-sm text-red-700">{modelProblem}</p>}
          {canSave && (
            <>
              <label className="block text-sm font-medium">
                {t('aiProvider.apiKey')}
                <input
                  type="password"
                  autoComplete="off"
                  value={apiKey}
                  disabled={removeKey}
                  onChange={(e) => {
                    setApiKey(e.target.value);
                    setStatus('idle');
                  }}
                  aria-describedby="ai-provider-key-hint"
                  className="mt-1 block w-full rounded border border-slate-300 px-2 py-1"
                />
              </label>
              <p id="ai-provider-key-hint" className="text-sm text-slate-600">
                {saved?.hasApiKey ? t('aiProvider.apiKeySaved') : t('aiProvider.apiKeyNone')}
              </p>
              {saved?.hasApiKey && (
                <label className="flex items-center gap-2 text-sm">
                  <input
                    type="checkbox"
                    checked={removeKey}
                    onChange={(e) => {
                      setRemoveKey(e.target.checked);
                      setApiKey('');
                      setStatus('idle');
                    }}
                  />
                  {t('aiProvider.removeKey')}
                </label>
              )}
              <div className="flex items-center gap-3">
                <button
                  type="submit"
                  disabled={status === 'saving'}
                  className="rounded bg-indigo-600 px-3 py-1 font-medium text-white disabled:opacity-50"
                >
                  {status === 'saving' ? t('aiProvider.saving') : t('aiProvider.save')}
                </button>
                {saved !== null && (
                  <button
                    type="button"
                    onClick={() => setConfirming(true)}
                    className="rounded border border-red-300 px-3 py-1 text-red-700"
                  >
                    {t('aiProvider.remove')}
                  </button>
                )}
                <span role="status" className="text-sm text-slate-600">
                  {status === 'saved'
                    ? t('aiProvider.saved')
                    : status === 'removed'
                      ? t('aiProvider.removed')
                      : ''}
                </span>
              </div>
            </>
          )}
        </form>
      )}
      {confirming && (
        <ConfirmDialog
          title={t('aiProvider.remove')}
          confirmLabel={t('aiProvider.remove')}
          danger
          onConfirm={remove}
          onClose={() => setConfirming(false)}
        >
          {t('aiProvider.confirmRemove')}
        </ConfirmDialog>
      )}
    </section>
  );
}
