import { sql, type SQL } from 'drizzle-orm';

/** A rollup bucket: 15 minutes, the greatest common divisor of every time zone's UTC offset. */
export const bucketMs = 15 * 60_000;

/** Statuses a run does not leave by itself: only such runs are rolled up. */
export const endedStatuses = ['completed', 'failed', 'cancelled', 'abandoned', 'skipped'] as const;

export const endedStatusList = sql.raw(endedStatuses.map((s) => `'${s}'`).join(', '));

/** The smallest uuid v7 of an instant given in SQL (the SQL twin of run-filter's uuidV7Floor). */
export const uuidFloorSql = (instant: SQL) =>
  sql`(lpad(to_hex((extract(epoch from ${instant}) * 1000)::bigint), 12, '0') || '70008000000000000000')::uuid`;

/** The columns every figure row has, in the order the rollup table is written. */
export const figureColumns = sql.raw(
  'workspace_id, flow_id, version, bucket, kind, node_id, port, status, nodes, node_type, n, runs, seconds, timed, delivered, read, replied, failed',
);

/**
 * Every figure of flow analytics for a set of runs, one row per (workspace, flow, version, bucket)
 * and kind of figure — the rollup's rows exactly, so the rollup job inserts them as they are and the
 * live read sums them the same way:
 * - `node`: entries (n), runs that entered (runs), seconds and timed entries for the mean;
 * - `port`: times left by each port; `last`: runs whose last step is the node, by run status;
 * - `set`: runs per set of visited nodes (the funnels); `status`: runs per status;
 * - `delivery`: the sending node's outbound messages (n) by what became of them.
 * `picked` selects (id, status, workspace_id, flow_id, version, bucket) of runs other than skipped.
 * Key parts a kind does not use are '' or '{}' (the rollup's primary key has no nulls).
 */
export function figureRows(picked: SQL): SQL {
  const zero = sql.raw('0::bigint');
  return sql`
    with picked as materialized (${picked}),
    steps as materialized (
      select p.workspace_id, p.flow_id, p.version, p.bucket, s.run_id, s.seq, s.node_id, s.node_type,
        s.port, s.entered_at, s.left_at
      from picked p cross join lateral (
        -- offset 0 keeps this a per-run probe of the (run_id, seq) key: flattened into a join,
        -- the planner hashes all of run_steps once the period holds ~10,000 runs (seconds at 1M).
        select * from run_steps where run_id = p.id offset 0
      ) s
    ),
    last_steps as (
      select distinct on (s.run_id) s.workspace_id, s.flow_id, s.version, s.bucket, s.node_id, p.status
      from steps s join picked p on p.id = s.run_id
      order by s.run_id, s.seq desc
    ),
    visited as (
      select workspace_id, flow_id, version, bucket, array_agg(distinct node_id order by node_id) as nodes
      from steps group by workspace_id, flow_id, version, bucket, run_id
    ),
    -- replied: an inbound message on the same run came after it (uuid v7: later is a larger id).
    sent as (
      select p.workspace_id, p.flow_id, p.version, p.bucket, m.node_id,
        (m.status in ('delivered', 'read') or o.opened) as delivered,
        (m.status = 'read' or o.opened) as read,
        m.status in ('failed', 'undelivered', 'expired', 'bounced') as failed,
        exists (
          select 1 from messages r where r.run_id = m.run_id and r.id > m.id and r.direction = 'inbound'
        ) as replied
      from picked p cross join lateral (
        select * from messages where run_id = p.id and direction = 'outbound' and node_id is not null offset 0
      ) m cross join lateral (
        select exists (
          select 1 from email_events e where e.message_id = m.id and e.type = 'open' and not e.proxy
        ) as opened
      ) o
    )
    select workspace_id, flow_id, version, bucket, 'node'::text as kind, node_id, ''::text as port,
      ''::text as status, '{}'::text[] as nodes, min(node_type) as node_type, count(*) as n,
      count(distinct run_id) as runs,
      coalesce(sum(extract(epoch from left_at - entered_at)) filter (where port is not null), 0)::numeric as seconds,
      count(*) filter (where port is not null) as timed,
      ${zero} as delivered, ${zero} as read, ${zero} as replied, ${zero} as failed
    from steps group by workspace_id, flow_id, version, bucket, node_id
    union all
    select workspace_id, flow_id, version, bucket, 'port', node_id, port, '', '{}', null, count(*),
      ${zero}, 0, ${zero}, ${zero}, ${zero}, ${zero}, ${zero}
    from steps where port is not null group by workspace_id, flow_id, version, bucket, node_id, port
    union all
    select workspace_id, flow_id, version, bucket, 'last', node_id, '', status, '{}', null, count(*),
      ${zero}, 0, ${zero}, ${zero}, ${zero}, ${zero}, ${zero}
    from last_steps group by workspace_id, flow_id, version, bucket, node_id, status
    union all
    select workspace_id, flow_id, version, bucket, 'set', '', '', '', nodes, null, count(*),
      ${zero}, 0, ${zero}, ${zero}, ${zero}, ${zero}, ${zero}
    from visited group by workspace_id, flow_id, version, bucket, nodes
    union all
    select workspace_id, flow_id, version, bucket, 'status', '', '', status, '{}', null, count(*),
      ${zero}, 0, ${zero}, ${zero}, ${zero}, ${zero}, ${zero}
    from picked group by workspace_id, flow_id, version, bucket, status
    union all
    select workspace_id, flow_id, version, bucket, 'delivery', node_id, '', '', '{}', null, count(*),
      ${zero}, 0, ${zero}, count(*) filter (where delivered), count(*) filter (where read),
      count(*) filter (where replied), count(*) filter (where failed)
    from sent group by workspace_id, flow_id, version, bucket, node_id`;
}
