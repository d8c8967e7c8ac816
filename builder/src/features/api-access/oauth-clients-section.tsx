import { useCallback, useEffect, useState } from 'react';
import { ApiError, client, done, ok } from '../../api/client.ts';
import type { OAuthClient } from '../../api/types.ts';
import { useT } from '../../i18n/use-i18n.ts';
import { CopyButton } from '../../ui/copy-button.tsx';
import { CredentialForm } from './credential-form.tsx';
import { CredentialUsage } from './credential-usage.tsx';
import { RevokeButton } from './revoke-button.tsx';
import { useScopeNames } from './scope-picker.tsx';

type Loaded =
  | { kind: 'loading' }
  | { kind: 'forbidden' }
  | { kind: 'failed'; message: string }
  | { kind: 'ready'; items: OAuthClient[] };

/**
 * Settings → OAuth clients (admins only): integrators' client IDs with their scopes, last use and
 * expiry; a form that makes one and shows its secret once.
 */
export function OAuthClientsSection() {
  const t = useT();
  const scopeNames = useScopeNames();
  const [loaded, setLoaded] = useState<Loaded>({ kind: 'loading' });
  const [made, setMade] = useState<{ clientId: string; clientSecret: string } | null>(null);

  const load = useCallback(async () => {
    try {
      setLoaded({ kind: 'ready', items: (await ok(client.GET('/oauth-clients'))).items });
    } catch (error) {
      setLoaded(
        error instanceof ApiError && error.status === 403
          ? { kind: 'forbidden' }
          : { kind: 'failed', message: error instanceof Error ? error.message : String(error) },
      );
    }
  }, []);

  useEffect(() => {
    void load();
  }, [load]);

  if (loaded.kind === 'forbidden') return null;
  return (
    <section aria-labelledby="settings-oauth-clients" className="space-y-3">
      <h2 id="settings-oauth-clients" className="text-xl font-semibold">
        {t('oauthClients.title')}
      </h2>
      <p className="text-sm text-slate-600">{t('oauthClients.intro')}</p>
      {loaded.kind === 'loading' && <p>{t('common.loading')}</p>}
      {loaded.kind === 'failed' && (
        <p role="alert" className="text-red-700">
          {t('oauthClients.loadFailed', { message: loaded.message })}
        </p>
      )}
      {loaded.kind === 'ready' && loaded.items.length === 0 && (
        <p className="text-sm text-slate-600">{t('oauthClients.empty')}</p>
      )}
      {loaded.kind === 'ready' && loaded.items.length > 0 && (
        <ul
          aria-label={t('oauthClients.title')}
          className="divide-y divide-slate-200 rounded-lg border border-slate-200 bg-white"
        >
          {loaded.items.map((item) => (
            <li key={item.id} className="flex flex-wrap items-start justify-between gap-2 p-3 text-sm">
              <div className="min-w-0 space-y-0.5">
                <p className="font-medium">{item.name}</p>
                <p className="text-xs">
                  {t('oauthClients.clientId')}: <code>{item.clientId}</code>
                </p>
                <p className="text-xs">{scopeNames(item.scopes)}</p>
                <CredentialUsage
                  lastUsedAt={item.lastUsedAt}
                  lastUsedIp={item.lastUsedIp}
                  expiresAt={item.expiresAt}
                />
              </div>
              <RevokeButton
                title={t('oauthClients.revokeTitle', { name: item.name })}
                body={t('oauthClients.revokeBody')}
                confirmLabel={t('oauthClients.revokeConfirm')}
                onRevoke={async () => {
                  await done(client.DELETE('/oauth-clients/{id}', { params: { path: { id: item.id } } }));
                  await load();
                }}
              />
            </li>
          ))}
        </ul>
      )}
      {made && (
        <dl role="status" className="space-y-1 rounded-lg border border-green-300 bg-green-50 p-3 text-sm">
          <p className="font-medium text-green-800">{t('oauthClients.created')}</p>
          {[
            { label: t('oauthClients.clientId'), text: made.clientId },
            { label: t('oauthClients.secret'), text: made.clientSecret },
          ].map(({ label, text }) => (
            <div key={label} className="flex items-start gap-2">
              <dt className="w-32 shrink-0 text-slate-600">{label}</dt>
              <dd className="flex min-w-0 flex-1 items-start gap-2">
                <code className="min-w-0 flex-1 rounded bg-white px-1.5 py-0.5 break-all">{text}</code>
                <CopyButton text={text} what={label} />
              </dd>
            </div>
          ))}
        </dl>
      )}
      <CredentialForm
        label={t('oauthClients.title')}
        nameHint={t('oauthClients.nameHint')}
        submitLabel={t('oauthClients.create')}
        onCreate={async (request) => {
          const created = await ok(client.POST('/oauth-clients', { body: request }));
          setMade({ clientId: created.clientId, clientSecret: created.clientSecret });
          await load();
        }}
      />
    </section>
  );
}
