import { useCallback, useEffect, useState } from 'react';
import { client, done, ok } from '../../api/client.ts';
import type { ApiKey } from '../../api/types.ts';
import { useT } from '../../i18n/use-i18n.ts';
import { CopyButton } from '../../ui/copy-button.tsx';
import { CredentialForm } from './credential-form.tsx';
import { CredentialUsage } from './credential-usage.tsx';
import { RevokeButton } from './revoke-button.tsx';
import { useScopeNames } from './scope-picker.tsx';

type Loaded = { kind: 'loading' } | { kind: 'failed'; message: string } | { kind: 'ready'; items: ApiKey[] };

/**
 * Settings → API keys: one's own keys (an admin sees the workspace's) with what each may do, when
 * and from where it was last used and when it expires; a form that makes one and shows it once.
 */
export function ApiKeysSection() {
  const t = useT();
  const scopeNames = useScopeNames();
  const [loaded, setLoaded] = useState<Loaded>({ kind: 'loading' });
  const [made, setMade] = useState<string | null>(null);

  const load = useCallback(async () => {
    try {
      setLoaded({ kind: 'ready', items: (await ok(client.GET('/api-keys'))).items });
    } catch (error) {
      setLoaded({ kind: 'failed', message: error instanceof Error ? error.message : String(error) });
    }
  }, []);

  useEffect(() => {
    void load();
  }, [load]);

  return (
    <section aria-labelledby="settings-api-keys" className="space-y-3">
      <h2 id="settings-api-keys" className="text-xl font-semibold">
        {t('apiKeys.title')}
      </h2>
      <p className="text-sm text-slate-600">{t('apiKeys.intro')}</p>
      {loaded.kind === 'loading' && <p>{t('common.loading')}</p>}
      {loaded.kind === 'failed' && (
        <p role="alert" className="text-red-700">
          {t('apiKeys.loadFailed', { message: loaded.message })}
        </p>
      )}
      {loaded.kind === 'ready' && loaded.items.length === 0 && (
        <p className="text-sm text-slate-600">{t('apiKeys.empty')}</p>
      )}
      {loaded.kind === 'ready' && loaded.items.length > 0 && (
        <ul
          aria-label={t('apiKeys.title')}
          className="divide-y divide-slate-200 rounded-lg border border-slate-200 bg-white"
        >
          {loaded.items.map((key) => (
            <li key={key.id} className="flex flex-wrap items-start justify-between gap-2 p-3 text-sm">
              <div className="min-w-0 space-y-0.5">
                <p className="font-medium">
                  {key.name} <code className="text-xs text-slate-600">{key.prefix}…</code>
                </p>
                <p className="text-xs">{scopeNames(key.scopes)}</p>
                <CredentialUsage
                  lastUsedAt={key.lastUsedAt}
                  lastUsedIp={key.lastUsedIp}
                  expiresAt={key.expiresAt}
                />
              </div>
              <RevokeButton
                title={t('apiKeys.revokeTitle', { name: key.name })}
                body={t('apiKeys.revokeBody')}
                confirmLabel={t('apiKeys.revokeConfirm')}
                onRevoke={async () => {
                  await done(client.DELETE('/api-keys/{id}', { params: { path: { id: key.id } } }));
                  await load();
                }}
              />
            </li>
          ))}
        </ul>
      )}
      {made && (
        <div role="status" className="space-y-1 rounded-lg border border-green-300 bg-green-50 p-3 text-sm">
          <p className="font-medium text-green-800">{t('apiKeys.created')}</p>
          <div className="flex items-start gap-2">
            <code className="min-w-0 flex-1 rounded bg-white px-1.5 py-0.5 break-all">{made}</code>
            <CopyButton text={made} what={t('apiKeys.theKey')} />
          </div>
        </div>
      )}
      <CredentialForm
        label={t('apiKeys.title')}
        nameHint={t('apiKeys.nameHint')}
        submitLabel={t('apiKeys.create')}
        onCreate={async (request) => {
          setMade((await ok(client.POST('/api-keys', { body: request }))).key);
          await load();
        }}
      />
    </section>
  );
}
