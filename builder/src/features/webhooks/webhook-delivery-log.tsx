import { useCallback, useEffect, useState } from 'react';
import { client, ok } from '../../api/client.ts';
import type { WebhookDelivery } from '../../api/types.ts';
import { useLocale, useT } from '../../i18n/use-i18n.ts';
import { webhookEventFamilies } from './webhook-event-families.ts';

const known = new Set<string>(webhookEventFamilies.flatMap((f) => f.events));
const isKnown = (type: string): type is (typeof webhookEventFamilies)[number]['events'][number] =>
  known.has(type);

/**
 * A webhook's deliveries, newest first: each event with its attempts (the answer's status code
 * and time, or why none came), when it is tried next, and a button that sends it again now.
 */
export function WebhookDeliveryLog({ subscriptionId }: { subscriptionId: string }) {
  const t = useT();
  const locale = useLocale((s) => s.locale);
  const when = (iso: string) => new Date(iso).toLocaleString(locale);
  const [deliveries, setDeliveries] = useState<WebhookDelivery[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [replayed, setReplayed] = useState<string | null>(null);

  const load = useCallback(async () => {
    try {
      const found = await ok(
        client.GET('/webhook-subscriptions/{id}/deliveries', { params: { path: { id: subscriptionId } } }),
      );
      setDeliveries(found.deliveries);
      setError(null);
    } catch (e) {
      setError((e as Error).message);
    }
  }, [subscriptionId]);

  useEffect(() => {
    void load();
  }, [load]);

  async function replay(deliveryId: string) {
    setError(null);
    try {
      await ok(
        client.POST('/webhook-subscriptions/{id}/deliveries/{deliveryId}/replay', {
          params: { path: { id: subscriptionId, deliveryId } },
        }),
      );
      setReplayed(deliveryId);
      await load();
    } catch (e) {
      setError((e as Error).message);
    }
  }

  if (error)
    return (
      <p role="alert" className="text-sm text-red-700">
        {t('common.error', { message: error })}
      </p>
    );
  if (deliveries === null) return <p className="text-sm">{t('common.loading')}</p>;
  return (
    <div className="space-y-2">
      <button
        type="button"
        onClick={() => void load()}
        className="rounded border border-slate-300 px-2 py-0.5 text-xs"
      >
        {t('webhooks.log.refresh')}
      </button>
      {deliveries.length === 0 ? (
        <p className="text-sm text-slate-600">{t('webhooks.log.empty')}</p>
      ) : (
        <table className="w-full text-left text-sm">
          <thead className="text-xs text-slate-600">
            <tr>
              <th className="py-1">{t('webhooks.log.event')}</th>
              <th>{t('webhooks.log.when')}</th>
              <th>{t('webhooks.log.state')}</th>
              <th>{t('webhooks.log.attempts')}</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {deliveries.map((d) => (
              <tr key={d.id} className="border-t border-slate-100 align-top">
                <td className="py-1">
                  {isKnown(d.eventType) ? t(`webhooks.event.${d.eventType}`) : d.eventType}
                </td>
                <td>{when(d.createdAt)}</td>
                <td>
                  {t(`webhooks.log.${d.state}`)}
                  {d.nextAttemptAt && (
                    <div className="text-xs text-slate-600">
                      {t('webhooks.log.nextAttempt', { when: when(d.nextAttemptAt) })}
                    </div>
                  )}
                </td>
                <td>
                  <ul className="text-xs">
                    {d.attempts.map((a, i) => (
                      <li key={i}>
                        {a.statusCode === null
                          ? t('webhooks.log.noAnswer', { ms: a.durationMs, error: a.error ?? '' })
                          : t('webhooks.log.answered', { code: a.statusCode, ms: a.durationMs })}
                      </li>
                    ))}
                  </ul>
                </td>
                <td className="text-right">
                  <button
                    type="button"
                    onClick={() => void replay(d.id)}
                    className="rounded border border-slate-300 px-2 py-0.5 text-xs"
                  >
                    {t('webhooks.log.replay')}
                  </button>
                  {replayed === d.id && (
                    <p role="status" className="text-xs text-slate-600">
                      {t('webhooks.log.replayed')}
                    </p>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
