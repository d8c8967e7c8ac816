import { sql } from 'drizzle-orm';
import { queryRows, type Db } from '@omniflow/db';

/** How long a campaign with more than one channel waits for a delivery when it names no time. */
export const defaultFallbackMinutes = 60;

// Statuses after which a message will not reach the person on that channel.
const givenUp = sql`('undelivered', 'failed', 'bounced', 'expired')`;
// When the send went out on the workflow's clock (the chunk's `queued` entry), so the deadline
// follows the time-skipping server's time in tests as the schedule does.
const sentAt = sql`(m.status_history->0->>'at')::timestamptz`;
const minutesOf = sql`make_interval(mins => coalesce(c.fallback_after_minutes, ${defaultFallbackMinutes}))`;

/**
 * Moves to their next channel, in one statement, the people whose message on their current
 * channel failed, bounced or was undelivered, or (SMS, WhatsApp: channels with receipts) was not
 * delivered within the campaign's fallback time: back to pending, due now, on the next of the
 * campaign's channels they have a usable address on (not opted out; consent for marketing).
 * People with no such channel keep their outcome. Returns how many moved.
 */
export async function moveToNextChannel(db: Db, campaignId: string, now: string): Promise<number> {
  const moved = await queryRows<{ contact_id: string }>(
    db,
    sql`with c as (
        select id, channels, marketing, fallback_after_minutes from campaigns
        where id = ${campaignId}::uuid and status in ('running', 'paused') and cardinality(channels) > 1),
      moving as (
        select r.contact_id, nx.channel, nx.address
        from campaign_recipients r
        join c on c.id = r.campaign_id
        join messages m on m.id = r.message_id
        cross join lateral (
          select ch.channel, cc.address
          from unnest(c.channels) with ordinality as ch(channel, ord)
          join contact_channels cc on cc.contact_id = r.contact_id and cc.channel = ch.channel
            and cc.opted_out_at is null and (not c.marketing or cc.consent_at is not null)
          where ch.ord > array_position(c.channels, r.channel)
          order by ch.ord, cc.consent_at desc nulls last, cc.id
          limit 1) nx
        where r.campaign_id = ${campaignId}::uuid and r.status in ('sent', 'failed')
          and (m.status in ${givenUp}
            or (m.status = 'sent' and m.channel <> 'email' and ${sentAt} + ${minutesOf} <= ${now}::timestamptz)))
      update campaign_recipients r set channel = moving.channel, address = moving.address, status = 'pending',
        skip_reason = null, message_id = null, due_at = ${now}::timestamptz, updated_at = now()
      from moving
      where r.campaign_id = ${campaignId}::uuid and r.contact_id = moving.contact_id
      returning r.contact_id`,
  );
  return moved.length;
}

/**
 * The earliest fallback deadline after `since` (a send on a channel with a next one, not
 * delivered yet), or null. `since` is when moveToNextChannel last ran: deadlines up to then were
 * dealt with, later ones (even if already past) were not. Mail has no receipts: it waits only to
 * hear of a bounce.
 */
export async function nextFallbackDeadline(db: Db, campaignId: string, since: string): Promise<Date | null> {
  const [row] = await queryRows<{ at: Date | string | null }>(
    db,
    sql`select min(${sentAt} + ${minutesOf}) as at
      from campaign_recipients r
      join campaigns c on c.id = r.campaign_id
      join messages m on m.id = r.message_id
      where r.campaign_id = ${campaignId}::uuid and c.status in ('running', 'paused')
        and cardinality(c.channels) > 1 and array_position(c.channels, r.channel) < cardinality(c.channels)
        and r.status = 'sent' and m.status = 'sent'
        and ${sentAt} + ${minutesOf} > ${since}::timestamptz`,
  );
  return row?.at ? new Date(row.at) : null;
}
