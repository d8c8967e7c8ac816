import { WithStartWorkflowOperation, type Client } from '@temporalio/client';
import { eq } from 'drizzle-orm';
import { newId, runs, type Db } from '@omniflow/db';
import { respondWithinMs, type HttpResponse } from '@omniflow/nodes/http';
import type { MachineJson } from '../compiler/machine-json.ts';
import { RunError } from '../runs/run-error.ts';
import { isWorkflowMissing } from '../runs/run-workflow.ts';
import { httpAnswerUpdate, type FlowRunArgs, type HttpAnswer } from '../temporal/workflow-api.ts';
import type * as workflows from '../temporal/workflows.ts';
import { emitWebhookEvents } from '../webhooks/emit-webhook-events.ts';
import { runStartedWebhookEvent } from '../webhooks/run-webhook-events.ts';
import type { HookTarget } from './hook-target.ts';

const flowRunName = 'flowRun' satisfies keyof typeof workflows;

/** The request as the run's input and the trigger node's output. */
export interface HookRequest {
  method: string;
  path: string;
  query: Record<string, string>;
  headers: Record<string, string>;
  body: unknown;
}

export type HookAnswer =
  | { kind: 'answered'; runId: string; response: HttpResponse }
  /** No answer in time, or the run ended without one: 202 with the run id; the run goes on. */
  | { kind: 'accepted'; runId: string; status: 'running' | 'completed' | 'failed' };

export interface AnswerHookDeps {
  db: Db;
  temporal: Client;
  taskQueue: string;
}

/**
 * Starts the run and waits for its answer in one call to Temporal: update-with-start. Temporal
 * persists the workflow before it delivers the update, so the run exists before any answer
 * leaves; the update is handled in the run's first workflow task, where the pure nodes (set,
 * split, respond) run too, so a flow of pure nodes answers in one worker round trip. A start
 * followed by an update, or a signal and a query, would be two calls and two workflow tasks.
 *
 * The run's row is written first (the runs console, and "nothing started" is "no row"); noting
 * its Temporal run id and telling subscribers it started happen after the answer, off the
 * caller's time (the start reconciler adopts a row whose note was lost).
 */
export async function answerHook(
  deps: AnswerHookDeps,
  target: HookTarget,
  request: HookRequest,
  options: { test: boolean },
): Promise<HookAnswer> {
  const { db, temporal, taskQueue } = deps;
  const runId = newId();
  const startedAt = new Date();
  const { version } = target;
  await db.insert(runs).values({
    id: runId,
    workspaceId: target.workspaceId,
    flowId: version.flowId,
    flowVersionId: version.id,
    version: version.version,
    input: request,
    contact: null,
    temporalWorkflowId: runId,
    startedAt,
  });
  const args: FlowRunArgs = {
    runId,
    workspaceId: target.workspaceId,
    // Compiled by compileFlow when the version was written; the column is plain jsonb.
    machine: version.machine as MachineJson,
    input: { ...request },
    run: { id: runId, flowId: version.flowId, version: version.version, startedAt: startedAt.toISOString() },
    ...(options.test ? { test: true } : {}),
  };
  const start = new WithStartWorkflowOperation<typeof workflows.flowRun>(flowRunName, {
    taskQueue,
    workflowId: runId,
    args: [args],
    memo: { runId },
    workflowIdConflictPolicy: 'FAIL',
  });
  // Returns once the run's first workflow task took the update (a flow of pure nodes has
  // answered by then, and the outcome comes in the same reply); a later answer is awaited.
  const answered = temporal.workflow
    .startUpdateWithStart(httpAnswerUpdate, {
      args: [target.respondNodeIds],
      waitForStage: 'ACCEPTED',
      startWorkflowOperation: start,
    })
    .then((update) => update.result());
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<'late'>((resolve) => {
    timer = setTimeout(() => resolve('late'), respondWithinMs(target.trigger));
  });
  let outcome: HttpAnswer | 'late' | 'failed';
  try {
    outcome = await Promise.race([answered.catch(() => 'failed' as const), late]);
  } finally {
    clearTimeout(timer);
  }
  let handle;
  try {
    handle = await heldByTemporal(temporal, runId, start, outcome === 'late');
  } catch (error) {
    await db.delete(runs).where(eq(runs.id, runId));
    throw new RunError('TEMPORAL_UNAVAILABLE', 'notStarted', {
      reason: error instanceof Error ? error.message : String(error),
    });
  }
  // Kept off the caller's time: the answer does not wait for these writes.
  const executionRunId = handle?.firstExecutionRunId;
  void noteStarted(db, target, runId, executionRunId, startedAt, options.test).catch((error: unknown) => {
    // The start reconciler notes the run later; say why it had to.
    console.error(`Could not note the start of run ${runId}:`, error);
  });
  if (outcome !== 'late' && outcome !== 'failed' && outcome.answer !== undefined)
    return { kind: 'answered', runId, response: outcome.answer as HttpResponse };
  const status =
    outcome === 'late' || outcome === 'failed'
      ? 'running'
      : (outcome.ended?.status as 'completed' | 'failed');
  return {
    kind: 'accepted',
    runId,
    status: status === 'completed' || status === 'failed' ? status : 'running',
  };
}

async function noteStarted(
  db: Db,
  target: HookTarget,
  runId: string,
  executionRunId: string | undefined,
  startedAt: Date,
  test: boolean,
) {
  if (executionRunId) await db.update(runs).set({ temporalRunId: executionRunId }).where(eq(runs.id, runId));
  if (test || target.version.version === 0) return;
  const { version } = target;
  const run = {
    runId,
    workspaceId: target.workspaceId,
    flowId: version.flowId,
    version: version.version,
    contact: null,
    startedAt,
  };
  await emitWebhookEvents(db, runStartedWebhookEvent(run));
}

/**
 * The answer leaves only once Temporal holds the run. The start's own reply says so, but with
 * update-with-start it comes only when the update was taken; when the caller's time is up before
 * that (no worker free), asking Temporal whether the workflow exists settles it sooner.
 */
async function heldByTemporal(
  temporal: Client,
  runId: string,
  start: WithStartWorkflowOperation<typeof workflows.flowRun>,
  late: boolean,
): Promise<{ firstExecutionRunId?: string } | undefined> {
  if (late) {
    try {
      const described = await temporal.workflow.getHandle(runId).describe();
      return { firstExecutionRunId: described.runId };
    } catch (error) {
      if (!isWorkflowMissing(error)) throw error;
    }
  }
  return (await start.workflowHandle()) as { firstExecutionRunId?: string };
}
