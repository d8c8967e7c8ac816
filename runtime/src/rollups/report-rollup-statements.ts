/*
 * The set-based statements that rewrite the report rollups of the ranges in `report_rollup_todo`
 * (a transaction's temporary table of workspace, from, to: whole 15-minute buckets, disjoint per
 * workspace). Each table's rows in the ranges are deleted and inserted again from the source rows,
 * grouped: a bucket is always recomputed whole, never incremented, so a pass run twice, or a group
 * that disappears (a 'sent' message now 'delivered'), still leaves exact figures. Plain SQL text
 * with no parameters: the ranges come from the table.
 */

/**
 * The figures of each menu step in `steps` (a query over run_steps' columns; the parts around
 * steps, callWhere and runWhere are exported for callers that build SQL with parameters, menu steps only), one
 * row per step: workspace_id, entered_at, flow_id, flow_version, node_id, port, steps (1), step_ms,
 * step_timed, calls (1 where it is its call's first menu step) and call_ms. `callWhere` and
 * `runWhere` filter its call record (alias `cr`) and run (alias `r`). Plain SQL text.
 */
export const menuStepFigureParts = [
  `select s.workspace_id, s.entered_at, cr.flow_id, r.version as flow_version, s.node_id, s.port, 1 as steps,
      (extract(epoch from s.left_at - s.entered_at) * 1000)::float8 as step_ms,
      case when s.left_at is null then 0 else 1 end as step_timed,
      case when f.first then 1 else 0 end as calls,
      case when f.first then (extract(epoch from f.last_out - s.entered_at) * 1000)::float8 end as call_ms
    from (`,
  `) s
      cross join lateral (select cr.flow_id, cr.run_id from call_records cr
        where cr.run_id = s.run_id and cr.workspace_id = s.workspace_id and `,
  `
        -- Looked up per step by run: a few steps' estimate can be thousands, and a hash join
        -- then read every call record (offset 0 keeps PostgreSQL from flattening this).
        offset 0) cr
      left join runs r on r.id = cr.run_id
      cross join lateral (
        select not exists (select 1 from run_steps m where m.run_id = s.run_id and m.node_type = 'voice.menu'
            and (m.entered_at, m.seq) < (s.entered_at, s.seq)) as first,
          (select max(m.left_at) from run_steps m where m.run_id = s.run_id and m.node_type = 'voice.menu') as last_out) f
    where `,
] as const;

export const menuStepFigures = (steps: string, callWhere: string, runWhere: string) =>
  menuStepFigureParts[0] + steps + menuStepFigureParts[1] + callWhere + menuStepFigureParts[2] + runWhere;

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

/**
 * Menu steps per menu and option, and each call counted once, at its first menu step (by entry,
 * then order), with the time from that entry to its last exit from a menu; the call's flow from
 * its call record. `menuStepFigures` is shared with the IVR report's live part, so both count alike.
 */
const ivr = `insert into report_ivr_rollup (workspace_id, bucket_start, flow_id, flow_version, node_id, port,
      steps, step_ms, step_timed, calls, call_ms)
    select s.workspace_id, report_rollup_bucket(s.entered_at), s.flow_id, s.flow_version, s.node_id, s.port,
      sum(s.steps), sum(s.step_ms), sum(s.step_timed), sum(s.calls), sum(s.call_ms)
    from (${menuStepFigures(`select s.* from run_steps s ${inTodo('s', 'entered_at')} where s.node_type = 'voice.menu'`, 'true', 'true')}) s
    group by 1, 2, 3, 4, 5, 6`;

/** In order: each table cleared of the ranges, then filled again. */
export const reportRollupStatements: { step: string; text: string }[] = [
  { step: 'clear messages', text: clear('report_message_rollup') },
  { step: 'roll up messages', text: messages },
  { step: 'clear calls', text: clear('report_call_rollup') },
  { step: 'roll up calls', text: calls },
  { step: 'clear ivr', text: clear('report_ivr_rollup') },
  { step: 'roll up ivr', text: ivr },
  { step: 'clear quota', text: clear('report_quota_rollup') },
  { step: 'roll up quota', text: quota },
];
