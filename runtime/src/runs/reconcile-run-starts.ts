import type { Client } from '@temporalio/client';
import { and, asc, eq, gte, inArray, isNull, lt } from 'drizzle-orm';
import { runs, type Db } from '@omniflow/db';
import { runNotStartedCode, runWorkflow } from './run-workflow.ts';

/** How long a run row may wait for its workflow's start before it counts as left behind. */
export const runStartGraceMs = 30_000;

/** Later passes look back this far (past the grace), for clocks of other processes that differ. */
const lookBackMs = 10 * 60_000;

const batchSize = 500;

export interface ReconcileRunStartsOptions {
  now?: Date;
  graceMs?: number;
  /** Only runs started since then (ids are uuid v7, so this is an id range); default: every run. */
  since?: Date;
}

export interface ReconciledRunStarts {
  /** Rows whose workflow had started after all (the process stopped before noting it). */
  adopted: number;
  /** Rows whose workflow never started, now failed with `RUN_NOT_STARTED`. */
  failed: number;
}

/**
 * Repairs runs whose row was written but whose workflow start was never noted (`startFlowRun`
 * sets `temporal_run_id` once Temporal has the workflow): the process starting them stopped in
 * between. A run whose workflow is there after all is noted; one without is failed with a clear
 * error rather than started late, since whoever asked for it was never told it started and may
 * have asked again. Both writes hold only while the row is still unnoted, so a start that lands
 * meanwhile wins, and one that lands after is stopped by `startFlowRun` itself.
 */
export async function reconcileRunStarts(
  deps: { db: Db; temporal: Client },
  options: ReconcileRunStartsOptions = {},
): Promise<ReconciledRunStarts> {
  const { db, temporal } = deps;
  const now = options.now ?? new Date();
  const unnoted = (id: string) =>
    and(eq(runs.id, id), isNull(runs.temporalRunId), inArray(runs.status, ['running', 'waiting']));
  const rows = await db
    .select({ id: runs.id, temporalWorkflowId: runs.temporalWorkflowId })
    .from(runs)
    .where(
      and(
        inArray(runs.status, ['running', 'waiting']),
        isNull(runs.temporalRunId),
        lt(runs.startedAt, new Date(now.getTime() - (options.graceMs ?? runStartGraceMs))),
        ...(options.since ? [gte(runs.id, uuidV7Floor(options.since))] : []),
      ),
    )
    .orderBy(asc(runs.id))
    .limit(batchSize);
  const result: ReconciledRunStarts = { adopted: 0, failed: 0 };
  for (const row of rows) {
    const execution = await runWorkflow(temporal, row);
    if (execution) {
      await db.update(runs).set({ temporalRunId: execution.runId }).where(unnoted(row.id));
      result.adopted++;
      continue;
    }
    const ended = new Date();
    const failed = await db
      .update(runs)
      .set({
        status: 'failed',
        error: {
          code: runNotStartedCode,
          message:
            'The run’s workflow never started: the process starting it stopped first. Re-run it to start it again.',
        },
        endedAt: ended,
        updatedAt: ended,
      })
      .where(unnoted(row.id))
      .returning({ id: runs.id });
    result.failed += failed.length;
  }
  return result;
}

/** The smallest uuid v7 of that millisecond: ids compare bytewise, the time first. */
function uuidV7Floor(at: Date): string {
  const hex = Math.max(0, at.getTime()).toString(16).padStart(12, '0');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-7000-8000-000000000000`;
}

export interface RunStartReconciler {
  /** Stops the passes; resolves once a pass under way has finished. */
  stop(): Promise<void>;
}

/**
 * Runs `reconcileRunStarts` every `everyMs` in this process (every worker does: a pass is one
 * indexed query when nothing is wrong, and its writes are safe to race). The first pass looks at
 * every run, as the process may come back after a long outage; later ones at recent ids only.
 */
export function startRunStartReconciler(
  deps: { db: Db; temporal: Client },
  options: { everyMs: number; onError: (error: unknown) => void },
): RunStartReconciler {
  let since: Date | undefined;
  let current: Promise<void> | undefined;
  const pass = async () => {
    const startedAt = Date.now();
    try {
      await reconcileRunStarts(deps, since ? { since } : {});
      since = new Date(startedAt - runStartGraceMs - lookBackMs);
    } catch (error) {
      options.onError(error);
    }
  };
  const tick = () => {
    current ??= pass().finally(() => (current = undefined));
  };
  tick();
  const timer = setInterval(tick, options.everyMs);
  timer.unref();
  return {
    async stop() {
      clearInterval(timer);
      await current;
    },
  };
}
