import { sql } from 'drizzle-orm';
import { queryRows, type Db } from '@omniflow/db';
import { endedStatusList, figureColumns, figureRows, uuidFloorSql } from './flow-analytics-figures.ts';

export interface FlowAnalyticsRollupOptions {
  /** Ended runs taken in per transaction. */
  batchSize?: number;
  /** Changed buckets rolled up again per transaction. */
  bucketBatch?: number;
  /** Called after each transaction with what it took in (the activity heartbeats). */
  onBatch?: (done: { runs: number; buckets: number }) => void;
  /** Stop after this many transactions (the rest is left to the next pass); default: all. */
  maxBatches?: number;
  /** Start no transaction after this many milliseconds (the rest is left to the next pass). */
  budgetMs?: number;
}

export interface FlowAnalyticsRollupResult {
  runs: number;
  buckets: number;
  /** Stopped by maxBatches or budgetMs with work left. */
  more: boolean;
}

/** Adds a batch's figures to the rollup: bucket rows that exist already are summed into. */
const addToRollup = (picked: ReturnType<typeof sql>) => sql`
  insert into flow_analytics_rollup (${figureColumns})
  select ${figureColumns} from (${figureRows(picked)}) f
  on conflict (flow_id, version, bucket, kind, node_id, port, status, nodes) do update set
    node_type = least(flow_analytics_rollup.node_type, excluded.node_type),
    n = flow_analytics_rollup.n + excluded.n,
    runs = flow_analytics_rollup.runs + excluded.runs,
    seconds = flow_analytics_rollup.seconds + excluded.seconds,
    timed = flow_analytics_rollup.timed + excluded.timed,
    delivered = flow_analytics_rollup.delivered + excluded.delivered,
    read = flow_analytics_rollup.read + excluded.read,
    replied = flow_analytics_rollup.replied + excluded.replied,
    failed = flow_analytics_rollup.failed + excluded.failed`;

/** Where a pass has got to in the pending runs' index order (flow, version, id). */
export interface RollupCursor {
  flowId: string;
  version: number;
  id: string;
}

/**
 * Takes up to `batchSize` ended runs not yet rolled up into the rollup, in one transaction: the
 * runs are marked and their figures added together, so a pass cut short (a crash, a timeout)
 * leaves nothing half counted and the next pass takes the same runs again. SKIP LOCKED: a run a
 * writer is changing right now (its lock is held) waits for the next pass, and this never waits.
 * Runs are taken in the order of runs_analytics_pending_idx (which holds only runs not rolled up)
 * after `after`, so a batch's runs share buckets and a pass reads that index once.
 */
export async function rollUpEndedRuns(
  db: Db,
  batchSize = 5000,
  after?: RollupCursor,
): Promise<{ runs: number; last?: RollupCursor }> {
  return db.transaction(async (tx) => {
    // First statement: lock and mark. The figures are read by the next statement, whose snapshot
    // includes every change committed by a writer this one waited for (see the migration's
    // flow_analytics_mark_run: a writer that comes after sees the run rolled up and marks it).
    const from = after
      ? sql`and (flow_id, version, id) > (${after.flowId}::uuid, ${after.version}::integer, ${after.id}::uuid)`
      : sql``;
    const taken = await queryRows<{ id: string; flow_id: string; version: number }>(
      tx,
      sql`update runs set analytics_rolled_at = now()
        where id = any(array(
          select id from runs
          where analytics_rolled_at is null and status in (${endedStatusList}) ${from}
          order by flow_id, version, id
          limit ${batchSize}
          for update skip locked
        ))
        returning id, flow_id, version`,
    );
    if (taken.length === 0) return { runs: 0 };
    const ids = `{${taken.map((r) => r.id).join(',')}}`;
    await tx.execute(
      addToRollup(sql`select id, status, workspace_id, flow_id, version, flow_analytics_bucket(id) as bucket
        from runs where id = any(${ids}::uuid[]) and status <> 'skipped'`),
    );
    const last = taken.reduce((a, b) =>
      a.flow_id !== b.flow_id
        ? a.flow_id > b.flow_id
          ? a
          : b
        : a.version !== b.version
          ? a.version > b.version
            ? a
            : b
          : a.id > b.id
            ? a
            : b,
    );
    return { runs: taken.length, last: { flowId: last.flow_id, version: last.version, id: last.id } };
  });
}

/**
 * Rolls up again, from the runs as they are now, up to `limit` buckets that changed after they
 * were rolled up (flow_analytics_dirty): a receipt or an open that came later, a reply, a run
 * reopened by a retry. The bucket's rows are replaced whole; its ended runs are marked, its
 * reopened ones unmarked (the analytics read those live again).
 */
export async function rollUpChangedBuckets(db: Db, limit = 200): Promise<number> {
  return db.transaction(async (tx) => {
    const dirty = await queryRows<{ flow_id: string; version: number; bucket: string }>(
      tx,
      sql`select flow_id, version, bucket from flow_analytics_dirty
        order by marked_at limit ${limit} for update skip locked`,
    );
    if (dirty.length === 0) return 0;
    const keys = sql`jsonb_to_recordset(${JSON.stringify(dirty)}::jsonb) as d(flow_id uuid, version integer, bucket timestamptz)`;
    const inBucket = sql`r.flow_id = d.flow_id and r.version = d.version
      and r.id >= ${uuidFloorSql(sql`d.bucket`)} and r.id < ${uuidFloorSql(sql`d.bucket + interval '15 minutes'`)}`;
    // Locks every run of the buckets (in id order, as writers that lock several do least harm so).
    await tx.execute(sql`
      update runs r set analytics_rolled_at = case when r.status in (${endedStatusList}) then now() end
      from (
        select r.id from ${keys} join runs r on ${inBucket} order by r.id for update of r
      ) locked
      where r.id = locked.id`);
    await tx.execute(sql`
      delete from flow_analytics_rollup r using ${keys}
      where r.flow_id = d.flow_id and r.version = d.version and r.bucket = d.bucket`);
    await tx.execute(
      addToRollup(sql`select r.id, r.status, r.workspace_id, r.flow_id, r.version, d.bucket
        from ${keys} join runs r on ${inBucket}
        where r.analytics_rolled_at is not null and r.status <> 'skipped'`),
    );
    await tx.execute(sql`
      delete from flow_analytics_dirty x using ${keys}
      where x.flow_id = d.flow_id and x.version = d.version and x.bucket = d.bucket`);
    return dirty.length;
  });
}

/**
 * One pass of the rollup job: the changed buckets, then every ended run not yet taken in, batch by
 * batch until none is left (after downtime, it catches up the same way).
 */
export async function rollUpFlowAnalytics(
  db: Db,
  options: FlowAnalyticsRollupOptions = {},
): Promise<FlowAnalyticsRollupResult> {
  const done = { runs: 0, buckets: 0 };
  const started = Date.now();
  let batches = 0;
  const outOfTime = () =>
    batches >= (options.maxBatches ?? Infinity) || Date.now() - started >= (options.budgetMs ?? Infinity);
  for (;;) {
    if (outOfTime()) return { ...done, more: true };
    const buckets = await rollUpChangedBuckets(db, options.bucketBatch);
    batches++;
    done.buckets += buckets;
    options.onBatch?.(done);
    if (buckets === 0) break;
  }
  let after: RollupCursor | undefined;
  for (;;) {
    if (outOfTime()) return { ...done, more: true };
    const batch = await rollUpEndedRuns(db, options.batchSize, after);
    batches++;
    done.runs += batch.runs;
    options.onBatch?.(done);
    if (!batch.last) return { ...done, more: false };
    after = batch.last;
  }
}
