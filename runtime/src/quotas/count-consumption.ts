import { sql, type SQL } from 'drizzle-orm';

/**
 * The ledger rows of delivery receipts, written by the statement that applies them: `updated`
 * names a CTE of the updated messages (id, workspace_id, channel, segments, campaign_id, run_id,
 * status) with the status each receipt reported (`reported`) and an id for its ledger row
 * (`ledger_id`). A message counts its segments once (the unique (message_id, reason) index),
 * when delivered (or read, which implies it) and not since failed. Email counts when its server
 * accepts it (`countAcceptedSql`), never by receipt; sandbox sends and test runs never count.
 */
export const countDeliveredSql = (updated: SQL) => sql`
  insert into quota_ledger (id, workspace_id, channel, delta, reason, message_id, campaign_id)
  select u.ledger_id, u.workspace_id, u.channel, -u.segments, 'delivered', u.id, u.campaign_id
  from ${updated} u
  where u.reported in ('delivered', 'read') and u.status in ('delivered', 'read') and u.channel <> 'email'
    and u.provider_message_id not like 'sandbox.%'
    and not exists (select 1 from runs r where r.id = u.run_id and r.version = 0)
  on conflict (message_id, reason) where message_id is not null do nothing`;

/**
 * The ledger rows of mails an SMTP server accepted: `marked` names a CTE of the messages just
 * marked sent (id, workspace_id, channel, segments, campaign_id, ledger_id, counts); the sender
 * decides `counts` (a real server, not a test run's or the sandbox's catcher).
 */
export const countAcceptedSql = (marked: SQL) => sql`
  insert into quota_ledger (id, workspace_id, channel, delta, reason, message_id, campaign_id)
  select m.ledger_id, m.workspace_id, m.channel, -m.segments, 'accepted', m.id, m.campaign_id
  from ${marked} m where m.counts
  on conflict (message_id, reason) where message_id is not null do nothing`;
