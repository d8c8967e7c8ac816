// The campaignRun workflow (DESIGN.md §6): workflow code, so only Temporal's workflow API and types.
import {
  condition,
  continueAsNew,
  defineQuery,
  defineSignal,
  patched,
  proxyActivities,
  setHandler,
  workflowInfo,
} from '@temporalio/workflow';
import type { CampaignControlActivities, CampaignSendActivities } from '../campaigns/campaign-activities.ts';

export interface CampaignRunInput {
  campaignId: string;
  /** The first channel's campaign task queue (campaign-task-queue.ts). */
  sendQueue: string;
  /** Each of the campaign's channels' queue (fallback sends go to the next channel's); `sendQueue` when absent. */
  sendQueues?: Record<string, string>;
  /** When a campaign scheduled at an instant begins (its segment is read then). */
  startAt?: string;
  /** Carried over continue-as-new. */
  phase?: 'waiting' | 'targeting' | 'sending';
  afterId?: string;
  paused?: boolean;
  /** People per segment page and per send chunk. */
  pageSize?: number;
  chunkSize?: number;
  /** Chunks sent at once (each its own contact-id range). */
  parallelChunks?: number;
}

export const pauseCampaignSignal = defineSignal('pauseCampaign');
export const resumeCampaignSignal = defineSignal('resumeCampaign');
export const cancelCampaignSignal = defineSignal('cancelCampaign');
export const campaignStateQuery = defineQuery<{ phase: string; paused: boolean; cancelled: boolean }>(
  'campaignState',
);

// Enough history per run to stay far below Temporal's limits; continue-as-new carries the rest.
const stepsPerRun = 200;
const fallbackEveryMs = 30_000;

/**
 * One campaign: wait for its start, write its recipients page by page, then send the due ones
 * chunk by chunk on each channel's queue, sleeping until the next due send (local times, quiet
 * hours) or fallback deadline (a person not reached on one channel is due on the next). Pause holds before the next chunk; cancel ends it there: a chunk in flight finishes,
 * so nothing is sent twice or left half-recorded.
 */
export async function campaignRun(input: CampaignRunInput): Promise<void> {
  let paused = input.paused ?? false;
  let cancelled = false;
  let phase = input.phase ?? 'waiting';
  setHandler(pauseCampaignSignal, () => void (paused = true));
  setHandler(resumeCampaignSignal, () => void (paused = false));
  setHandler(cancelCampaignSignal, () => void (cancelled = true));
  setHandler(campaignStateQuery, () => ({ phase, paused, cancelled }));

  const control = proxyActivities<CampaignControlActivities>({
    startToCloseTimeout: '5m',
    retry: { initialInterval: '1s', maximumInterval: '30s' },
  });
  const queues = new Map<string, CampaignSendActivities>();
  const sendsOn = (channel: string) => {
    const taskQueue = input.sendQueues?.[channel] ?? input.sendQueue;
    let sends = queues.get(taskQueue);
    if (!sends) {
      sends = proxyActivities<CampaignSendActivities>({
        taskQueue,
        startToCloseTimeout: '30m',
        // A killed worker's chunk is tried again on another within this.
        heartbeatTimeout: '20s',
        retry: { initialInterval: '1s', maximumInterval: '30s' },
      });
      queues.set(taskQueue, sends);
    }
    return sends;
  };
  const now = () => new Date().toISOString();
  let steps = 0;
  const tooLong = () => ++steps >= stepsPerRun || workflowInfo().continueAsNewSuggested;
  const holdWhilePaused = () => condition(() => !paused || cancelled);

  if (phase === 'waiting') {
    const wait = input.startAt ? Date.parse(input.startAt) - Date.now() : 0;
    if (wait > 0) await condition(() => cancelled, wait);
    if (!cancelled) await control.campaignStarted(input.campaignId);
    phase = 'targeting';
  }

  const chunkSize = input.chunkSize ?? 200;
  // The workflow's clock when the fallback statement last ran: campaignNextDue counts deadlines
  // from there, so one passing while that round ran is not skipped.
  let fallbackAt: string | undefined;
  /** One round: the due people's chunks, each channel's on its own queue, paced among themselves. */
  const sendDue = async (fallback: boolean) => {
    const at = now();
    if (fallback) fallbackAt = at;
    const ranges = await control.campaignDueRanges({
      campaignId: input.campaignId,
      now: at,
      chunkSize,
      chunks: input.parallelChunks ?? 4,
      fallback,
    });
    await Promise.all(
      ranges.map((range) =>
        sendsOn(range.channel).campaignSendChunk({
          campaignId: input.campaignId,
          now: at,
          limit: chunkSize,
          parallel: ranges.filter((r) => r.channel === range.channel).length,
          ...range,
        }),
      ),
    );
    return ranges.length;
  };

  if (phase === 'targeting') {
    let afterId = input.afterId;
    // Sending starts with the first page: the people due in the pages written so far go out
    // while the next page is read (one round at a time, always finished before the next page's
    // turn, so pause, cancel and continue-as-new find nothing in flight).
    let sending: Promise<unknown> = Promise.resolve();
    for (;;) {
      await holdWhilePaused();
      if (cancelled) break;
      const page = await control.campaignTargetPage({
        campaignId: input.campaignId,
        ...(afterId ? { afterId } : {}),
        limit: input.pageSize ?? 1000,
        now: now(),
      });
      await sending;
      if (page.count === 0) break;
      afterId = page.lastId;
      if (tooLong())
        return continueAsNew<typeof campaignRun>({
          ...input,
          phase: 'targeting',
          paused,
          ...(afterId ? { afterId } : {}),
        });
      // Patched: a campaign that was targeting when this shipped replays its history unchanged.
      if (!paused && !cancelled && patched('campaign-send-while-targeting')) {
        sending = sendDue(false);
        // Awaited after the next page; a failure must not count as unhandled before then.
        sending.catch(() => undefined);
      }
    }
    await sending;
    phase = 'sending';
  }

  // The fallback statement reads every sent recipient: while chunks keep coming it runs every
  // half minute, and always before the workflow sleeps or ends (nobody failed is left behind).
  let fallbackCheckedAt = -Infinity;
  let checkFallbackNext = true;
  while (!cancelled) {
    await holdWhilePaused();
    if (cancelled) break;
    const fallback = checkFallbackNext || Date.now() - fallbackCheckedAt >= fallbackEveryMs;
    if (fallback) fallbackCheckedAt = Date.now();
    checkFallbackNext = false;
    const sentChunks = await sendDue(fallback);
    // Nothing due now (later local times, quiet hours, fallback deadlines): sleep until the next.
    if (sentChunks === 0) {
      checkFallbackNext = true;
      if (!fallback) continue;
      const next = await control.campaignNextDue(input.campaignId, now(), fallbackAt);
      if (!next) break;
      const wait = Date.parse(next) - Date.now();
      // Woken early by pause or cancel; a resume goes back to waiting for the same send.
      if (wait > 0) await condition(() => cancelled, wait);
    }
    if (tooLong())
      return continueAsNew<typeof campaignRun>({ ...input, phase: 'sending', paused, afterId: undefined });
  }
  await control.campaignFinished(input.campaignId, cancelled ? 'cancelled' : 'completed');
}
