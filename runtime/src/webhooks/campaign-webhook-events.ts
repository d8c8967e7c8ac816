import type { MessageRecord } from '../campaigns/campaign-message-rows.ts';
import type { WebhookEvent } from './emit-webhook-events.ts';
import { messageWebhookEvent } from './message-webhook-events.ts';

/** message.sent / message.failed for a batch of campaign messages written together. */
export function campaignMessageWebhookEvents(items: MessageRecord[], at: string): WebhookEvent[] {
  return items.flatMap((item) =>
    messageWebhookEvent(
      {
        id: item.row.id,
        workspaceId: item.row.w,
        channel: item.row.ch,
        contactAddress: item.row.a,
        campaignId: item.row.cp,
        contactId: item.row.c,
      },
      item.kind === 'failed' ? 'failed' : 'sent',
      { at, ...(item.kind === 'failed' ? { errorCode: item.code } : {}) },
    ),
  );
}

type CampaignMove = 'started' | 'paused' | 'resumed' | 'finished';

/**
 * What a person's move of a campaign's status tells receivers; none for a move back to draft
 * (a start that Temporal refused) or to scheduled (it starts later, and says so then).
 */
export function campaignMoveOf(from: readonly string[], to: string): CampaignMove | undefined {
  if (to === 'paused') return 'paused';
  if (to === 'running') return from.includes('paused') ? 'resumed' : 'started';
  return undefined;
}

interface CampaignFacts {
  id: string;
  workspaceId: string;
  name: string;
  kind: string;
  status: string;
  updatedAt: Date;
}

/**
 * The event for a campaign's move to `status`: started when it begins sending (a scheduled one
 * when its time comes), paused, resumed, finished (completed, cancelled, failed). Keyed by the
 * move's time, so a pause after a resume is a new event and a retried write is not.
 */
export function campaignWebhookEvent(
  campaign: CampaignFacts | undefined,
  move: CampaignMove | undefined,
): WebhookEvent[] {
  if (!campaign || !move) return [];
  return [
    {
      workspaceId: campaign.workspaceId,
      type: `campaign.${move}`,
      key: `${campaign.id}:${move}:${move === 'started' || move === 'finished' ? '' : campaign.updatedAt.getTime()}`,
      at: campaign.updatedAt,
      data: { campaignId: campaign.id, name: campaign.name, kind: campaign.kind, status: campaign.status },
    },
  ];
}
