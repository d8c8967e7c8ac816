import type { WebhookEventType } from '../../api/types.ts';

export type WebhookEventFamily = 'run' | 'message' | 'call' | 'campaign';

/** The event types grouped as the form shows them (runs, messages, calls, campaigns). */
export const webhookEventFamilies = [
  { family: 'run', events: ['run.started', 'run.completed', 'run.failed'] },
  {
    family: 'message',
    events: ['message.sent', 'message.delivered', 'message.read', 'message.failed', 'message.received'],
  },
  { family: 'call', events: ['call.started', 'call.ended'] },
  {
    family: 'campaign',
    events: ['campaign.started', 'campaign.paused', 'campaign.resumed', 'campaign.finished'],
  },
] as const satisfies readonly { family: WebhookEventFamily; events: readonly WebhookEventType[] }[];

// A type the server offers and the form leaves out fails typecheck here.
type Listed = (typeof webhookEventFamilies)[number]['events'][number];
export const everyEventListed: [Exclude<WebhookEventType, Listed>] extends [never] ? true : never = true;
