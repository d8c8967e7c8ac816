import { sql, type SQL } from 'drizzle-orm';
import { queryRows, type Db } from '@omniflow/db';
import { rollupBucketMs } from '../rollups/roll-up-reports.ts';
import type { ReportFilters } from './report-registry.ts';

/**
 * The part of a report's period the rollup tables answer: whole 15-minute buckets from `from`
 * (inclusive) to `to` (exclusive) and, within them, whole local days (`days`) read from the
 * daily rows where the report is cut in the zone those were cut in.
 */
export interface RollupRange {
  from: string;
  to: string;
  days: { from: string; to: string } | null;
}

/**
 * Which whole buckets of the period are rolled up; the rest (the period's ragged ends and the
 * still-open time since the last pass) is read from the raw rows. Minute buckets read raw rows
 * only: a minute is finer than a rollup bucket, and such periods are short. Read in the report's
 * own transaction, so the reach, the rollups and the raw rows are one snapshot.
 */
export async function rollupRangeOf(
  db: Db,
  workspaceId: string,
  filters: ReportFilters,
): Promise<RollupRange | null> {
  if (filters.bucket === 'minute') return null;
  const [state] = await queryRows<{ rolled_up_to: Date | string; timezone: string | null }>(
    db,
    sql`select s.rolled_up_to, z.timezone from report_rollup_state s
      left join report_rollup_zones z on z.workspace_id = ${workspaceId}::uuid
      where s.name = 'reports'`,
  );
  if (!state) return null;
  const from = Math.ceil(new Date(filters.from).getTime() / rollupBucketMs) * rollupBucketMs;
  const to = Math.min(
    Math.floor(new Date(filters.to).getTime() / rollupBucketMs) * rollupBucketMs,
    new Date(state.rolled_up_to).getTime(),
  );
  if (to <= from) return null;
  const range = { from: new Date(from).toISOString(), to: new Date(to).toISOString(), days: null };
  // Hours are finer than the daily rows; another zone's days are not this one's.
  if (filters.bucket === 'hour' || state.timezone !== filters.timezone) return range;
  const [days] = await queryRows<{ day_from: Date | string; day_to: Date | string }>(
    db,
    sql`select case when date_trunc('day', a.local) = a.local then a.at
          else (date_trunc('day', a.local) + interval '1 day') at time zone ${filters.timezone} end as day_from,
        date_trunc('day', b.local) at time zone ${filters.timezone} as day_to
      from (select ${range.from}::timestamptz as at, ${range.from}::timestamptz at time zone ${filters.timezone} as local) a,
        (select ${range.to}::timestamptz at time zone ${filters.timezone} as local) b`,
  );
  const dayFrom = new Date(days!.day_from);
  const dayTo = new Date(days!.day_to);
  if (dayTo <= dayFrom) return range;
  return { ...range, days: { from: dayFrom.toISOString(), to: dayTo.toISOString() } };
}

/**
 * The rolled-up rows of a report, followed by `union all`: `columns` of table `kind` (alias
 * `alias`) with its time as `at`, from the 15-minute rows outside the whole days and from the
 * daily rows within them. Nothing without a range.
 */
export function rolledUpRows(
  range: RollupRange | null,
  kind: 'message' | 'call' | 'quota' | 'ivr',
  alias: string,
  columns: SQL,
  where: SQL[],
): SQL {
  if (!range) return sql``;
  const a = sql.raw(alias);
  const fine: SQL[] = [
    ...where,
    sql`${a}.bucket_start >= ${range.from}::timestamptz and ${a}.bucket_start < ${range.to}::timestamptz`,
  ];
  if (range.days)
    fine.push(
      sql`not (${a}.bucket_start >= ${range.days.from}::timestamptz and ${a}.bucket_start < ${range.days.to}::timestamptz)`,
    );
  const rows = sql`select ${a}.bucket_start as at, ${columns} from ${sql.raw(`report_${kind}_rollup`)} ${a}
    where ${sql.join(fine, sql` and `)} union all `;
  if (!range.days) return rows;
  const daily = [
    ...where,
    sql`${a}.day_start >= ${range.days.from}::timestamptz and ${a}.day_start < ${range.days.to}::timestamptz`,
  ];
  return sql`${rows}select ${a}.day_start as at, ${columns} from ${sql.raw(`report_${kind}_rollup_daily`)} ${a}
    where ${sql.join(daily, sql` and `)} union all `;
}

/** A raw row's `instant` outside the rolled-up range (all of them when nothing is rolled up). */
export const outsideRollupRange = (range: RollupRange | null, instant: SQL): SQL =>
  range
    ? sql`(${instant} < ${range.from}::timestamptz or ${instant} >= ${range.to}::timestamptz)`
    : sql`true`;
