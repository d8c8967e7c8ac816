import { Context } from '@temporalio/activity';
import { and, eq, inArray, sql } from 'drizzle-orm';
import { bulkJobItems, bulkJobs, newId, runs, type Db } from '@omniflow/db';
import type { RetryPlan, RunOperations } from './run-operations.ts';
import { compactExpiredRuns } from './retention.ts';
import { purgeExpiredAudit } from '../audit/audit-retention.ts';

const chunkSize = 25;
const parallel = 5;

/**
 * Activities behind bulk actions and retention. Each bulk item moves pending → started → done
 * or failed; what an action needs to be repeated safely (a re-run's id, a retry's plan) is saved
 * with `started` before the action, so a retried activity finishes an item, never repeats it.
 */
export function createOperationActivities(db: Db, ops: RunOperations) {
  async function carryOut(jobId: string, action: string, item: typeof bulkJobItems.$inferSelect) {
    const [row] = await db.select().from(runs).where(eq(runs.id, item.runId));
    if (!row) throw new Error('The run no longer exists');
    const started = (patch: Partial<typeof bulkJobItems.$inferInsert>) =>
      db
        .update(bulkJobItems)
        .set({ state: 'started', ...patch })
        .where(and(eq(bulkJobItems.jobId, jobId), eq(bulkJobItems.runId, item.runId)));
    if (action === 'cancel') {
      if (row.status === 'running' || row.status === 'waiting') await ops.cancelRun(row, false);
      return;
    }
    if (action === 'rerun') {
      const newRunId = item.newRunId ?? newId();
      if (!item.newRunId) await started({ newRunId });
      await ops.rerun(row, undefined, newRunId);
      return;
    }
    let plan = item.plan as RetryPlan | null;
    if (plan && (await ops.retryApplied(row, plan))) return;
    if (!plan) {
      plan = await ops.planRetry(row, await ops.failedStepOf(row));
      await started({ plan });
    }
    await ops.applyRetry(row, plan, `${jobId}:${row.id}`);
  }

  return {
    /** Works through the next items of a bulk job; answers true when none are left. */
    async runBulkChunk(jobId: string): Promise<boolean> {
      const [job] = await db.select().from(bulkJobs).where(eq(bulkJobs.id, jobId));
      if (!job) return true;
      const items = await db
        .select()
        .from(bulkJobItems)
        .where(and(eq(bulkJobItems.jobId, jobId), inArray(bulkJobItems.state, ['pending', 'started'])))
        .limit(chunkSize);
      for (let i = 0; i < items.length; i += parallel) {
        await Promise.all(
          items.slice(i, i + parallel).map(async (item) => {
            let state: 'done' | 'failed' = 'done';
            let error: string | null = null;
            try {
              await carryOut(jobId, job.action, item);
            } catch (e) {
              state = 'failed';
              error = e instanceof Error ? e.message : String(e);
            }
            await db
              .update(bulkJobItems)
              .set({ state, error })
              .where(and(eq(bulkJobItems.jobId, jobId), eq(bulkJobItems.runId, item.runId)));
          }),
        );
        Context.current().heartbeat(i);
      }
      await db.execute(sql`
        update bulk_jobs set
          done = c.done, succeeded = c.succeeded, failed = c.failed, updated_at = now(),
          errors = c.errors
        from (
          select count(*) filter (where state in ('done', 'failed'))::int as done,
            count(*) filter (where state = 'done')::int as succeeded,
            count(*) filter (where state = 'failed')::int as failed,
            coalesce(jsonb_agg(jsonb_build_object('runId', run_id, 'message', error))
              filter (where state = 'failed'), '[]'::jsonb) as errors
          from bulk_job_items where job_id = ${jobId}
        ) c
        where bulk_jobs.id = ${jobId}`);
      return items.length < chunkSize;
    },

    async finishBulkJob(jobId: string): Promise<void> {
      await db
        .update(bulkJobs)
        .set({ status: 'completed', updatedAt: new Date() })
        .where(eq(bulkJobs.id, jobId));
    },

    /** The daily retention sweep (see retention.ts). */
    async compactExpiredRuns(): Promise<number> {
      return compactExpiredRuns(db, { onBatch: (n) => Context.current().heartbeat(n) });
    },

    /** Audit rows past their workspace's retention (audit/audit-retention.ts), in the same sweep. */
    async purgeExpiredAudit(): Promise<number> {
      return purgeExpiredAudit(db, { onBatch: (n) => Context.current().heartbeat(n) });
    },
  };
}

export type OperationActivities = ReturnType<typeof createOperationActivities>;
