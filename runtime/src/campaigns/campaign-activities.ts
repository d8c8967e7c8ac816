import { emitWebhookEvents } from '../webhooks/emit-webhook-events.ts';
import { campaignWebhookEvent } from '../webhooks/campaign-webhook-events.ts';
import { Context } from '@temporalio/activity';
import { and, eq, inArray, sql } from 'drizzle-orm';
import { campaigns, queryRows, type Db } from '@omniflow/db';
import type { RulesCondition } from '../segments/segment-page.ts';
import type { Client } from '@temporalio/client';
import { targetPage } from './campaign-targeting.ts';
import { moveToNextChannel, nextFallbackDeadline } from './campaign-fallback.ts';
import { createCampaignSeries } from './campaign-series.ts';
import { abTestEndSql, settleAbTest } from './campaign-ab.ts';
import { sendCampaignChunk, type CampaignSendDeps, type ChunkInput } from './campaign-sending.ts';
import { flowVersionAtStart, startJourneyChunk, type JourneyStartDeps } from './journey-starts.ts';

/** Temporal's clock when the activity was scheduled (the time-skipping server's in tests), else ours. */
function serverNow(): Date {
  try {
    return new Date(Context.current().info.currentAttemptScheduledTimestampMs);
  } catch {
    return new Date();
  }
}

/** What campaignRun does on the flow task queue: page the segment, find the next due send, finish. */
export function createCampaignControlActivities(
  db: Db,
  options: {
    rules?: RulesCondition;
    fallbackPollMs?: number;
    /** With a client, an ended occurrence of a recurring campaign schedules the next one. */
    temporal?: Client;
    taskQueue?: string;
  } = {},
) {
  const fallbackPollMs = options.fallbackPollMs ?? 60_000;
  const series =
    options.temporal && options.taskQueue
      ? createCampaignSeries({ db, temporal: options.temporal, taskQueue: options.taskQueue })
      : undefined;
  return {
    async campaignTargetPage(input: { campaignId: string; afterId?: string; limit: number; now: string }) {
      return targetPage(db, input, options.rules);
    },
    /**
     * When campaignRun must look again: the earliest send still waiting (a local time, the end of
     * quiet hours, a call's retry), the end of an A/B test for the people held for its winner, or
     * a fallback deadline; null when there is none and the campaign is done. While a fallback may
     * still happen it looks at least every `fallbackPollMs`, so a failure receipt moves the person
     * on without waiting for the deadline; while calls are going on, a few seconds from now: a
     * busy or unanswered one may come back as a retry.
     *
     * `fallbackCheckedAt` is the instant the fallback statement last looked (the workflow's
     * clock when it ran): a deadline that passed since then has not been acted on, so it is
     * answered (in the past: look again at once) rather than forgotten. Measured from `now`
     * instead, a deadline falling while the statement's round was running (a slow database, a
     * loaded worker) was neither moved nor waited for, and the campaign could end with that
     * person never getting the next channel.
     */
    async campaignNextDue(
      campaignId: string,
      now?: string,
      fallbackCheckedAt?: string,
    ): Promise<string | null> {
      const at = now ?? new Date().toISOString();
      const [[row], deadline] = await Promise.all([
        queryRows<{ due: Date | string | null; held: Date | string | null }>(
          db,
          sql`select least(min(r.due_at) filter (where r.status = 'pending'),
              case when bool_or(r.status = 'calling') then ${at}::timestamptz + interval '3 seconds' end) as due,
              min(r.due_at) filter (where r.status = 'held') as held
            from campaign_recipients r join campaigns c on c.id = r.campaign_id
            where r.campaign_id = ${campaignId}::uuid and r.status in ('pending', 'calling', 'held')
              and c.status <> 'cancelled'`,
        ),
        nextFallbackDeadline(db, campaignId, fallbackCheckedAt ?? at),
      ]);
      let held = row?.held ?? null;
      // Only an A/B campaign still holding people pays for reading its test's end.
      if (held) {
        const [end] = await queryRows<{ at: Date | string | null }>(
          db,
          sql`select ${abTestEndSql(campaignId)} as at`,
        );
        if (end?.at && new Date(end.at) > new Date(held)) held = end.at;
      }
      const times = [row?.due ?? null, held]
        .filter((t): t is Date | string => t !== null)
        .map((t) => new Date(t).getTime());
      const fallback = deadline ? Math.min(deadline.getTime(), Date.parse(at) + fallbackPollMs) : Infinity;
      const next = Math.min(...times, fallback);
      return next === Infinity ? null : new Date(next).toISOString();
    },
    /**
     * Moves people whose send failed or timed out to their next channel (one statement, when
     * asked), then
     * cuts the due recipients of each channel into up to `chunks` contact-id ranges of
     * `chunkSize`: chunks that run at once on the channel's queue, each on its own people, and a
     * retried one takes the same people again.
     */
    async campaignDueRanges(input: {
      campaignId: string;
      now: string;
      chunkSize: number;
      chunks: number;
      /** Whether to run the fallback statement first (false: the workflow ran it moments ago). */
      fallback?: boolean;
    }) {
      // An A/B test that is over releases its held people to the winner first: they are due now.
      await settleAbTest(db, input.campaignId, input.now);
      if (input.fallback ?? true) await moveToNextChannel(db, input.campaignId, input.now);
      const ids = await queryRows<{ channel: string; contact_id: string }>(
        db,
        sql`select ch.channel, r.contact_id
          from campaigns c cross join unnest(c.channels) as ch(channel)
          cross join lateral (
            select contact_id from campaign_recipients
            where campaign_id = c.id and channel = ch.channel and status = 'pending'
              and due_at <= ${input.now}::timestamptz
            order by contact_id limit ${input.chunkSize * input.chunks}) r
          where c.id = ${input.campaignId}::uuid
          order by ch.channel, r.contact_id`,
      );
      const ranges: { channel: string; afterId?: string; throughId: string }[] = [];
      const byChannel = new Map<string, string[]>();
      for (const { channel, contact_id } of ids) {
        const own = byChannel.get(channel);
        if (own) own.push(contact_id);
        else byChannel.set(channel, [contact_id]);
      }
      for (const [channel, contacts] of byChannel)
        for (let at = 0; at < contacts.length; at += input.chunkSize) {
          const last = contacts[Math.min(at + input.chunkSize, contacts.length) - 1]!;
          ranges.push({ channel, ...(at > 0 ? { afterId: contacts[at - 1]! } : {}), throughId: last });
        }
      return ranges;
    },
    /** A scheduled campaign starts running when its time comes. */
    async campaignStarted(campaignId: string): Promise<void> {
      const [started] = await db
        .update(campaigns)
        .set({
          status: 'running',
          startedAt: new Date(),
          updatedAt: new Date(),
          flowVersion: flowVersionAtStart,
        })
        .where(and(eq(campaigns.id, campaignId), eq(campaigns.status, 'scheduled')))
        .returning();
      await emitWebhookEvents(db, campaignWebhookEvent(started, 'started'));
    },
    async campaignFinished(campaignId: string, outcome: 'completed' | 'cancelled'): Promise<void> {
      const [ended] = await db
        .update(campaigns)
        .set({ status: outcome, finishedAt: new Date(), updatedAt: new Date() })
        .where(
          and(
            eq(campaigns.id, campaignId),
            inArray(campaigns.status, ['scheduled', 'running', 'paused', 'cancelled']),
          ),
        )
        .returning();
      await emitWebhookEvents(db, campaignWebhookEvent(ended, 'finished'));
      // The next occurrence (none when the series was paused or cancelled meanwhile).
      if (ended?.parentId && series) await series.scheduleNext(ended.parentId, serverNow());
    },
  };
}

/** What runs on a channel's campaign task queue: the chunked sends. */
export function createCampaignSendActivities(deps: Omit<CampaignSendDeps, 'heartbeat'>) {
  return {
    async campaignSendChunk(input: ChunkInput) {
      const context = Context.current();
      // Also between sub-batches: a driver waiting on a slow provider must not look dead.
      const beat = setInterval(() => context.heartbeat(), 5_000);
      try {
        return await sendCampaignChunk(
          { ...deps, heartbeat: (details) => context.heartbeat(details) },
          input,
        );
      } finally {
        clearInterval(beat);
      }
    },
  };
}

/**
 * What runs on the journey queue: under the send activity's name, so campaignRun pages, paces,
 * pauses and cancels a journey exactly as a broadcast; its "send" starts each person's flow run.
 */
export function createJourneyStartActivities(
  deps: Omit<JourneyStartDeps, 'heartbeat'>,
): CampaignSendActivities {
  return {
    async campaignSendChunk(input: ChunkInput) {
      const context = Context.current();
      const beat = setInterval(() => context.heartbeat(), 5_000);
      try {
        return await startJourneyChunk(
          { ...deps, heartbeat: (details) => context.heartbeat(details) },
          input,
        );
      } finally {
        clearInterval(beat);
      }
    },
  };
}

export type CampaignControlActivities = ReturnType<typeof createCampaignControlActivities>;
export type CampaignSendActivities = ReturnType<typeof createCampaignSendActivities>;
