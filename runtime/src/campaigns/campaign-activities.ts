import { Context } from '@temporalio/activity';
import { and, eq, inArray, sql } from 'drizzle-orm';
import { campaigns, queryRows, type Db } from '@omniflow/db';
import type { RulesCondition } from '../segments/segment-page.ts';
import { targetPage } from './campaign-targeting.ts';
import { abTestEndSql, settleAbTest } from './campaign-ab.ts';
import { sendCampaignChunk, type CampaignSendDeps, type ChunkInput } from './campaign-sending.ts';

/** What campaignRun does on the flow task queue: page the segment, find the next due send, finish. */
export function createCampaignControlActivities(db: Db, options: { rules?: RulesCondition } = {}) {
  return {
    async campaignTargetPage(input: { campaignId: string; afterId?: string; limit: number; now: string }) {
      return targetPage(db, input, options.rules);
    },
    /**
     * The earliest send still waiting (a local time, the end of quiet hours), or for the people
     * held for an A/B winner the end of the test, or null when none is.
     */
    async campaignNextDue(campaignId: string): Promise<string | null> {
      const [row] = await queryRows<{ due: Date | string | null; held: Date | string | null }>(
        db,
        sql`select
            (select min(due_at) from campaign_recipients where campaign_id = ${campaignId}::uuid and status = 'pending') as due,
            (select min(due_at) from campaign_recipients where campaign_id = ${campaignId}::uuid and status = 'held') as held
          from campaigns c where c.id = ${campaignId}::uuid and c.status <> 'cancelled'`,
      );
      if (!row) return null;
      let held = row.held;
      // Only an A/B campaign still holding people pays for reading its test's end.
      if (held) {
        const [end] = await queryRows<{ at: Date | string | null }>(
          db,
          sql`select ${abTestEndSql(campaignId)} as at`,
        );
        if (end?.at && new Date(end.at) > new Date(held)) held = end.at;
      }
      const times = [row.due, held]
        .filter((t): t is Date | string => t !== null)
        .map((t) => new Date(t).getTime());
      return times.length > 0 ? new Date(Math.min(...times)).toISOString() : null;
    },
    /**
     * The due recipients cut into up to `chunks` contact-id ranges of `chunkSize`: chunks that
     * run at once, each on its own people, and a retried one takes the same people again.
     */
    async campaignDueRanges(input: { campaignId: string; now: string; chunkSize: number; chunks: number }) {
      // An A/B test that is over releases its held people to the winner first: they are due now.
      await settleAbTest(db, input.campaignId, input.now);
      const ids = await queryRows<{ contact_id: string }>(
        db,
        sql`select contact_id from campaign_recipients
          where campaign_id = ${input.campaignId}::uuid and status = 'pending' and due_at <= ${input.now}::timestamptz
          order by contact_id limit ${input.chunkSize * input.chunks}`,
      );
      const ranges: { afterId?: string; throughId: string }[] = [];
      for (let at = 0; at < ids.length; at += input.chunkSize) {
        const last = ids[Math.min(at + input.chunkSize, ids.length) - 1]!.contact_id;
        ranges.push({ ...(at > 0 ? { afterId: ids[at - 1]!.contact_id } : {}), throughId: last });
      }
      return ranges;
    },
    /** A scheduled campaign starts running when its time comes. */
    async campaignStarted(campaignId: string): Promise<void> {
      await db
        .update(campaigns)
        .set({ status: 'running', startedAt: new Date(), updatedAt: new Date() })
        .where(and(eq(campaigns.id, campaignId), eq(campaigns.status, 'scheduled')));
    },
    async campaignFinished(campaignId: string, outcome: 'completed' | 'cancelled'): Promise<void> {
      await db
        .update(campaigns)
        .set({ status: outcome, finishedAt: new Date(), updatedAt: new Date() })
        .where(
          and(
            eq(campaigns.id, campaignId),
            inArray(campaigns.status, ['scheduled', 'running', 'paused', 'cancelled']),
          ),
        );
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

export type CampaignControlActivities = ReturnType<typeof createCampaignControlActivities>;
export type CampaignSendActivities = ReturnType<typeof createCampaignSendActivities>;
