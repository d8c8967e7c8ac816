import type { Db } from '@omniflow/db';
import type { SecretKeyring } from '../credentials/secret-keyring.ts';
import { messageOf, positiveMs } from '../worker/channel-upkeep.ts';
import { createWebhookDispatcher, startWebhookDispatcher } from './webhook-dispatcher.ts';

/**
 * The dispatcher as a worker runs it, tuned by the environment: OMNIFLOW_WEBHOOK_POLL_MS (how
 * often the outbox is looked at, 1 s), OMNIFLOW_WEBHOOK_RETRY_BASE_MS (the first retry's wait,
 * 30 s; each next doubles up to an hour, for a day), OMNIFLOW_WEBHOOK_LOG_DAYS (how long the
 * delivery log keeps ended deliveries, 30).
 */
export function webhookDispatcherOf(
  db: Db,
  keyring: () => SecretKeyring,
  env: Record<string, string | undefined>,
) {
  const dispatcher = createWebhookDispatcher({
    db,
    keyring,
    allowPrivate: env.OMNIFLOW_HTTP_ALLOW_PRIVATE === '1',
    retryBaseMs: positiveMs(env.OMNIFLOW_WEBHOOK_RETRY_BASE_MS, 30_000),
  });
  return startWebhookDispatcher(dispatcher, {
    everyMs: positiveMs(env.OMNIFLOW_WEBHOOK_POLL_MS, 1_000),
    onError: (error) => console.warn(`Sending outbound webhooks failed: ${messageOf(error)}`),
    logDays: Math.max(1, Math.round(positiveMs(env.OMNIFLOW_WEBHOOK_LOG_DAYS, 30))),
  });
}
