/*
 * The set-based statements that rewrite the report rollups of the ranges in `report_rollup_todo`
 * (a transaction's temporary table of workspace, from, to: whole 15-minute buckets, disjoint per
 * workspace). Each table's rows in the ranges are deleted and inserted again from the source rows,
 * grouped: a bucket is always recomputed whole, never incremented, so a pass run twice, or a group
 * that disappears (a 'sent' message now 'delivered'), still leaves exact figures. Plain SQL text
 * with no parameters: the ranges come from the table.
 */

/** A source row (alias `alias`) whose `instant` lies in one of the ranges. */
const inTodo = (
  alias: string,
  instant: string,
) => `join report_rollup_todo t on t.workspace_id = ${alias}.workspace_id
    and ${alias}.${instant} >= t.range_from and ${alias}.${instant} < t.range_to`;

const clear = (table: string) => `delete from ${table} r using report_rollup_todo t
    where r.workspace_id = t.workspace_id and r.bucket_start >= t.range_from and r.bucket_start < t.range_to`;

/** Messages, with each mail's opens, clicks, bounces, unsubscribes and complaints (as the email report counts them). */
const messages = `insert into report_message_rollup (workspace_id, bucket_start, channel, direction, campaign_id,
      flow_id, flow_version, status, error_code, messages, opened_unique, opened_total, clicked_unique,
      clicked_total, bounced_unique, bounced_total, unsubscribed_unique, unsubscribed_total,
      complained_unique, complained_total)
    with m as materialized (
      select m.id, m.workspace_id, m.created_at, m.channel, m.direction, m.campaign_id, m.run_id, m.status,
        case when m.status in ('delivered', 'read', 'queued', 'sent') then null else m.error_code end as error_code
      from messages m ${inTodo('m', 'created_at')}),
    e as (
      select e.message_id,
        count(*) filter (where e.type = 'open' and not e.proxy) as opened,
        count(*) filter (where e.type = 'click') as clicked,
        count(*) filter (where e.type = 'bounce') as bounced,
        count(*) filter (where e.type = 'unsubscribe') as unsubscribed,
        count(*) filter (where e.type = 'complaint') as complained
      from email_events e
      where e.message_id in (select m.id from m where m.channel = 'email' and m.direction = 'outbound')
      group by e.message_id)
    select m.workspace_id, report_rollup_bucket(m.created_at), m.channel, m.direction, m.campaign_id,
      r.flow_id, r.version, m.status, m.error_code, count(*),
      count(*) filter (where e.opened > 0), coalesce(sum(e.opened), 0),
      count(*) filter (where e.clicked > 0), coalesce(sum(e.clicked), 0),
      count(*) filter (where e.bounced > 0 or m.status = 'bounced'),
      coalesce(sum(greatest(e.bounced, case when m.status = 'bounced' then 1 else 0 end)), 0),
      count(*) filter (where e.unsubscribed > 0), coalesce(sum(e.unsubscribed), 0),
      count(*) filter (where e.complained > 0), coalesce(sum(e.complained), 0)
    from m left join e on e.message_id = m.id left join runs r on r.id = m.run_id
    group by 1, 2, 3, 4, 5, 6, 7, 8, 9`;

/**
 * Calls, with the queue, agent and wait of the call's last agent-queue step (as the call traffic
 * report reads them). Answered means picked up and not ended by the caller, abandoned that the
 * caller hung up first.
 */
const calls = `insert into report_call_rollup (workspace_id, bucket_start, flow_id, flow_version, queue, agent,
      offered, answered, abandoned, transferred, waited_sum, waited_n, handled_sum, handled_n)
    with c as (
      select cr.workspace_id, cr.started_at, cr.answered_at, cr.duration_ms, cr.hangup_side, cr.flow_id,
        r.version, q.queue, q.agent, q.waited_ms,
        cr.answered_at is not null and cr.hangup_side is distinct from 'caller' as handled
      from call_records cr ${inTodo('cr', 'started_at')}
        left join runs r on r.id = cr.run_id
        left join lateral (
          select s.output->>'queue' as queue, s.output->>'agent' as agent, (s.output->>'waitedMs')::float8 as waited_ms
          from run_steps s
          where s.run_id = cr.run_id and s.workspace_id = cr.workspace_id and s.node_type = 'voice.enqueue'
          order by s.seq desc limit 1) q on true)
    select c.workspace_id, report_rollup_bucket(c.started_at), c.flow_id, c.version, c.queue, c.agent,
      count(*), count(*) filter (where c.handled), count(*) filter (where c.hangup_side = 'caller'),
      count(*) filter (where c.hangup_side = 'transfer'), sum(c.waited_ms), count(c.waited_ms),
      sum(c.duration_ms) filter (where c.handled), count(c.duration_ms) filter (where c.handled)
    from c group by 1, 2, 3, 4, 5, 6`;

/** The quota ledger: its changes summed per channel, campaign and reason. */
const quota = `insert into report_quota_rollup (workspace_id, bucket_start, channel, campaign_id, reason, delta)
    select l.workspace_id, report_rollup_bucket(l.at), l.channel, l.campaign_id, l.reason, sum(l.delta)
    from quota_ledger l ${inTodo('l', 'at')}
    group by 1, 2, 3, 4, 5`;

/** In order: each table cleared of the ranges, then filled again. */
export const reportRollupStatements: { step: string; text: string }[] = [
  { step: 'clear messages', text: clear('report_message_rollup') },
  { step: 'roll up messages', text: messages },
  { step: 'clear calls', text: clear('report_call_rollup') },
  { step: 'roll up calls', text: calls },
  { step: 'clear quota', text: clear('report_quota_rollup') },
  { step: 'roll up quota', text: quota },
];
