import { sql } from 'drizzle-orm';
import { queryRows, type Db } from '@omniflow/db';
import type { CampaignChannel } from '@omniflow/db';

/** A channel's bag for its current period, as the API, the builder and the gate read it. */
export interface QuotaStatus {
  channel: CampaignChannel;
  period: 'month' | 'year' | 'total';
  amount: number;
  overdraft: number;
  warnPercent: number;
  periodStart: Date;
  /** Null for a bag with no period (`total`). */
  periodEnd: Date | null;
  /** Delivered SMS/WhatsApp segments and accepted mails this period, less refunds. */
  used: number;
  /** Top-ups and adjustments this period (negative when an admin took some away). */
  added: number;
  /** amount + added: what `used` is measured against. */
  limit: number;
  /** limit − used; equals amount + the sum of this period's ledger rows. Below 0 in overdraft. */
  remaining: number;
  percent: number;
  /** At or past warnPercent. */
  warning: boolean;
  /** No more sends may go: used (with what is under way) reached limit + overdraft. */
  exhausted: boolean;
  /** Sent and not yet delivered or failed (last 24 h): what may still count. */
  inFlight: number;
}

interface Row {
  channel: CampaignChannel;
  period: QuotaStatus['period'];
  amount: number | string;
  overdraft: number | string;
  warn_percent: number | string;
  period_start: Date | string;
  period_end: Date | string | null;
  consumed: number | string;
  added: number | string;
  in_flight: number | string;
}

// \`now\` comes from JavaScript in whole milliseconds while PostgreSQL keeps microseconds: a row
// written in the same millisecond as \`now\` is not in the future, hence "< now + 1 ms" below.

// A receipt can arrive a day late (an SMSC retrying a phone that was off); a send older than
// this with no receipt will not be counted, so it no longer holds the bag.
const inFlightWindow = '24 hours';

/**
 * Periods start on the bag's own day (a bag bought on 15 March renews on the 15th), as
 * PostgreSQL's interval arithmetic steps months: 31 January + 1 month is 28/29 February.
 */
const periodStartSql = (now: string) => sql`case
  when q.period = 'total' or ${now}::timestamptz < q.starts_at then q.starts_at
  when q.period = 'year' then q.starts_at
    + make_interval(years => extract(year from age(${now}::timestamptz, q.starts_at))::int)
  else q.starts_at + make_interval(months => (extract(year from age(${now}::timestamptz, q.starts_at)) * 12
    + extract(month from age(${now}::timestamptz, q.starts_at)))::int) end`;

/** Every bag of a workspace with its current period's use: one statement, whatever the channels. */
export async function quotaStatuses(db: Db, workspaceId: string, now = new Date()): Promise<QuotaStatus[]> {
  const at = now.toISOString();
  const rows = await queryRows<Row>(
    db,
    sql`
    with q as (select q.*, ${periodStartSql(at)} as period_start from quotas q where q.workspace_id = ${workspaceId}::uuid)
    select q.channel, q.period, q.amount, q.overdraft, q.warn_percent, q.period_start,
      case q.period when 'month' then q.period_start + interval '1 month'
        when 'year' then q.period_start + interval '1 year' end as period_end,
      coalesce(l.consumed, 0) as consumed, coalesce(l.added, 0) as added, coalesce(f.in_flight, 0) as in_flight
    from q
    left join lateral (
      select -sum(delta) filter (where reason in ('delivered', 'accepted', 'refund')) as consumed,
        sum(delta) filter (where reason in ('top_up', 'adjustment')) as added
      from quota_ledger l
      where l.workspace_id = q.workspace_id and l.channel = q.channel and l.at >= q.period_start
        and l.at < ${at}::timestamptz + interval '1 millisecond') l on true
    left join lateral (
      select sum(m.segments) as in_flight from messages m
      where m.workspace_id = q.workspace_id and m.channel = q.channel and m.direction = 'outbound'
        and m.status in ('queued', 'sent') and (m.channel <> 'email' or m.status = 'queued')
        and m.created_at > ${at}::timestamptz - interval '${sql.raw(inFlightWindow)}') f on true
    order by q.channel`,
  );
  return rows.map((row) => {
    const amount = Number(row.amount);
    const overdraft = Number(row.overdraft);
    const warnPercent = Number(row.warn_percent);
    const used = Number(row.consumed);
    const added = Number(row.added);
    const inFlight = Number(row.in_flight);
    const limit = amount + added;
    const percent = limit > 0 ? Math.round((used / limit) * 1000) / 10 : used > 0 ? 100 : 0;
    return {
      channel: row.channel,
      period: row.period,
      amount,
      overdraft,
      warnPercent,
      periodStart: new Date(row.period_start),
      periodEnd: row.period_end == null ? null : new Date(row.period_end),
      used,
      added,
      limit,
      remaining: limit - used,
      percent,
      warning: percent >= warnPercent,
      exhausted: used + inFlight >= limit + overdraft,
      inFlight,
    };
  });
}
