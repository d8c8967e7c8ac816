import { WorkflowExecutionAlreadyStartedError, type Client } from '@temporalio/client';
import { and, desc, eq, inArray } from 'drizzle-orm';
import { campaigns, newId, workspaces, type CampaignSchedule, type Db } from '@omniflow/db';
import type { CampaignRunInput } from '../temporal/campaign-workflows.ts';
import { campaignPaging, campaignTaskQueue, journeyTaskQueue } from './campaign-task-queue.ts';
import { effectiveRate } from './account-rate.ts';
import { localInstant, nextLocalTime, validZone } from './local-time.ts';
import { localParts, nextOccurrenceDate } from './recurrence.ts';

type CampaignRow = typeof campaigns.$inferSelect;

/** Occurrences still to send or sending: a series has at most one at a time. */
const live = ['draft', 'scheduled', 'running', 'paused'] as const;

// An occurrence pins the flow version published when it starts, not the series'.
const notCopied = new Set(['id', 'createdAt', 'updatedAt', 'startedAt', 'finishedAt', 'flowVersion']);

export const campaignWorkflowId = (campaignId: string) => `campaign-${campaignId}`;

/** A recurring campaign: the one that repeats, never an occurrence of it. */
export const isSeries = (row: Pick<CampaignRow, 'schedule' | 'parentId'>) =>
  Boolean(row.schedule.recurrence) && !row.parentId;

/** The queue a campaign's chunks go to: its channel's, or the journey queue. */
export const sendQueueOf = (row: Pick<CampaignRow, 'kind' | 'channels'>, taskQueue: string) =>
  row.kind === 'journey' ? journeyTaskQueue(taskQueue) : campaignTaskQueue(row.channels[0]!, taskQueue);

/** The earliest instant of a date anywhere (UTC+14): a local-time occurrence starts targeting then. */
const earliestOf = (date: string) => localInstant(date, '00:00', 'Etc/GMT-14');

/**
 * Recurring campaigns (schedule.recurrence): each occurrence is a campaign of its own with
 * `parent_id`, its recipients written from the segment when it begins. The series creates the
 * next one when it starts and whenever an occurrence ends, at the next day/week/month in the
 * workspace's timezone, and starts its campaignRun to wait for that time.
 */
export function createCampaignSeries(deps: { db: Db; temporal: Client; taskQueue: string }) {
  const { db } = deps;

  async function liveOccurrences(parentId: string) {
    return db
      .select()
      .from(campaigns)
      .where(and(eq(campaigns.parentId, parentId), inArray(campaigns.status, [...live])));
  }

  async function startRun(row: CampaignRow, startAt: Date | undefined) {
    const input: CampaignRunInput = {
      campaignId: row.id,
      sendQueue: sendQueueOf(row, deps.taskQueue),
      ...campaignPaging((await effectiveRate(db, row)).rate),
      ...(startAt ? { startAt: startAt.toISOString() } : {}),
    };
    try {
      await deps.temporal.workflow.start('campaignRun', {
        taskQueue: deps.taskQueue,
        workflowId: campaignWorkflowId(row.id),
        args: [input],
      });
    } catch (error) {
      // Started by an earlier attempt of this very call.
      if (!(error instanceof WorkflowExecutionAlreadyStartedError)) throw error;
    }
  }

  /** When an occurrence's workflow should begin: its instant, or the first hour of its day. */
  const startOf = (schedule: CampaignSchedule) =>
    schedule.mode === 'at' && schedule.at
      ? new Date(schedule.at)
      : schedule.localDate
        ? earliestOf(schedule.localDate)
        : undefined;

  /**
   * Creates the series' next occurrence and starts its campaignRun, unless the series is no longer
   * running or has one going (then makes sure that one's workflow runs: a retried call is harmless).
   */
  async function scheduleNext(parentId: string, now = new Date()): Promise<CampaignRow | undefined> {
    const [found] = await db
      .select({ parent: campaigns, zone: workspaces.timezone })
      .from(campaigns)
      .innerJoin(workspaces, eq(workspaces.id, campaigns.workspaceId))
      .where(eq(campaigns.id, parentId));
    if (!found || found.parent.status !== 'running' || !found.parent.schedule.recurrence) return undefined;
    const { parent } = found;
    const going = await liveOccurrences(parent.id);
    if (going.length > 0) {
      const occurrence = going[0]!;
      const startAt = startOf(occurrence.schedule);
      await startRun(occurrence, startAt && startAt > now ? startAt : undefined);
      return occurrence;
    }
    const zone = validZone(found.zone, 'UTC');
    const schedule = parent.schedule;
    const [previous] = await db
      .select({ schedule: campaigns.schedule })
      .from(campaigns)
      .where(eq(campaigns.parentId, parent.id))
      .orderBy(desc(campaigns.id))
      .limit(1);
    const dateOf = (s: CampaignSchedule) =>
      s.mode === 'local' ? s.localDate! : localParts(new Date(s.at!), zone).date;
    const first =
      schedule.mode === 'at' && schedule.at
        ? localParts(new Date(schedule.at), zone)
        : localParts(parent.startedAt ?? now, zone);
    const time = schedule.mode === 'local' ? schedule.localTime! : first.time;
    // A local-time series with no first date begins at the next time it is `time` in the workspace.
    const anchor =
      schedule.mode === 'local'
        ? (schedule.localDate ?? localParts(nextLocalTime(parent.startedAt ?? now, time, zone), zone).date)
        : first.date;
    const date = nextOccurrenceDate({
      anchor,
      time,
      recurrence: schedule.recurrence!,
      zone,
      now,
      firstMayBePast: schedule.mode !== 'local',
      ...(previous ? { after: dateOf(previous.schedule) } : {}),
    });
    const occurrenceSchedule: CampaignSchedule =
      schedule.mode === 'local'
        ? { mode: 'local', localTime: time, localDate: date }
        : { mode: 'at', at: localInstant(date, time, zone).toISOString() };
    const startAt = startOf(occurrenceSchedule)!;
    const later = startAt > now;
    const id = newId();
    // Everything the series says of what and to whom; its own times and ids stay its own.
    const copied = Object.fromEntries(Object.entries(parent).filter(([key]) => !notCopied.has(key))) as Omit<
      CampaignRow,
      'id' | 'createdAt' | 'updatedAt' | 'startedAt' | 'finishedAt' | 'flowVersion'
    >;
    const [occurrence] = await db
      .insert(campaigns)
      .values({
        ...copied,
        id,
        parentId: parent.id,
        schedule: occurrenceSchedule,
        status: later ? 'scheduled' : 'running',
        workflowId: campaignWorkflowId(id),
        ...(later ? {} : { startedAt: now }),
      })
      .returning();
    await startRun(occurrence!, later ? startAt : undefined);
    return occurrence;
  }

  return {
    scheduleNext,
    /** The series' occurrence going now (paused ones included), for pause/resume/cancel to reach. */
    liveOccurrences,
  };
}
