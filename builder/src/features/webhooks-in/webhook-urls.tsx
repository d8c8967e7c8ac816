import { useEffect, useState } from 'react';
import { client, ok } from '../../api/client.ts';
import type { components } from '../../api/api-schema.ts';
import type { FlowNodeDoc } from '../../api/types.ts';
import { useLocale, useT } from '../../i18n/use-i18n.ts';
import { ConfirmDialog } from '../../ui/confirm-dialog.tsx';
import { CopyButton } from '../../ui/copy-button.tsx';

type FlowHook = components['schemas']['FlowHook'];

/**
 * Where a "Webhook received" trigger answers: the server builds both URLs from the saved draft
 * (its public base URL and the workspace's hook prefix), so the builder never guesses them.
 * Re-read when the path, method or auth change, as the editor's autosave sends the new draft.
 */
export function WebhookUrls({
  flowId,
  node,
  readOnly,
}: {
  flowId: string;
  node: FlowNodeDoc;
  readOnly: boolean;
}) {
  const t = useT();
  const locale = useLocale((s) => s.locale);
  const [hook, setHook] = useState<FlowHook | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [secret, setSecret] = useState<string | null>(null);
  const [confirming, setConfirming] = useState(false);
  const [making, setMaking] = useState(false);
  const { path, method, auth } = node.config as { path?: unknown; method?: unknown; auth?: unknown };
  const watched = JSON.stringify([path, method, auth]);

  useEffect(() => {
    let live = true;
    // Give autosave a moment to store the edit the person just made before asking.
    const timer = setTimeout(() => {
      ok(client.GET('/flows/{id}/hook', { params: { path: { id: flowId } } })).then(
        (answer) => {
          if (!live) return;
          setHook(answer);
          setError(null);
        },
        (err: unknown) => {
          if (!live) return;
          setHook(null);
          setError(err instanceof Error ? err.message : String(err));
        },
      );
    }, 300);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [flowId, watched]);

  async function makeSecret() {
    setMaking(true);
    try {
      const answer = await ok(client.POST('/flows/{id}/hook/secret', { params: { path: { id: flowId } } }));
      setSecret(answer.secret);
      setHook((h) => (h ? { ...h, secretMadeAt: answer.updatedAt } : h));
      setError(null);
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
    } finally {
      setMaking(false);
    }
  }

  return (
    <div role="group" aria-label={t('hookUrls.title')} className="space-y-2 border-t border-slate-200 pt-4">
      <h3 className="text-sm font-semibold text-slate-800">{t('hookUrls.title')}</h3>
      {error !== null && (
        <p role="alert" className="text-xs text-red-700">
          {t('hookUrls.failed', { message: error })}
        </p>
      )}
      {hook === null && error === null && <p className="text-xs text-slate-500">{t('common.loading')}</p>}
      {hook !== null && (
        <>
          <UrlRow label={t('hookUrls.test')} what={t('hookUrls.testWhat')} url={hook.testUrl} />
          <UrlRow
            label={t('hookUrls.production')}
            what={t('hookUrls.productionWhat')}
            url={hook.productionUrl}
          />
          {hook.auth === 'hmac' && (
            <div className="space-y-1">
              <p className="text-xs text-slate-600">
                {hook.secretMadeAt === null
                  ? t('hookUrls.secretNone')
                  : t('hookUrls.secretMade', { date: new Date(hook.secretMadeAt).toLocaleString(locale) })}
              </p>
              {!readOnly && secret === null && (
                <button
                  type="button"
                  disabled={making}
                  onClick={() => (hook.secretMadeAt === null ? void makeSecret() : setConfirming(true))}
                  className="rounded border border-slate-300 bg-white px-2 py-1 text-sm hover:bg-slate-50 disabled:opacity-50"
                >
                  {making ? t('hookUrls.making') : t('hookUrls.newSecret')}
                </button>
              )}
              {secret !== null && (
                <div role="status" className="space-y-1 rounded bg-amber-50 p-2">
                  <p className="text-xs text-amber-900">{t('hookUrls.secretOnce')}</p>
                  <div className="flex items-center gap-2">
                    <code data-testid="hook-secret" className="break-all text-xs">
                      {secret}
                    </code>
                    <CopyButton text={secret} what={t('hookUrls.secretWhat')} />
                  </div>
                  <button
                    type="button"
                    onClick={() => setSecret(null)}
                    className="rounded border border-slate-300 bg-white px-2 py-0.5 text-sm"
                  >
                    {t('hookUrls.secretDone')}
                  </button>
                </div>
              )}
            </div>
          )}
        </>
      )}
      {confirming && (
        <ConfirmDialog
          title={t('hookUrls.newSecret')}
          confirmLabel={t('hookUrls.newSecret')}
          danger
          onConfirm={async () => {
            await makeSecret();
            setConfirming(false);
          }}
          onClose={() => setConfirming(false)}
        >
          {t('hookUrls.confirmNew')}
        </ConfirmDialog>
      )}
    </div>
  );
}

function UrlRow({ label, what, url }: { label: string; what: string; url: string }) {
  return (
    <div>
      <p className="text-xs font-medium text-slate-700">{label}</p>
      <div className="flex items-center gap-2">
        <code className="min-w-0 flex-1 break-all rounded bg-slate-100 px-1 py-0.5 text-xs">{url}</code>
        <CopyButton text={url} what={what} />
      </div>
    </div>
  );
}
