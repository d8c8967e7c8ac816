import { sql, type SQL } from 'drizzle-orm';
import { queryRows, type Db } from '@omniflow/db';
import type { ReportBucket } from './report-filters.ts';
import type { ReportFilters } from './report-registry.ts';

/** How a bucket's local start reads: a week by its Monday, a month by year and month. */
const labelFormats: Record<ReportBucket, string> = {
  minute: 'YYYY-MM-DD HH24:MI',
  hour: 'YYYY-MM-DD HH24:00',
  day: 'YYYY-MM-DD',
  week: 'YYYY-MM-DD',
  month: 'YYYY-MM',
};

// The bucket name goes in as SQL text, not a parameter: it is one of five words the schema
// allows, and PostgreSQL can then see `date_trunc('day', …)` as the same expression everywhere.
const unit = (filters: ReportFilters) => sql.raw(`'${filters.bucket}'`);

/**
 * The local start of `instant`'s bucket in the report's zone: a call at 23:59 in Lima is that
 * day's, whatever the server's zone, and PostgreSQL's weeks start on Monday (ISO 8601).
 */
export const bucketOf = (filters: ReportFilters, instant: SQL): SQL =>
  sql`date_trunc(${unit(filters)}, ${instant} at time zone ${filters.timezone})`;

/** The bucket's label as the tables and charts show it. */
export const bucketLabel = (filters: ReportFilters, bucket: SQL): SQL =>
  sql`to_char(${bucket}, ${sql.raw(`'${labelFormats[filters.bucket]}'`)})`;

/**
 * Every bucket of the period, empty ones too (a chart with a gap where nothing happened reads
 * wrong): a `buckets(bucket)` CTE body of local timestamps.
 */
export const bucketSeries = (filters: ReportFilters): SQL => sql`select generate_series(
    date_trunc(${unit(filters)}, ${filters.from}::timestamptz at time zone ${filters.timezone}),
    (${filters.to}::timestamptz at time zone ${filters.timezone}) - interval '1 microsecond',
    ${sql.raw(`interval '1 ${filters.bucket}'`)}) as bucket`;

/** `instant` within the period: `from` inclusive, `to` exclusive. */
export const inPeriod = (filters: ReportFilters, instant: SQL): SQL =>
  sql`${instant} >= ${filters.from}::timestamptz and ${instant} < ${filters.to}::timestamptz`;

/** A count or sum from PostgreSQL (bigint and numeric arrive as text) as a number; null stays null. */
export const num = (value: unknown): number => (value === null || value === undefined ? 0 : Number(value));
export const numOrNull = (value: unknown): number | null =>
  value === null || value === undefined ? null : Number(value);

/** Seconds with two decimals from milliseconds, the unit every duration column uses. */
export const seconds = (ms: unknown): number | null =>
  ms === null || ms === undefined ? null : Math.round(Number(ms) / 10) / 100;

/** A share (0–1) with four decimals; null when nothing to share. */
export const share = (part: number, whole: number): number | null =>
  whole > 0 ? Math.round((part / whole) * 10_000) / 10_000 : null;

/** The labels of every bucket of the period, oldest first: the rows a bucketed table has. */
export async function bucketLabels(db: Db, filters: ReportFilters): Promise<string[]> {
  const rows = await queryRows<{ label: string }>(
    db,
    sql`with b as (${bucketSeries(filters)}) select ${bucketLabel(filters, sql`b.bucket`)} as label from b order by b.bucket`,
  );
  return rows.map((r) => r.label);
}
