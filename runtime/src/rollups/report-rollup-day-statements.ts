/*
 * The daily rollups: the 15-minute rows summed per whole local day in the workspace's zone, for
 * the days in `report_rollup_days` (workspace, day_start, day_end), which a pass fills with every
 * day it touched that is now rolled up to its end, and with every day of a workspace whose zone
 * changed. Like the 15-minute rows, a day is always rewritten whole. Plain SQL text, no parameters.
 */

const figures = {
  message: `channel, direction, campaign_id, flow_id, flow_version, status, error_code`,
  call: `flow_id, flow_version, queue, agent`,
  quota: `channel, campaign_id, reason`,
  ivr: `flow_id, flow_version, node_id, port`,
};
const sums = {
  message: `messages, opened_unique, opened_total, clicked_unique, clicked_total, bounced_unique, bounced_total,
    unsubscribed_unique, unsubscribed_total, complained_unique, complained_total`,
  call: `offered, answered, abandoned, transferred, waited_sum, waited_n, handled_sum, handled_n`,
  quota: `delta`,
  ivr: `steps, step_ms, step_timed, calls, call_ms`,
};

const clear = (table: string) => `delete from ${table} r using report_rollup_days d
    where r.workspace_id = d.workspace_id and r.day_start = d.day_start`;

function fill(kind: keyof typeof figures): string {
  const total = sums[kind]
    .split(',')
    .map((c) => `sum(r.${c.trim()})`)
    .join(', ');
  const groups = figures[kind]
    .split(',')
    .map((c) => `r.${c.trim()}`)
    .join(', ');
  return `insert into report_${kind}_rollup_daily (workspace_id, day_start, ${figures[kind]}, ${sums[kind]})
    select r.workspace_id, d.day_start, ${groups}, ${total}
    from report_rollup_days d join report_${kind}_rollup r on r.workspace_id = d.workspace_id
      and r.bucket_start >= d.day_start and r.bucket_start < d.day_end
    group by r.workspace_id, d.day_start, ${groups}`;
}

/** In order: each daily table cleared of the days, then filled again from the 15-minute rows. */
export const reportRollupDayStatements: { step: string; text: string }[] = (
  ['message', 'call', 'quota', 'ivr'] as const
).flatMap((kind) => [
  { step: `clear ${kind} days`, text: clear(`report_${kind}_rollup_daily`) },
  { step: `roll up ${kind} days`, text: fill(kind) },
]);

/**
 * Workspaces whose zone is not the one their days were cut in (or that have none yet): their
 * daily rows go, their zone is recorded, and all their rolled-up days are queued to be cut again.
 */
export const rezoneStatements = (rolledUpTo: string): string[] => [
  `create temporary table report_rollup_rezoned on commit drop as
    select w.id as workspace_id, w.timezone as source_timezone,
      case when w.timezone in (select name from pg_timezone_names) then w.timezone else 'UTC' end as timezone
    from workspaces w left join report_rollup_zones z on z.workspace_id = w.id
    where z.workspace_id is null or z.source_timezone is distinct from w.timezone`,
  ...(['message', 'call', 'quota', 'ivr'] as const).map(
    (kind) =>
      `delete from report_${kind}_rollup_daily r using report_rollup_rezoned z where r.workspace_id = z.workspace_id`,
  ),
  `insert into report_rollup_zones (workspace_id, source_timezone, timezone)
    select workspace_id, source_timezone, timezone from report_rollup_rezoned
    on conflict (workspace_id) do update set source_timezone = excluded.source_timezone, timezone = excluded.timezone`,
  // Every day the pass touched, and every rolled-up day of a rezoned workspace, that is whole.
  `create temporary table report_rollup_days on commit drop as
    select distinct r.workspace_id, d.day_start, d.day_end
    from (
      select t.workspace_id, t.range_from, t.range_to from report_rollup_todo t
      union all
      select z.workspace_id, least(
          (select min(bucket_start) from report_message_rollup m where m.workspace_id = z.workspace_id),
          (select min(bucket_start) from report_call_rollup c where c.workspace_id = z.workspace_id),
          (select min(bucket_start) from report_quota_rollup q where q.workspace_id = z.workspace_id)),
        timestamptz '${rolledUpTo}'
      from report_rollup_rezoned z) r
    join report_rollup_zones z on z.workspace_id = r.workspace_id,
    lateral generate_series(date_trunc('day', r.range_from at time zone z.timezone),
      (r.range_to at time zone z.timezone) - interval '1 microsecond', interval '1 day') as local_day,
    lateral (select local_day at time zone z.timezone as day_start,
      (local_day + interval '1 day') at time zone z.timezone as day_end) d
    where r.range_from is not null and r.range_from < r.range_to and d.day_end <= timestamptz '${rolledUpTo}'`,
  `analyze report_rollup_days`,
];
