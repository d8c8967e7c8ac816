import { sql } from 'drizzle-orm';
import { queryRows, type Db } from '@omniflow/db';

/**
 * Removes the details (steps, events) of runs that ended longer ago than their workspace keeps
 * them, leaving a summary on the run row: status, times, input, output, error and the path.
 * Works in batches so a first sweep over millions of runs never holds one huge transaction.
 */
export async function compactExpiredRuns(
  db: Db,
  options: { now?: Date; batchSize?: number; onBatch?: (compacted: number) => void } = {},
): Promise<number> {
  const now = (options.now ?? new Date()).toISOString();
  const batchSize = options.batchSize ?? 500;
  let total = 0;
  for (;;) {
    const rows = await queryRows<{ id: string }>(
      db,
      sql`
      with victims as (
        select r.id from runs r join workspaces w on w.id = r.workspace_id
        where r.details_expired_at is null and r.ended_at is not null
          and r.ended_at < ${now}::timestamptz - make_interval(days => w.run_retention_days)
        order by r.ended_at
        limit ${batchSize}
        for update of r skip locked
      ), summaries as (
        select v.id, count(s.seq)::int as step_count,
          coalesce(jsonb_agg(s.node_id order by s.seq) filter (where s.seq is not null), '[]'::jsonb) as path,
          (array_agg(s.node_id order by s.seq desc) filter (where s.seq is not null))[1] as last_node_id
        from victims v left join run_steps s on s.run_id = v.id
        group by v.id
      ), gone_steps as (
        delete from run_steps where run_id in (select id from victims) returning 1
      ), gone_events as (
        delete from run_events where run_id in (select id from victims) returning 1
      )
      update runs set
        details_expired_at = ${now}::timestamptz,
        summary = jsonb_build_object('stepCount', s.step_count, 'path', s.path, 'lastNodeId', s.last_node_id)
      from summaries s
      where runs.id = s.id
      returning runs.id`,
    );
    total += rows.length;
    options.onBatch?.(rows.length);
    if (rows.length < batchSize) return total;
  }
}
