import { sql } from 'drizzle-orm';
import { queryRows, type Db } from '@omniflow/db';
import { reportRollupDayStatements, rezoneStatements } from './report-rollup-day-statements.ts';
import { reportRollupStatements } from './report-rollup-statements.ts';

/** The rollups' bucket: 15 minutes, so every local hour, day, week and month is a union of them. */
export const rollupBucketMs = 15 * 60 * 1000;
const stateName = 'reports';

export interface RollUpOptions {
  /** The clock (injected so tests move it). */
  now?: () => Date;
  /**
   * How long after a bucket closes it is first rolled up: receipts and call ends that land in
   * this margin need no re-roll. Later changes still arrive through the dirty-bucket queue.
   */
  settleMs?: number;
  /** The most time one transaction advances over when catching up: a stop loses at most one such batch's work. */
  batchMs?: number;
  /** Called after each statement of a batch with its name (tests interrupt a pass here). */
  onStep?: (step: string) => void | Promise<void>;
}

export interface RollUpResult {
  /** Every bucket before this is in the rollups. */
  rolledUpTo: Date;
  /** Transactions committed. */
  batches: number;
  /** Closed buckets re-rolled because a write changed them after they were rolled up. */
  rerolled: number;
}

const floorBucket = (ms: number) => Math.floor(ms / rollupBucketMs) * rollupBucketMs;

/** Where the rollups reach (every bucket before it is rolled up), or null before the first pass. */
export async function rolledUpTo(db: Db): Promise<Date | null> {
  const [row] = await queryRows<{ rolled_up_to: Date | string }>(
    db,
    sql`select rolled_up_to from report_rollup_state where name = ${stateName}`,
  );
  return row ? new Date(row.rolled_up_to) : null;
}

/**
 * One pass of the report rollup job: every closed and settled bucket not yet rolled up, plus every
 * rolled-up bucket a later write marked dirty, in transactions of at most `batchMs` each. Each
 * transaction locks the state row (two workers never roll the same bucket), takes the dirty rows it
 * sees, rewrites the buckets set-based and moves the watermark: interrupted anywhere, it rolls
 * back whole and the next pass starts from the same place, so nothing is ever counted twice.
 */
export async function rollUpReports(db: Db, options: RollUpOptions = {}): Promise<RollUpResult> {
  const now = options.now ?? (() => new Date());
  const settleMs = options.settleMs ?? 5 * 60 * 1000;
  const batchMs = options.batchMs ?? 24 * 60 * 60 * 1000;
  let batches = 0;
  let rerolled = 0;
  for (;;) {
    const target = floorBucket(now().getTime() - settleMs);
    const outcome = await db.transaction(async (tx) => {
      await tx.execute(sql`insert into report_rollup_state (name, rolled_up_to)
        select ${stateName}, coalesce(report_rollup_bucket(least(
            (select min(created_at) from messages), (select min(started_at) from call_records),
            (select min(at) from quota_ledger))), ${new Date(target).toISOString()}::timestamptz)
        on conflict (name) do nothing`);
      const [state] = await queryRows<{ rolled_up_to: Date | string }>(
        tx,
        sql`select rolled_up_to from report_rollup_state where name = ${stateName} for update`,
      );
      const from = new Date(state!.rolled_up_to).getTime();
      const to = Math.max(from, Math.min(target, from + batchMs));
      const fromIso = new Date(from).toISOString();
      const toIso = new Date(to).toISOString();
      // The dirty rows this transaction sees; one still being written survives for the next pass.
      // Buckets from `from` on are rolled by the advance below anyway; open ones wait till they close.
      await tx.execute(sql`create temporary table report_rollup_todo (
          workspace_id uuid not null, range_from timestamptz not null, range_to timestamptz not null) on commit drop`);
      const [dirty] = await queryRows<{ n: number }>(
        tx,
        sql`with taken as (delete from report_rollup_dirty where bucket_start < ${toIso}::timestamptz
            returning workspace_id, bucket_start),
          todo as (insert into report_rollup_todo
            select distinct workspace_id, bucket_start, bucket_start + interval '15 minutes' from taken
            where bucket_start < ${fromIso}::timestamptz returning 1)
          select count(*)::int as n from todo`,
      );
      if (to > from)
        await tx.execute(sql`insert into report_rollup_todo
          select w.id, ${fromIso}::timestamptz, ${toIso}::timestamptz from workspaces w`);
      // A new temporary table has no statistics: unanalysed, PostgreSQL guessed 1,360 ranges and
      // merge-joined the whole of messages_report_idx (5 million rows) every batch; analysed, it
      // range-scans each workspace's day. JIT only slowed these short statements down.
      await tx.execute(sql`analyze report_rollup_todo`);
      await tx.execute(sql`set local jit = off`);
      await options.onStep?.('take dirty buckets');
      for (const statement of reportRollupStatements) {
        await tx.execute(sql.raw(statement.text));
        await options.onStep?.(statement.step);
      }
      // Then the whole local days this pass finished or changed, from the rows just written.
      for (const text of rezoneStatements(toIso)) await tx.execute(sql.raw(text));
      for (const statement of reportRollupDayStatements) {
        await tx.execute(sql.raw(statement.text));
        await options.onStep?.(statement.step);
      }
      await tx.execute(sql`update report_rollup_state set rolled_up_to = ${toIso}::timestamptz, updated_at = now()
        where name = ${stateName}`);
      return { to, target, rerolled: dirty?.n ?? 0 };
    });
    batches += 1;
    rerolled += outcome.rerolled;
    if (outcome.to >= outcome.target) return { rolledUpTo: new Date(outcome.to), batches, rerolled };
  }
}
