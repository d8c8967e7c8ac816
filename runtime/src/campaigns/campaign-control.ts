import type { Client } from '@temporalio/client';
import type { SignalDefinition } from '@temporalio/workflow';
import { and, count, eq, inArray } from 'drizzle-orm';
import { campaigns, contacts, segmentMembers, segments, type Db } from '@omniflow/db';
import { compiledRules, type RulesCondition } from '../segments/segment-page.ts';
import { campaignPaging, campaignTaskQueue } from './campaign-task-queue.ts';
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
  ) {
    super(message);
  }
}

const workflowIdOf = (campaignId: string) => `campaign-${campaignId}`;

/** Start, pause, resume and cancel: the row's status moves first (conditionally), then Temporal hears. */
export function createCampaignControl(deps: { db: Db; temporal: Client; taskQueue: string }) {
  const { db } = deps;

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
      if (!current.variants.some((v) => v.content.templateId || v.content.text?.trim()))
        throw new CampaignStateError(
          'CAMPAIGN_INCOMPLETE',
          'Give the campaign a text or a library template before starting it',
        );
      if (current.kind !== 'broadcast' || !['sms', 'email'].includes(current.channels[0]!))
        throw new CampaignStateError(
          'CAMPAIGN_UNSUPPORTED',
          'Only SMS and email broadcasts can be sent for now; voice, WhatsApp and journeys come later',
        );
      const startAt =
        current.schedule.mode === 'at' && current.schedule.at ? new Date(current.schedule.at) : undefined;
      const later = startAt !== undefined && startAt > now;
      const workflowId = workflowIdOf(id);
      const moved = await move(workspaceId, id, ['draft'], later ? 'scheduled' : 'running', {
        workflowId,
        ...(later ? {} : { startedAt: now }),
      });
      if (!moved) throw refuse('started', 'started again', 'draft');
      const input: CampaignRunInput = {
        campaignId: id,
        sendQueue: campaignTaskQueue(current.channels[0]!, deps.taskQueue),
        ...campaignPaging(current.ratePerSecond),
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
      .select({ status: campaigns.status })
      .from(campaigns)
      .where(and(eq(campaigns.workspaceId, workspaceId), eq(campaigns.id, id)));
    if (!current) return undefined;
    const moved = await move(workspaceId, id, from, to);
    if (!moved) throw refuse(current.status, action, allowed);
    // Signals are durable in Temporal: the workflow hears it even while no worker runs.
    await deps.temporal.workflow.getHandle(moved.workflowId ?? workflowIdOf(id)).signal(which);
    return moved;
  }
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
