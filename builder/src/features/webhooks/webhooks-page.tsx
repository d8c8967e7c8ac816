import { useEffect, useState } from 'react';
import { client, done, ok } from '../../api/client.ts';
import type { WebhookSubscription } from '../../api/types.ts';
import { useT } from '../../i18n/use-i18n.ts';
import { ConfirmDialog } from '../../ui/confirm-dialog.tsx';
import { CopyButton } from '../../ui/copy-button.tsx';
import { WebhookDeliveryLog } from './webhook-delivery-log.tsx';
import { WebhookForm } from './webhook-form.tsx';

/**
 * Webhooks (admins): the workspace's outbound webhooks, a form for a new one (its secret shown
 * once), pause and resume, delete, and each one's delivery log with replay.
 */
export function WebhooksPage() {
  const t = useT();
  const [subscriptions, setSubscriptions] = useState<WebhookSubscription[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [adding, setAdding] = useState(false);
  const [secret, setSecret] = useState<string | null>(null);
  const [deleting, setDeleting] = useState<WebhookSubscription | null>(null);
  const [logOf, setLogOf] = useState<string | null>(null);

  useEffect(() => {
    let stale = false;
    ok(client.GET('/webhook-subscriptions')).then(
      (found) => !stale && setSubscriptions(found.subscriptions),
      (e: unknown) => !stale && setError((e as Error).message),
    );
    return () => {
      stale = true;
    };
  }, []);

  const replace = (saved: WebhookSubscription) =>
    setSubscriptions((list) => (list ?? []).map((s) => (s.id === saved.id ? saved : s)));

  async function setActive(subscription: WebhookSubscription, active: boolean) {
    setError(null);
    try {
      replace(
        await ok(
          client.PATCH('/webhook-subscriptions/{id}', {
            params: { path: { id: subscription.id } },
            body: { active },
          }),
        ),
      );
    } catch (e) {
      setError((e as Error).message);
    }
  }

  return (
    <main className="mx-auto max-w-4xl space-y-6 p-6">
      <h1 className="text-2xl font-semibold">{t('webhooks.title')}</h1>
      <p className="text-sm text-slate-600">
        {t('webhooks.intro')} {t('webhooks.docs')}
      </p>
      {error && (
        <p role="alert" className="text-red-700">
          {t('common.error', { message: error })}
        </p>
      )}
      {secret && (
        <section
          aria-label={t('webhooks.secretTitle')}
          className="space-y-2 rounded-lg border border-amber-300 bg-amber-50 p-4"
        >
          <h2 className="font-semibold">{t('webhooks.secretTitle')}</h2>
          <p className="text-sm">{t('webhooks.secretOnce')}</p>
          <div className="flex items-center gap-2">
            <code className="break-all rounded bg-white px-2 py-1 text-sm">{secret}</code>
            <CopyButton text={secret} what={t('webhooks.secretWhat')} />
          </div>
          <button
            type="button"
            onClick={() => setSecret(null)}
            className="rounded border border-slate-300 px-3 py-1 text-sm"
          >
            {t('webhooks.secretDone')}
          </button>
        </section>
      )}
      {adding ? (
        <WebhookForm
          onCancel={() => setAdding(false)}
          onCreated={(made) => {
            const { secret: shown, ...subscription } = made;
            setSubscriptions((list) => [...(list ?? []), subscription]);
            setSecret(shown ?? null);
            setAdding(false);
          }}
        />
      ) : (
        <button
          type="button"
          onClick={() => setAdding(true)}
          className="rounded bg-sky-700 px-3 py-1 text-white"
        >
          {t('webhooks.add')}
        </button>
      )}
      {subscriptions === null ? (
        !error && <p>{t('common.loading')}</p>
      ) : subscriptions.length === 0 ? (
        <p className="text-slate-600">{t('webhooks.empty')}</p>
      ) : (
        <ul className="space-y-3">
          {subscriptions.map((s) => (
            <li key={s.id} className="space-y-2 rounded-lg border border-slate-200 bg-white p-4">
              <div className="flex flex-wrap items-center gap-3">
                <span className="break-all font-mono text-sm">{s.url}</span>
                <span
                  className={`rounded px-2 py-0.5 text-xs ${s.active ? 'bg-emerald-100 text-emerald-800' : 'bg-slate-200 text-slate-700'}`}
                >
                  {s.active ? t('webhooks.active') : t('webhooks.paused')}
                </span>
                <span className="text-xs text-slate-600">
                  {t('webhooks.eventCount', { count: s.events.length })}
                </span>
                <span className="ml-auto flex gap-2">
                  <button
                    type="button"
                    onClick={() => void setActive(s, !s.active)}
                    className="rounded border border-slate-300 px-2 py-0.5 text-sm"
                  >
                    {s.active ? t('webhooks.pause') : t('webhooks.resume')}
                  </button>
                  <button
                    type="button"
                    onClick={() => setLogOf(logOf === s.id ? null : s.id)}
                    className="rounded border border-slate-300 px-2 py-0.5 text-sm"
                  >
                    {logOf === s.id ? t('webhooks.hideLog') : t('webhooks.showLog')}
                  </button>
                  <button
                    type="button"
                    onClick={() => setDeleting(s)}
                    className="rounded border border-red-300 px-2 py-0.5 text-sm text-red-700"
                  >
                    {t('webhooks.delete')}
                  </button>
                </span>
              </div>
              {s.description && <p className="text-sm text-slate-600">{s.description}</p>}
              <p className="text-xs text-slate-600">
                {s.events.map((e) => t(`webhooks.event.${e}`)).join(' · ')}
              </p>
              {logOf === s.id && <WebhookDeliveryLog subscriptionId={s.id} />}
            </li>
          ))}
        </ul>
      )}
      {deleting && (
        <ConfirmDialog
          title={t('webhooks.delete')}
          confirmLabel={t('webhooks.delete')}
          danger
          onClose={() => setDeleting(null)}
          onConfirm={async () => {
            await done(
              client.DELETE('/webhook-subscriptions/{id}', { params: { path: { id: deleting.id } } }),
            );
            setSubscriptions((list) => (list ?? []).filter((s) => s.id !== deleting.id));
            setDeleting(null);
          }}
        >
          <p>{t('webhooks.confirmDelete', { url: deleting.url })}</p>
        </ConfirmDialog>
      )}
    </main>
  );
}
