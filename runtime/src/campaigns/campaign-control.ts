import { emitWebhookEvents } from '../webhooks/emit-webhook-events.ts';
import { campaignMoveOf, campaignWebhookEvent } from '../webhooks/campaign-webhook-events.ts';
import type { Client } from '@temporalio/client';
import type { SignalDefinition } from '@temporalio/workflow';
import { and, count, eq, inArray } from 'drizzle-orm';
import { campaigns, contacts, credentials, segmentMembers, segments, type Db } from '@omniflow/db';
import { compiledRules, type RulesCondition } from '../segments/segment-page.ts';
import {
  campaignPaging,
  campaignSendChannels,
  campaignTaskQueue,
  voiceQueueChannel,
  type VoiceCarrier,
} from './campaign-task-queue.ts';
import { voiceFlowProblem } from './voice-campaign-flow.ts';
import { journeyTaskQueue } from './campaign-task-queue.ts';
import { flowVersionAtStart, publishedVersion } from './journey-starts.ts';
import { effectiveRate } from './account-rate.ts';
import { createCampaignSeries, isSeries } from './campaign-series.ts';
import {
  cancelCampaignSignal,
  pauseCampaignSignal,
  resumeCampaignSignal,
  type CampaignRunInput,
} from '../temporal/campaign-workflows.ts';

type CampaignStatus = (typeof campaigns.$inferSelect)['status'];

/** Why a campaign cannot do what was asked: the API answers 409 with it. */
export class CampaignStateError extends Error {
  constructor(
    readonly code: string,
    message: string,
    /** 409 by default (the campaign's state); 422 when what it names is not usable. */
    readonly status: 409 | 422 = 409,
  ) {
    super(message);
  }
}

const workflowIdOf = (campaignId: string) => `campaign-${campaignId}`;

/** Start, pause, resume and cancel: the row's status moves first (conditionally), then Temporal hears. */
export function createCampaignControl(deps: { db: Db; temporal: Client; taskQueue: string }) {
  const { db } = deps;
  const series = createCampaignSeries(deps);

  /** Moves the status from one of `from` to `to`; the campaign as it is now when it could not. */
  async function move(
    workspaceId: string,
    id: string,
    from: CampaignStatus[],
    to: CampaignStatus,
    extra = {},
  ) {
    const [moved] = await db
      .update(campaigns)
      .set({ status: to, updatedAt: new Date(), ...extra })
      .where(
        and(eq(campaigns.workspaceId, workspaceId), eq(campaigns.id, id), inArray(campaigns.status, from)),
      )
      .returning();
    await emitWebhookEvents(db, campaignWebhookEvent(moved, campaignMoveOf(from, to)));
    return moved;
  }

  const refuse = (status: string | undefined, action: string, allowed: string) =>
    new CampaignStateError(
      'CAMPAIGN_STATE',
      `A ${status} campaign cannot be ${action}: only a ${allowed} one can`,
    );

  return {
    async start(workspaceId: string, id: string, now = new Date()) {
      const [current] = await db
        .select()
        .from(campaigns)
        .where(and(eq(campaigns.workspaceId, workspaceId), eq(campaigns.id, id)));
      if (!current) return undefined;
      if (current.status !== 'draft') throw refuse(current.status, 'started', 'draft');
      if (!current.segmentId)
        throw new CampaignStateError(
          'CAMPAIGN_INCOMPLETE',
          'Choose the segment the campaign goes to before starting it',
        );
      const voice = current.kind === 'voice';
      const journey = current.kind === 'journey';
      if (voice && (!current.flowId || (await voiceFlowProblem(db, workspaceId, current.flowId))))
        throw new CampaignStateError(
          'CAMPAIGN_INCOMPLETE',
          'Choose a published voice flow for the calls before starting it (the one chosen is gone or unpublished)',
        );
      if (journey) {
        if (!current.flowId || !(await publishedVersion(db, workspaceId, current.flowId)))
          throw new CampaignStateError(
            'JOURNEY_FLOW_NOT_PUBLISHED',
            'A journey starts a published flow per person: pick a flow and publish it first',
            422,
          );
      } else if (!voice && !current.variants.some((v) => v.content.templateId || v.content.text?.trim()))
        throw new CampaignStateError(
          'CAMPAIGN_INCOMPLETE',
          'Give the campaign a text or a library template before starting it',
        );
      if (
        !voice &&
        !journey &&
        (current.kind !== 'broadcast' ||
          !current.channels.every((ch) => (campaignSendChannels as readonly string[]).includes(ch)))
      )
        throw new CampaignStateError(
          'CAMPAIGN_UNSUPPORTED',
          'Only SMS, email and WhatsApp broadcasts, journeys and calls can be sent',
        );
      if (current.channels.includes('whatsapp') && !current.variants.some((v) => v.content.whatsappTemplate))
        throw new CampaignStateError(
          'CAMPAIGN_INCOMPLETE',
          'A WhatsApp campaign needs an approved WhatsApp template for people outside the 24 h window',
        );
      if (isSeries(current)) {
        // The series runs; its occurrences send (the first one now or at its time).
        const moved = await move(workspaceId, id, ['draft'], 'running', { startedAt: now });
        if (!moved) throw refuse('started', 'started again', 'draft');
        try {
          await series.scheduleNext(id, now);
        } catch (error) {
          await move(workspaceId, id, ['running'], 'draft', { startedAt: null });
          throw error;
        }
        return moved;
      }
      const startAt =
        current.schedule.mode === 'at' && current.schedule.at ? new Date(current.schedule.at) : undefined;
      const later = startAt !== undefined && startAt > now;
      const workflowId = workflowIdOf(id);
      const moved = await move(workspaceId, id, ['draft'], later ? 'scheduled' : 'running', {
        workflowId,
        // A scheduled journey pins its flow version when its time comes (campaignStarted).
        ...(later ? {} : { startedAt: now, flowVersion: flowVersionAtStart }),
      });
      if (!moved) throw refuse('started', 'started again', 'draft');
      // Calls go to a voice queue, served where the calls are held: the SIP endpoint's process,
      // or the API's for a workspace whose Twilio account carries them.
      const voiceQueue = voice ? voiceQueueChannel[await voiceCarrierOf(db, workspaceId)] : 'voice';
      const input: CampaignRunInput = {
        campaignId: id,
        sendQueue: journey
          ? journeyTaskQueue(deps.taskQueue)
          : campaignTaskQueue(voice ? voiceQueue : current.channels[0]!, deps.taskQueue),
        sendQueues: Object.fromEntries(
          current.channels.map((ch) => [
            ch,
            journey
              ? journeyTaskQueue(deps.taskQueue)
              : campaignTaskQueue(ch === 'voice' ? voiceQueue : ch, deps.taskQueue),
          ]),
        ),
        // Chunks of a few seconds at the pace it will really go: its sending account may be slower.
        ...campaignPaging((await effectiveRate(db, current)).rate),
        ...(later ? { startAt: startAt.toISOString() } : {}),
      };
      try {
        await deps.temporal.workflow.start('campaignRun', {
          taskQueue: deps.taskQueue,
          workflowId,
          args: [input],
        });
      } catch (error) {
        // Back to a draft, so the person can try again once Temporal answers.
        await move(workspaceId, id, ['running', 'scheduled'], 'draft', { workflowId: null, startedAt: null });
        throw error;
      }
      return moved;
    },
    async pause(workspaceId: string, id: string) {
      return signal(
        workspaceId,
        id,
        ['running', 'scheduled'],
        'paused',
        'paused',
        'running',
        pauseCampaignSignal,
      );
    },
    async resume(workspaceId: string, id: string) {
      return signal(workspaceId, id, ['paused'], 'running', 'resumed', 'paused', resumeCampaignSignal);
    },
    async cancel(workspaceId: string, id: string) {
      return signal(
        workspaceId,
        id,
        ['running', 'scheduled', 'paused'],
        'cancelled',
        'cancelled',
        'running, scheduled or paused',
        cancelCampaignSignal,
      );
    },
  };

  async function signal(
    workspaceId: string,
    id: string,
    from: CampaignStatus[],
    to: CampaignStatus,
    action: string,
    allowed: string,
    which: SignalDefinition<[], string>,
  ) {
    const [current] = await db
      .select({ status: campaigns.status, schedule: campaigns.schedule, parentId: campaigns.parentId })
      .from(campaigns)
      .where(and(eq(campaigns.workspaceId, workspaceId), eq(campaigns.id, id)));
    if (!current) return undefined;
    const moved = await move(workspaceId, id, from, to);
    if (!moved) throw refuse(current.status, action, allowed);
    if (isSeries(current)) {
      // A series has no workflow of its own: what it is told goes to its occurrence going now.
      for (const occurrence of await series.liveOccurrences(id)) {
        const told = await move(workspaceId, occurrence.id, from, to);
        if (told) await deps.temporal.workflow.getHandle(workflowIdOf(occurrence.id)).signal(which);
      }
      // Resumed between two occurrences (the last one ended while paused): the next is due.
      if (to === 'running') await series.scheduleNext(id);
      return moved;
    }
    // Signals are durable in Temporal: the workflow hears it even while no worker runs.
    await deps.temporal.workflow.getHandle(moved.workflowId ?? workflowIdOf(id)).signal(which);
    return moved;
  }
}

/**
 * A workspace whose SMS goes through Twilio calls through Twilio too (the same account signs its
 * voice webhooks); any other calls through the SIP endpoint and its trunk.
 */
async function voiceCarrierOf(db: Db, workspaceId: string): Promise<VoiceCarrier> {
  const [saved] = await db
    .select({ provider: credentials.provider })
    .from(credentials)
    .where(and(eq(credentials.workspaceId, workspaceId), eq(credentials.channel, 'sms')));
  return saved?.provider === 'twilio' ? 'twiml' : 'sip';
}

/** How many people a segment has now: the forecast before sending. */
export async function audienceSize(
  db: Db,
  segmentId: string,
  rules: RulesCondition = compiledRules,
): Promise<number> {
  const [segment] = await db.select().from(segments).where(eq(segments.id, segmentId));
  if (!segment) return 0;
  if (segment.kind === 'static') {
    const [row] = await db
      .select({ n: count() })
      .from(segmentMembers)
      .where(eq(segmentMembers.segmentId, segment.id));
    return row?.n ?? 0;
  }
  const [row] = await db
    .select({ n: count() })
    .from(contacts)
    .where(and(eq(contacts.workspaceId, segment.workspaceId), await rules(db, segment)));
  return row?.n ?? 0;
}
