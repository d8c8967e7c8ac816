import { messages, type StatusEntry } from '@omniflow/db';
import type { WebhookEvent } from './emit-webhook-events.ts';
import type { WebhookEventType } from './webhook-event-types.ts';

/** A message as the places that write its row know it (a campaign's, a flow's, an API's). */
export interface MessageFacts {
  id: string;
  workspaceId: string;
  channel: string;
  /** The person's address (to for outbound, from for inbound). */
  contactAddress: string;
  runId?: string | null;
  campaignId?: string | null;
  contactId?: string | null;
}

// Every way a message does not reach the person is one event; `data.status` says which.
const typeOf: Partial<Record<StatusEntry['status'], WebhookEventType>> = {
  sent: 'message.sent',
  delivered: 'message.delivered',
  read: 'message.read',
  failed: 'message.failed',
  undelivered: 'message.failed',
  expired: 'message.failed',
  bounced: 'message.failed',
  received: 'message.received',
};

/**
 * The event for a message reaching `status`, or none (queued is not news). Keyed by message and
 * status: a receipt reported twice is one event.
 */
export function messageWebhookEvent(
  message: MessageFacts,
  status: StatusEntry['status'],
  extra: { at?: Date | string; errorCode?: string | null; text?: string } = {},
): WebhookEvent[] {
  const type = typeOf[status];
  if (!type) return [];
  const at = extra.at === undefined ? new Date() : new Date(extra.at);
  return [
    {
      workspaceId: message.workspaceId,
      type,
      key: `${message.id}:${status}`,
      at,
      data: {
        messageId: message.id,
        channel: message.channel,
        status,
        [type === 'message.received' ? 'from' : 'to']: message.contactAddress,
        ...(message.runId ? { runId: message.runId } : {}),
        ...(message.campaignId ? { campaignId: message.campaignId } : {}),
        ...(message.contactId ? { contactId: message.contactId } : {}),
        ...(extra.errorCode ? { errorCode: extra.errorCode } : {}),
        ...(extra.text !== undefined ? { text: extra.text } : {}),
      },
    },
  ];
}

/** The columns of `messages` a webhook event tells about (for `.returning(...)`). */
export const messageFactsColumns = {
  id: messages.id,
  workspaceId: messages.workspaceId,
  channel: messages.channel,
  contactAddress: messages.contactAddress,
  runId: messages.runId,
  campaignId: messages.campaignId,
  contactId: messages.contactId,
};

/** A row the receipts statement (messaging-service.ts) moved, as it answers it. */
export interface ReceiptApplied {
  channel: string;
  provider_message_id: string;
  id: string;
  workspace_id: string;
  contact_address: string;
  contact_id: string | null;
  run_id: string | null;
  campaign_id: string | null;
  status: StatusEntry['status'];
  reported: StatusEntry['status'];
  error_code: string | null;
}

/** A receipt is news for webhooks when it moved the message (a late `sent` after `delivered` is not). */
export const receiptWebhookEvents = (row: ReceiptApplied) =>
  row.status !== row.reported
    ? []
    : messageWebhookEvent(
        {
          id: row.id,
          workspaceId: row.workspace_id,
          channel: row.channel,
          contactAddress: row.contact_address,
          runId: row.run_id,
          campaignId: row.campaign_id,
          contactId: row.contact_id,
        },
        row.status,
        { errorCode: row.error_code },
      );
