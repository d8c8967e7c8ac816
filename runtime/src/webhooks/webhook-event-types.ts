/**
 * What a subscription can ask for (README "Outbound webhooks" says when each is sent and what
 * its `data` holds). Names are part of the contract with receivers: add, never rename.
 */
export const webhookEventTypes = [
  'run.started',
  'run.completed',
  'run.failed',
  'message.sent',
  'message.delivered',
  'message.read',
  'message.failed',
  'message.received',
  'call.started',
  'call.ended',
  'campaign.started',
  'campaign.paused',
  'campaign.resumed',
  'campaign.finished',
] as const;

export type WebhookEventType = (typeof webhookEventTypes)[number];

export const isWebhookEventType = (type: string): type is WebhookEventType =>
  (webhookEventTypes as readonly string[]).includes(type);
