import { sql } from 'drizzle-orm';
import { queryRows, type Db } from '@omniflow/db';
import type { EffectiveRate } from './account-rate.ts';

export interface CampaignCounts {
  targeted: number;
  skipped: number;
  skippedByReason: Record<string, number>;
  /** A/B: waiting for the test's winner. */
  held: number;
  /** Not handed to the provider yet: waiting for their time, or their message row written. */
  queued: number;
  /** Handed to the provider (whatever came back since). */
  sent: number;
  delivered: number;
  /** Handed over, no receipt yet. */
  pending: number;
  undelivered: number;
  undeliveredByCode: Record<string, number>;
  failed: number;
  opened: number;
  clicked: number;
  bounced: number;
  unsubscribed: number;
  replied: number;
  /** Voice campaigns: calls answered, busy, not answered (after their retries), going on now. */
  answered: number;
  busy: number;
  noAnswer: number;
  calling: number;
}

export interface ChannelSends {
  channel: string;
  /** Handed to the provider on this channel (a person moved on by fallback counts on each). */
  sent: number;
  delivered: number;
  pending: number;
  /** Undelivered, failed, bounced or expired. */
  notDelivered: number;
}

export interface CampaignStats extends CampaignCounts {
  /** People whose message arrived on some channel (delivered; accepted for mail): each once. */
  reached: number;
  /** Sends per channel, in the campaign's order of channels. */
  channels: ChannelSends[];
  variants: ({ variant: string } & CampaignCounts)[];
  /** Sent and delivered per minute, for the chart. */
  series: { minute: string; sent: number; delivered: number }[];
  forecast: {
    remaining: number;
    /**
     * Messages per second: the last minute's when sending, else the campaign's limit: the lowest of
     * its own rate, its sending account's and the installation's.
     */
    rate: number | null;
    basis: 'measured' | 'limit' | 'none';
    /** Which limit holds the campaign back (null: none does). */
    limitedBy?: EffectiveRate['limitedBy'];
    finishAt: string | null;
  };
}

interface Row {
  variant: string | null;
  targeted: string;
  skipped: string;
  held: string;
  queued: string;
  sent: string;
  delivered: string;
  pending: string;
  undelivered: string;
  failed: string;
  bounced: string;
  opened: string;
  clicked: string;
  unsubscribed: string;
  replied: string;
  answered: string;
  busy: string;
  no_answer: string;
  calling: string;
}

const zero = (): CampaignCounts => ({
  targeted: 0,
  skipped: 0,
  skippedByReason: {},
  held: 0,
  queued: 0,
  sent: 0,
  delivered: 0,
  pending: 0,
  undelivered: 0,
  undeliveredByCode: {},
  failed: 0,
  opened: 0,
  clicked: 0,
  bounced: 0,
  unsubscribed: 0,
  replied: 0,
  answered: 0,
  busy: 0,
  noAnswer: 0,
  calling: 0,
});

const numericKeys = [
  'targeted',
  'skipped',
  'held',
  'queued',
  'sent',
  'delivered',
  'pending',
  'undelivered',
  'failed',
  'bounced',
  'opened',
  'clicked',
  'unsubscribed',
  'replied',
  'answered',
  'busy',
  'calling',
] as const;

/**
 * A campaign's counts, all from SQL: recipients for who was targeted or skipped, their message
 * rows (which delivery receipts update) for what happened next, email_events for opens and
 * clicks, inbound messages after the send for replies. Nothing is counted twice in two places.
 */
export async function campaignStats(
  db: Db,
  campaign: { id: string; ratePerSecond: number | null; channels?: readonly string[] },
  now = new Date(),
  /** The campaign's effective limit (account-rate.ts effectiveRate); its own rate when absent. */
  limit?: EffectiveRate,
): Promise<CampaignStats> {
  const id = sql`${campaign.id}::uuid`;
  const rows = await queryRows<Row>(
    db,
    sql`select r.variant,
        count(*) as targeted,
        count(*) filter (where r.status = 'skipped') as skipped,
        count(*) filter (where r.status = 'held') as held,
        count(*) filter (where r.status = 'pending' or m.status = 'queued') as queued,
        -- Sent without a provider id: handed over when a worker died, never sent again (campaign-sending.ts).
        count(*) filter (where m.provider_message_id is not null or m.status = 'sent') as sent,
        count(*) filter (where m.status in ('delivered', 'read')) as delivered,
        count(*) filter (where m.status = 'sent') as pending,
        count(*) filter (where m.status in ('undelivered', 'expired')) as undelivered,
        count(*) filter (where m.status = 'failed' or (r.status = 'failed' and m.id is null)) as failed,
        count(*) filter (where m.status = 'bounced') as bounced,
        count(*) filter (where exists (select 1 from email_events e where e.message_id = m.id and e.type = 'open' and not e.proxy)) as opened,
        count(*) filter (where exists (select 1 from email_events e where e.message_id = m.id and e.type = 'click')) as clicked,
        count(*) filter (where exists (select 1 from email_events e where e.message_id = m.id and e.type = 'unsubscribe')) as unsubscribed,
        count(*) filter (where m.provider_message_id is not null and exists (
          select 1 from messages i where i.workspace_id = m.workspace_id and i.channel = m.channel
            and i.direction = 'inbound' and i.contact_address = m.contact_address and i.created_at > m.created_at)) as replied,
        count(*) filter (where r.status = 'answered') as answered,
        count(*) filter (where r.status = 'busy') as busy,
        count(*) filter (where r.status = 'no_answer') as no_answer,
        count(*) filter (where r.status = 'calling') as calling
      from campaign_recipients r left join messages m on m.id = r.message_id
      where r.campaign_id = ${id}
      group by r.variant`,
  );
  const [reasons, codes, series, recent, latestDue, perChannel] = await Promise.all([
    queryRows<{ variant: string | null; reason: string; n: string }>(
      db,
      sql`select variant, skip_reason as reason, count(*) as n from campaign_recipients
        where campaign_id = ${id} and status = 'skipped' group by variant, skip_reason`,
    ),
    queryRows<{ variant: string | null; code: string | null; n: string }>(
      db,
      sql`select r.variant, m.error_code as code, count(*) as n
        from campaign_recipients r join messages m on m.id = r.message_id
        where r.campaign_id = ${id} and m.status in ('undelivered', 'expired') group by r.variant, m.error_code`,
    ),
    queryRows<{ minute: Date | string; sent: string; delivered: string }>(
      db,
      sql`select date_trunc('minute', (e->>'at')::timestamptz) as minute,
          count(*) filter (where e->>'status' = 'sent') as sent,
          count(*) filter (where e->>'status' = 'delivered') as delivered
        from messages m, jsonb_array_elements(m.status_history) e
        where m.campaign_id = ${id} and e->>'status' in ('sent', 'delivered')
        group by 1 order by 1`,
    ),
    queryRows<{ n: string }>(
      db,
      sql`select count(*) as n from messages where campaign_id = ${id}
        and provider_message_id is not null and updated_at > ${new Date(now.getTime() - 60_000).toISOString()}::timestamptz
        and created_at > ${new Date(now.getTime() - 60_000).toISOString()}::timestamptz`,
    ),
    queryRows<{ due: Date | string | null }>(
      db,
      sql`select max(due_at) as due from campaign_recipients where campaign_id = ${id} and status = 'pending'`,
    ),
    queryRows<{
      channel: string | null;
      sent: string;
      delivered: string;
      pending: string;
      not_delivered: string;
      reached: string;
    }>(
      db,
      // Grouping sets: one row per channel, and the whole campaign (channel null) for `reached`.
      sql`select channel,
          count(provider_message_id) as sent,
          count(*) filter (where status in ('delivered', 'read')) as delivered,
          count(*) filter (where status = 'sent' and channel <> 'email') as pending,
          count(*) filter (where status in ('undelivered', 'failed', 'bounced', 'expired')) as not_delivered,
          count(distinct contact_id) filter (where status in ('delivered', 'read')
            or (channel = 'email' and status = 'sent')) as reached
        from messages where campaign_id = ${id}
        group by grouping sets ((channel), ())`,
    ),
  ]);

  const total = zero();
  const variants = rows.map((row) => {
    const counts = zero();
    for (const key of numericKeys) {
      counts[key] = Number(row[key]);
      total[key] += counts[key];
    }
    counts.noAnswer = Number(row.no_answer);
    total.noAnswer += counts.noAnswer;
    for (const r of reasons.filter((r) => r.variant === row.variant)) {
      counts.skippedByReason[r.reason] = Number(r.n);
      total.skippedByReason[r.reason] = (total.skippedByReason[r.reason] ?? 0) + Number(r.n);
    }
    for (const c of codes.filter((c) => c.variant === row.variant)) {
      const code = c.code ?? 'unknown';
      counts.undeliveredByCode[code] = Number(c.n);
      total.undeliveredByCode[code] = (total.undeliveredByCode[code] ?? 0) + Number(c.n);
    }
    return { variant: row.variant ?? '', ...counts };
  });

  const remaining = total.queued + total.held;
  const measured = Number(recent[0]?.n ?? 0) / 60;
  const rate = measured > 0 ? measured : limit ? limit.rate : campaign.ratePerSecond;
  const lastDue = latestDue[0]?.due ? new Date(latestDue[0].due).getTime() : 0;
  const finishAt =
    remaining === 0
      ? null
      : rate
        ? new Date(Math.max(now.getTime() + (remaining / rate) * 1000, lastDue)).toISOString()
        : null;
  const order = campaign.channels ?? [];
  const channels = perChannel
    .filter((c) => c.channel !== null)
    .map((c) => ({
      channel: c.channel!,
      sent: Number(c.sent),
      delivered: Number(c.delivered),
      pending: Number(c.pending),
      notDelivered: Number(c.not_delivered),
    }))
    .sort((a, b) => order.indexOf(a.channel) - order.indexOf(b.channel));
  return {
    ...total,
    reached: Number(perChannel.find((c) => c.channel === null)?.reached ?? 0),
    channels,
    variants,
    series: series.map((s) => ({
      minute: new Date(s.minute).toISOString(),
      sent: Number(s.sent),
      delivered: Number(s.delivered),
    })),
    forecast: {
      remaining,
      rate: rate ?? null,
      basis: measured > 0 ? 'measured' : rate ? 'limit' : 'none',
      finishAt,
      limitedBy: limit ? limit.limitedBy : campaign.ratePerSecond ? 'campaign' : null,
    },
  };
}
