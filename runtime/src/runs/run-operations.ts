import { randomUUID } from 'node:crypto';
import type { Client } from '@temporalio/client';
// The package is CommonJS: Node's ESM loader sees only its default export.
import protos from '@temporalio/proto';
import type { temporal as ProtoTypes } from '@temporalio/proto';
import { and, asc, eq, gte, inArray, sql } from 'drizzle-orm';
import { flowVersions, runSteps, runs, type Db } from '@omniflow/db';
import { RunError, runNotFound, versionNotFound } from './run-error.ts';
import { historyMissing, isWorkflowMissing, runNotStartedCode, runWorkflow } from './run-workflow.ts';
import { startFlowRun, type FlowRunStart } from './start-flow-run.ts';
import { resetPointFor } from './temporal-history.ts';

export type RunRow = typeof runs.$inferSelect;
type VersionRow = typeof flowVersions.$inferSelect;
type Long = NonNullable<
  ProtoTypes.api.workflowservice.v1.IResetWorkflowExecutionRequest['workflowTaskFinishEventId']
>;

export interface RunOperationsDeps {
  db: Db;
  temporal: Client;
  taskQueue: string;
}

/** How a start may differ: see FlowRunStart. */
export type StartOptions = Pick<FlowRunStart, 'test' | 'rerunOf' | 'contact' | 'id' | 'workflowId'>;

export interface RetryPlan {
  seq: number;
  nodeId: string;
  /** The Temporal execution to reset, and the WorkflowTaskCompleted event id to reset to. */
  execution: string;
  resetTo: number;
  /** The first step the retried run records again. */
  fromSeq: number;
}

const ended = (status: RunRow['status']) => status !== 'running' && status !== 'waiting';

/**
 * What can be done to a run — start, cancel, re-run, retry from a step — in one place, so the
 * API routes and the bulk-action activities do exactly the same thing.
 */
export function createRunOperations({ db, temporal, taskQueue }: RunOperationsDeps) {
  async function findRun(workspaceId: string, id: string): Promise<RunRow> {
    const [row] = await db
      .select()
      .from(runs)
      .where(and(eq(runs.id, id), eq(runs.workspaceId, workspaceId)));
    if (!row) throw runNotFound(id);
    return row;
  }

  async function findVersion(flowId: string, version: number): Promise<VersionRow> {
    const [row] = await db
      .select()
      .from(flowVersions)
      .where(
        and(
          eq(flowVersions.flowId, flowId),
          eq(flowVersions.version, version),
          eq(flowVersions.kind, version === 0 ? 'test' : 'published'),
        ),
      );
    if (!row) throw versionNotFound(flowId, version);
    return row;
  }

  /** Starts a run of a version (see startFlowRun); with a caller-chosen id, starting twice is harmless. */
  async function startRun(
    workspaceId: string,
    version: FlowRunStart['version'],
    input: Record<string, unknown>,
    options: StartOptions = {},
  ): Promise<string> {
    const { runId } = await startFlowRun(
      { db, temporal, taskQueue },
      { workspaceId, version, input, ...options },
    );
    return runId;
  }

  /**
   * Cancels a running or waiting run. A run whose workflow never started or is gone from
   * Temporal is marked cancelled here, since no workflow is left to record it.
   */
  async function cancelRun(row: RunRow, wait = true): Promise<RunRow['status']> {
    if (ended(row.status)) throw new RunError('RUN_ENDED', 'runEnded', { status: row.status });
    const execution = await runWorkflow(temporal, row);
    if (!execution || execution.status.name !== 'RUNNING')
      return cancelWithoutWorkflow(row, execution !== undefined || row.temporalRunId !== null);
    const handle = temporal.workflow.getHandle(row.temporalWorkflowId);
    try {
      await handle.cancel();
    } catch (error) {
      if (isWorkflowMissing(error)) return cancelWithoutWorkflow(row, true);
      throw error;
    }
    if (!wait) return 'cancelled';
    // The workflow records its cancellation itself; wait briefly so the answer shows it.
    await Promise.race([handle.result().catch(() => undefined), new Promise((r) => setTimeout(r, 10_000))]);
    const [after] = await db.select({ status: runs.status }).from(runs).where(eq(runs.id, row.id));
    return after?.status ?? row.status;
  }

  /** `started`: whether its workflow ever started (else a start may still be on its way). */
  async function cancelWithoutWorkflow(row: RunRow, started: boolean): Promise<RunRow['status']> {
    const now = new Date();
    const [cancelled] = await db
      .update(runs)
      .set({
        status: 'cancelled',
        // The mark a start still on its way looks for (startFlowRun then stops the workflow).
        error: started
          ? {
              code: 'WORKFLOW_MISSING',
              message: 'Cancelled here: the run’s workflow was no longer running in Temporal',
            }
          : { code: runNotStartedCode, message: 'Cancelled before the run’s workflow started' },
        endedAt: now,
        updatedAt: now,
      })
      .where(and(eq(runs.id, row.id), inArray(runs.status, ['running', 'waiting'])))
      .returning({ status: runs.status });
    if (cancelled) return cancelled.status;
    // It ended meanwhile, by itself.
    const [after] = await db.select({ status: runs.status }).from(runs).where(eq(runs.id, row.id));
    return after?.status ?? row.status;
  }

  /** A new run with the same trigger input, on the same or another version, linked to the first. */
  async function rerun(
    row: RunRow,
    version?: number,
    id?: string,
  ): Promise<{ runId: string; version: number }> {
    const target = version ?? row.version;
    if (target === 0 && row.version !== 0) throw new RunError('VERSION_INVALID', 'rerunOnDraft');
    const versionRow = target === row.version ? await versionOf(row) : await findVersion(row.flowId, target);
    const runId = await startRun(row.workspaceId, versionRow, row.input as Record<string, unknown>, {
      rerunOf: row.id,
      contact: row.contact,
      test: row.version === 0,
      ...(id ? { id } : {}),
    });
    return { runId, version: target };
  }

  async function versionOf(row: RunRow): Promise<VersionRow> {
    const [version] = await db.select().from(flowVersions).where(eq(flowVersions.id, row.flowVersionId));
    if (!version) throw versionNotFound(row.flowId, row.version);
    return version;
  }

  /** Where a retry from step `seq` resets to; checks the run can be retried from there. */
  async function planRetry(row: RunRow, seq: number): Promise<RetryPlan> {
    if (!ended(row.status)) {
      throw new RunError('RUN_ACTIVE', 'runActive', { status: row.status });
    }
    if (row.detailsExpiredAt) throw new RunError('RUN_DETAILS_EXPIRED', 'detailsExpired');
    const [step] = await db
      .select()
      .from(runSteps)
      .where(and(eq(runSteps.runId, row.id), eq(runSteps.seq, seq)));
    if (!step) throw new RunError('NOT_FOUND', 'stepNotFound', { seq: String(seq), runId: row.id });
    if (step.wftEventId === null || !step.temporalRunId)
      throw new RunError('STEP_NOT_RETRYABLE', 'stepWithoutPlace');
    const execution = (await describeOrRefuse(row)).runId;
    if (execution !== step.temporalRunId) {
      throw new RunError('STEP_BEFORE_CONTINUE_AS_NEW', 'stepBeforeRollover');
    }
    const history = await temporal.workflow.getHandle(row.temporalWorkflowId, execution).fetchHistory();
    const resetTo = resetPointFor(history.events ?? [], step.wftEventId);
    if (resetTo === undefined) throw new RunError('STEP_NOT_RETRYABLE', 'noResetPoint');
    // Steps begun in that workflow task or later are recorded again by the retried run.
    const [first] = await db
      .select({ seq: sql<number>`min(${runSteps.seq})` })
      .from(runSteps)
      .where(
        and(
          eq(runSteps.runId, row.id),
          eq(runSteps.temporalRunId, execution),
          gte(runSteps.wftEventId, step.wftEventId),
        ),
      );
    return { seq, nodeId: step.nodeId, execution, resetTo, fromSeq: first?.seq ?? seq };
  }

  /**
   * Resets the run's workflow to the task that began the planned step: that step and all after
   * it run again, while history before it (and so every earlier side effect) is kept. The
   * database is cleared first so the retried run's records never race the clean-up.
   */
  async function applyRetry(row: RunRow, plan: RetryPlan, requestId: string) {
    await db.transaction(async (tx) => {
      await tx.delete(runSteps).where(and(eq(runSteps.runId, row.id), gte(runSteps.seq, plan.fromSeq)));
      await tx
        .update(runs)
        .set({
          status: 'running',
          error: null,
          failedNodeId: null,
          output: null,
          endedAt: null,
          updatedAt: new Date(),
        })
        .where(eq(runs.id, row.id));
    });
    const reset = await temporal.workflowService.resetWorkflowExecution({
      namespace: temporal.options.namespace,
      workflowExecution: { workflowId: row.temporalWorkflowId, runId: plan.execution },
      reason: `Retry from step ${plan.seq} (${plan.nodeId})`,
      // protobufjs takes a plain number where the type says Long.
      workflowTaskFinishEventId: plan.resetTo as unknown as Long,
      requestId,
      // Events sent after that point (API updates, channel signals) are delivered again.
      resetReapplyType: protos.temporal.api.enums.v1.ResetReapplyType.RESET_REAPPLY_TYPE_ALL_ELIGIBLE,
    });
    await db
      .update(runs)
      .set({ temporalRunId: reset.runId ?? null })
      .where(eq(runs.id, row.id));
    return { runId: row.id, fromSeq: plan.seq, status: 'running' as const };
  }

  /** True once the planned reset has happened (the run's latest execution is a newer one). */
  async function retryApplied(row: RunRow, plan: RetryPlan): Promise<boolean> {
    return (await describeOrRefuse(row)).runId !== plan.execution;
  }

  async function describeOrRefuse(row: RunRow) {
    try {
      return await temporal.workflow.getHandle(row.temporalWorkflowId).describe();
    } catch (error) {
      if (isWorkflowMissing(error)) throw historyMissing();
      throw error;
    }
  }

  async function retryFromStep(row: RunRow, seq: number, requestId = randomUUID()) {
    return applyRetry(row, await planRetry(row, seq), requestId);
  }

  /** The step a failed run failed at (its last visit of the failed node). */
  async function failedStepOf(row: RunRow): Promise<number> {
    if (row.status !== 'failed' || !row.failedNodeId)
      throw new RunError('RUN_NOT_FAILED', 'runNotFailed', { status: row.status });
    const [step] = await db
      .select({ seq: sql<number>`max(${runSteps.seq})` })
      .from(runSteps)
      .where(and(eq(runSteps.runId, row.id), eq(runSteps.nodeId, row.failedNodeId)));
    if (step?.seq === null || step?.seq === undefined)
      throw new RunError('STEP_NOT_RETRYABLE', 'failedStepMissing', { nodeId: row.failedNodeId });
    return step.seq;
  }

  async function stepsOf(runId: string) {
    return db.select().from(runSteps).where(eq(runSteps.runId, runId)).orderBy(asc(runSteps.seq));
  }

  return {
    findRun,
    findVersion,
    startRun,
    cancelRun,
    rerun,
    planRetry,
    applyRetry,
    retryApplied,
    retryFromStep,
    failedStepOf,
    stepsOf,
    versionOf,
  };
}

export type RunOperations = ReturnType<typeof createRunOperations>;
