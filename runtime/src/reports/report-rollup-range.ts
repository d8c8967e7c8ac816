import { sql, type SQL } from 'drizzle-orm';
import type { Db } from '@omniflow/db';
import { rolledUpTo, rollupBucketMs } from '../rollups/roll-up-reports.ts';
import type { ReportFilters } from './report-registry.ts';

/** The part of a report's period the rollup tables answer: whole 15-minute buckets, `from` inclusive, `to` exclusive. */
export interface RollupRange {
  from: string;
  to: string;
}

/**
 * Which whole buckets of the period are rolled up; the rest (the period's ragged ends and the
 * still-open time since the last pass) is read from the raw rows. Minute buckets read raw rows
 * only: a minute is finer than a rollup bucket, and such periods are short.
 */
export async function rollupRangeOf(db: Db, filters: ReportFilters): Promise<RollupRange | null> {
  if (filters.bucket === 'minute') return null;
  const reach = await rolledUpTo(db);
  if (!reach) return null;
  const from = Math.ceil(new Date(filters.from).getTime() / rollupBucketMs) * rollupBucketMs;
  const to = Math.min(
    Math.floor(new Date(filters.to).getTime() / rollupBucketMs) * rollupBucketMs,
    reach.getTime(),
  );
  if (to <= from) return null;
  return { from: new Date(from).toISOString(), to: new Date(to).toISOString() };
}

/** A rollup row's bucket (`bucket_start` of alias `alias`) within the range. */
export const inRollupRange = (range: RollupRange, alias: string): SQL =>
  sql`${sql.raw(alias)}.bucket_start >= ${range.from}::timestamptz and ${sql.raw(alias)}.bucket_start < ${range.to}::timestamptz`;

/** A raw row's `instant` outside the rolled-up range (all of them when nothing is rolled up). */
export const outsideRollupRange = (range: RollupRange | null, instant: SQL): SQL =>
  range
    ? sql`(${instant} < ${range.from}::timestamptz or ${instant} >= ${range.to}::timestamptz)`
    : sql`true`;
