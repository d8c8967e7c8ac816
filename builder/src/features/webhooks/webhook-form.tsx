import { useState } from 'react';
import { client, ok } from '../../api/client.ts';
import type { WebhookEventType, WebhookSubscription } from '../../api/types.ts';
import { useT } from '../../i18n/use-i18n.ts';
import { webhookEventFamilies } from './webhook-event-families.ts';

/**
 * A new webhook: its URL, a description, and the events as labelled checkboxes by family. The
 * server's refusal (a private or unknown host, a malformed URL) is shown as it says it.
 */
export function WebhookForm({
  onCreated,
  onCancel,
}: {
  onCreated: (made: WebhookSubscription) => void;
  onCancel: () => void;
}) {
  const t = useT();
  const [url, setUrl] = useState('');
  const [description, setDescription] = useState('');
  const [events, setEvents] = useState<Set<WebhookEventType>>(new Set());
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const toggle = (type: WebhookEventType) =>
    setEvents((current) => {
      const next = new Set(current);
      if (next.has(type)) next.delete(type);
      else next.add(type);
      return next;
    });

  async function create() {
    setBusy(true);
    setError(null);
    try {
      const made = await ok(
        client.POST('/webhook-subscriptions', {
          body: { url, events: [...events], ...(description ? { description } : {}) },
        }),
      );
      onCreated(made);
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setBusy(false);
    }
  }

  return (
    <form
      aria-label={t('webhooks.add')}
      onSubmit={(e) => {
        e.preventDefault();
        void create();
      }}
      className="space-y-3 rounded-lg border border-slate-200 bg-white p-4"
    >
      <label className="block text-sm font-medium">
        {t('webhooks.url')}
        <input
          type="url"
          required
          value={url}
          placeholder="https://app.example.org/omniflow"
          onChange={(e) => setUrl(e.target.value)}
          className="mt-1 block w-full rounded border border-slate-300 px-2 py-1 font-mono text-sm"
        />
      </label>
      <label className="block text-sm font-medium">
        {t('webhooks.description')}
        <input
          value={description}
          maxLength={500}
          onChange={(e) => setDescription(e.target.value)}
          className="mt-1 block w-full rounded border border-slate-300 px-2 py-1 text-sm"
        />
      </label>
      <fieldset className="space-y-2">
        <legend className="text-sm font-medium">{t('webhooks.events')}</legend>
        <div className="grid gap-3 sm:grid-cols-2">
          {webhookEventFamilies.map(({ family, events: types }) => (
            <fieldset key={family} className="rounded border border-slate-200 p-2">
              <legend className="px-1 text-xs font-semibold uppercase text-slate-600">
                {t(`webhooks.family.${family}`)}
              </legend>
              {types.map((type) => (
                <label key={type} className="flex items-center gap-2 text-sm">
                  <input type="checkbox" checked={events.has(type)} onChange={() => toggle(type)} />
                  {t(`webhooks.event.${type}`)}
                </label>
              ))}
            </fieldset>
          ))}
        </div>
        {events.size === 0 && <p className="text-sm text-slate-600">{t('webhooks.noEvents')}</p>}
      </fieldset>
      {error && (
        <p role="alert" className="text-sm text-red-700">
          {error}
        </p>
      )}
      <div className="flex gap-2">
        <button
          type="submit"
          disabled={busy || events.size === 0 || url.trim() === ''}
          className="rounded bg-sky-700 px-3 py-1 text-white disabled:opacity-50"
        >
          {busy ? t('webhooks.creating') : t('webhooks.create')}
        </button>
        <button type="button" onClick={onCancel} className="rounded border border-slate-300 px-3 py-1">
          {t('webhooks.cancel')}
        </button>
      </div>
    </form>
  );
}
