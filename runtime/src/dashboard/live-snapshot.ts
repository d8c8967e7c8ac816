import { and, eq, inArray } from 'drizzle-orm';
import { sql } from 'drizzle-orm';
import { campaigns, queryRows, workspaces, type Db } from '@omniflow/db';
import { effectiveRate } from '../campaigns/account-rate.ts';
import { campaignStats } from '../campaigns/campaign-stats.ts';
import { latestHealth, type ComponentState } from '../health/health-queries.ts';

export interface LiveSnapshot {
  /** When the figures were read (ISO-8601). */
  at: string;
  timezone: string;
  calls: { inIvr: number; waitingInQueue: number; withAgent: number; abandonedToday: number };
  conversations: { channel: string; open: number }[];
  /** The last 60 minutes, oldest first, every minute present. */
  runsPerMinute: { minute: string; started: number; completed: number; failed: number }[];
  /** The last 60 minutes per channel, oldest first (channels with no traffic are left out). */
  messagesPerMinute: {
    channel: string;
    minutes: { minute: string; sent: number; delivered: number; failed: number }[];
  }[];
  campaigns: {
    id: string;
    name: string;
    kind: string;
    targeted: number;
    sent: number;
    delivered: number;
    failed: number;
    /** Handled (sent or skipped) over targeted, 0..1. */
    progress: number;
    remaining: number;
    /** Messages per second the forecast assumes; null when unknown. */
    rate: number | null;
    /** When it should be done at that rate (ISO-8601); null when unknown. */
    finishAt: string | null;
  }[];
  health: ComponentState[];
}

const minuteMs = 60_000;

/** The lowest uuid v7 of an instant: ids sort by creation time, so "since t" is an index range. */
export function uuidV7Floor(at: number): string {
  const hex = Math.max(0, Math.floor(at)).toString(16).padStart(12, '0');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-0000-0000-000000000000`;
}

const n = (value: string | number | null | undefined) => Number(value ?? 0);
const minuteKey = (value: Date | string) => new Date(value).toISOString();

/**
 * The dashboard's figures for one workspace, in a handful of aggregate queries (the hub runs
 * them once per tick for everyone watching). Definitions, as the README states them:
 * - calls are runs of voice flows (their trigger input has `callId`) still going: waiting in a
 *   queue while their current step is `voice.enqueue`, with an agent while it is `voice.transfer`,
 *   in the IVR otherwise; abandoned today: voice runs the caller hung up on since local midnight;
 * - messages per minute come from each outbound message's status history (messages created in
 *   the last two hours, so a receipt for an older message is not counted here).
 */
export async function liveSnapshot(db: Db, workspaceId: string, now = new Date()): Promise<LiveSnapshot> {
  const ws = sql`${workspaceId}::uuid`;
  const since = now.getTime() - 59 * minuteMs - (now.getTime() % minuteMs);
  const sinceText = new Date(since).toISOString();
  const [workspace] = await db
    .select({ timezone: workspaces.timezone })
    .from(workspaces)
    .where(eq(workspaces.id, workspaceId));
  const timezone = workspace?.timezone ?? 'UTC';

  const [calls, abandoned, conversations, started, ended, messages, running, health] = await Promise.all([
    queryRows<{ in_ivr: string; waiting: string; with_agent: string }>(
      db,
      sql`select count(*) filter (where s.node_type is distinct from 'voice.enqueue' and s.node_type is distinct from 'voice.transfer') as in_ivr,
          count(*) filter (where s.node_type = 'voice.enqueue') as waiting,
          count(*) filter (where s.node_type = 'voice.transfer') as with_agent
        from runs r left join lateral (
          select node_type from run_steps where run_id = r.id and left_at is null order by seq desc limit 1
        ) s on true
        where r.workspace_id = ${ws} and r.status in ('running', 'waiting') and r.input ? 'callId'`,
    ),
    queryRows<{ n: string }>(
      db,
      sql`select count(*) as n from runs
        where workspace_id = ${ws} and status = 'abandoned' and input ? 'callId'
          and ended_at >= (date_trunc('day', ${now.toISOString()}::timestamptz at time zone ${timezone}) at time zone ${timezone})`,
    ),
    queryRows<{ channel: string; n: string }>(
      db,
      sql`select channel, count(*) as n from conversations
        where workspace_id = ${ws} and status <> 'closed' and closed_at is null group by channel order by channel`,
    ),
    queryRows<{ minute: Date | string; n: string }>(
      db,
      sql`select date_trunc('minute', started_at) as minute, count(*) as n from runs
        where workspace_id = ${ws} and id >= ${uuidV7Floor(since)}::uuid and started_at >= ${sinceText}::timestamptz
        group by 1`,
    ),
    queryRows<{ minute: Date | string; completed: string; failed: string }>(
      db,
      sql`select date_trunc('minute', ended_at) as minute,
          count(*) filter (where status = 'completed') as completed,
          count(*) filter (where status = 'failed') as failed
        from runs
        where workspace_id = ${ws} and details_expired_at is null and ended_at >= ${sinceText}::timestamptz
        group by 1`,
    ),
    queryRows<{ minute: Date | string; channel: string; sent: string; delivered: string; failed: string }>(
      db,
      sql`select date_trunc('minute', (e->>'at')::timestamptz) as minute, m.channel,
          count(*) filter (where e->>'status' = 'sent') as sent,
          count(*) filter (where e->>'status' = 'delivered') as delivered,
          count(*) filter (where e->>'status' in ('failed', 'undelivered', 'bounced', 'expired')) as failed
        from messages m, jsonb_array_elements(m.status_history) e
        where m.workspace_id = ${ws} and m.direction = 'outbound'
          and m.status in ('queued', 'sent', 'delivered', 'read', 'failed', 'undelivered', 'expired', 'bounced')
          and m.id >= ${uuidV7Floor(since - 61 * minuteMs)}::uuid
          and (e->>'at')::timestamptz >= ${sinceText}::timestamptz
        group by 1, 2`,
    ),
    db
      .select()
      .from(campaigns)
      .where(and(eq(campaigns.workspaceId, workspaceId), inArray(campaigns.status, ['running'])))
      .orderBy(campaigns.createdAt)
      .limit(20),
    latestHealth(db, workspaceId, now),
  ]);

  const minutes = Array.from({ length: 60 }, (_, i) => new Date(since + i * minuteMs).toISOString());
  const startedBy = new Map(started.map((r) => [minuteKey(r.minute), n(r.n)]));
  const endedBy = new Map(ended.map((r) => [minuteKey(r.minute), r]));
  const channels = [...new Set(messages.map((m) => m.channel))].sort();
  const messagesBy = new Map(messages.map((m) => [`${m.channel}/${minuteKey(m.minute)}`, m]));

  const campaignRows = await Promise.all(
    running.map(async (row) => {
      // The same figures and forecast as the campaign's own page (its limit included).
      const stats = await campaignStats(db, row, now, await effectiveRate(db, row));
      const handled = stats.sent + stats.skipped + stats.failed;
      const rate = stats.forecast.rate;
      const remaining = stats.forecast.remaining;
      return {
        id: row.id,
        name: row.name,
        kind: row.kind,
        targeted: stats.targeted,
        sent: stats.sent,
        delivered: stats.delivered,
        failed: stats.failed + stats.undelivered,
        progress: stats.targeted === 0 ? 0 : Math.min(1, handled / stats.targeted),
        remaining,
        rate,
        finishAt: stats.forecast.finishAt,
      };
    }),
  );

  const [c] = calls;
  return {
    at: now.toISOString(),
    timezone,
    calls: {
      inIvr: n(c?.in_ivr),
      waitingInQueue: n(c?.waiting),
      withAgent: n(c?.with_agent),
      abandonedToday: n(abandoned[0]?.n),
    },
    conversations: conversations.map((r) => ({ channel: r.channel, open: n(r.n) })),
    runsPerMinute: minutes.map((minute) => ({
      minute,
      started: startedBy.get(minute) ?? 0,
      completed: n(endedBy.get(minute)?.completed),
      failed: n(endedBy.get(minute)?.failed),
    })),
    messagesPerMinute: channels.map((channel) => ({
      channel,
      minutes: minutes.map((minute) => {
        const row = messagesBy.get(`${channel}/${minute}`);
        return { minute, sent: n(row?.sent), delivered: n(row?.delivered), failed: n(row?.failed) };
      }),
    })),
    campaigns: campaignRows,
    health,
  };
}
