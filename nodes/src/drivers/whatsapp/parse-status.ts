import type { DeliveryStatus, StatusUpdate, WebhookRequest } from '../messaging/messaging-driver.ts';
import { messagesChanges } from './webhook-payload.ts';

// Meta's statuses that map onto ours; others (`deleted`, `warning`, `played`) are not delivery
// progress and are left out.
const statuses = new Map<string, DeliveryStatus>([
  ['sent', 'sent'],
  ['delivered', 'delivered'],
  ['read', 'read'],
  ['failed', 'failed'],
]);

/** The delivery reports in a verified webhook body; a failure carries Meta's first error. */
export function parseStatus(request: WebhookRequest): StatusUpdate[] {
  const updates: StatusUpdate[] = [];
  for (const value of messagesChanges(request)) {
    for (const report of value.statuses ?? []) {
      const status = statuses.get(report.status);
      if (!status) continue;
      const error = report.errors?.[0];
      const title = error?.title ?? error?.message;
      const details = error?.error_data?.details;
      updates.push({
        providerMessageId: report.id,
        status,
        at: report.timestamp,
        ...(error ? { errorCode: String(error.code) } : {}),
        ...(error && (title || details)
          ? { errorMessage: [title, details].filter((part) => part !== undefined && part !== '').join(': ') }
          : {}),
      });
    }
  }
  return updates;
}
