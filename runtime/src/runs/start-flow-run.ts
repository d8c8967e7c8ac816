import { emitWebhookEvents } from '../webhooks/emit-webhook-events.ts';
import { runStartedWebhookEvent } from '../webhooks/run-webhook-events.ts';
import {
  WorkflowExecutionAlreadyStartedError,
  WorkflowNotFoundError,
  type Client,
  type WorkflowHandle,
} from '@temporalio/client';
import { eq } from 'drizzle-orm';
import { newId, runs, type Db, type flowVersions } from '@omniflow/db';
import type { MachineJson } from '../compiler/machine-json.ts';
import type { FlowEvent } from '../machine/run-context.ts';
import { eventSignal, type FlowRunArgs, type ResumeState } from '../temporal/workflow-api.ts';
import type * as workflows from '../temporal/workflows.ts';
import { contactOf } from './contact-of.ts';
import { insertRunRow, recordRunWorkflow } from './run-row-writes.ts';
import { RunError } from './run-error.ts';
import { isNotStartedFault } from './run-workflow.ts';

/** The workflow's registered name, checked against the workflows module: a rename fails typecheck. */
const flowRunName = 'flowRun' satisfies keyof typeof workflows;

export type FlowRunHandle = WorkflowHandle<typeof workflows.flowRun>;

export interface StartFlowRunDeps {
  db: Db;
  temporal: Client;
  /** The queue flow runs go to (their workflows and every non-voice node). */
  taskQueue: string;
}

export interface FlowRunStart {
  workspaceId: string;
  version: Pick<typeof flowVersions.$inferSelect, 'id' | 'flowId' | 'version' | 'machine'>;
  input: Record<string, unknown>;
  /** The run id, chosen by the caller when the start must be idempotent (a bulk re-run retried). */
  id?: string;
  /** The Temporal workflow id (default: the run id): a conversation's, a call's. */
  workflowId?: string;
  /** Who the run is about (default: found in the input). */
  contact?: string | null;
  /** The run this one repeats (a re-run). */
  rerunOf?: string;
  /** A draft run from the builder's simulator: its waits can be skipped. */
  test?: boolean;
  /** A call's run: the task queue of the process holding the call, where voice nodes run. */
  callQueue?: string;
  startedAt?: Date;
  /**
   * Signal-with-start: when the workflow id already has a run going (a conversation), nothing
   * starts and the answer names that run; the caller then sends it what it came with.
   */
  joinRunning?: boolean;
  /** A person's conversation (route-inbound.ts): messages the run does not take go on to the next. */
  conversation?: boolean;
  /**
   * Where the workflow takes the run on, when it was played this far outside Temporal (an
   * instant run handed over: play-instant-run.ts); its steps so far are written by `beforeStart`.
   */
  resume?: ResumeState;
  /** Work that needs the run's row and must be done before its first step (a call's record). */
  beforeStart?: (runId: string) => Promise<void>;
}

export interface StartedFlowRun {
  /** The run this start wrote (when it joined a run already going, that row is gone again). */
  runId: string;
  /**
   * `started`; `already-started`, when a start with this id had been made before; `joined`, when
   * the workflow id already had a run going (with `joinRunning`).
   */
  outcome: 'started' | 'already-started' | 'joined';
  /** With `joined`: the run already going, as its memo names it. */
  owner?: string;
  handle: FlowRunHandle;
}

/**
 * A no-op the run ignores ("xstate." events are refused): a new run has what it came with as its
 * input, and a run already going is sent it by the caller once it knows which it is.
 */
const joinSignal: FlowEvent = { type: 'xstate.join' };

/**
 * The one way a flow run starts: writes its row, then starts its `flowRun` workflow with the
 * version's machine (so the run is pinned to it) and the run id in the memo. A row left without a
 * workflow (the process stopped between the two) has no `temporal_run_id`; `reconcileRunStarts`
 * finds it. A workflow that cannot start takes its row with it.
 */
export async function startFlowRun(deps: StartFlowRunDeps, start: FlowRunStart): Promise<StartedFlowRun> {
  const { db, temporal, taskQueue } = deps;
  const { workspaceId, version, input } = start;
  const runId = start.id ?? newId();
  const workflowId = start.workflowId ?? runId;
  const startedAt = start.startedAt ?? new Date();
  const inserted = await insertRunRow(db, {
    id: runId,
    workspaceId,
    flowId: version.flowId,
    flowVersionId: version.id,
    version: version.version,
    input,
    contact: start.contact === undefined ? contactOf(input) : start.contact,
    rerunOf: start.rerunOf ?? null,
    temporalWorkflowId: workflowId,
    startedAt,
  });
  const removeRow = async () => {
    if (inserted) await db.delete(runs).where(eq(runs.id, runId));
  };
  try {
    await start.beforeStart?.(runId);
  } catch (error) {
    await removeRow();
    throw error;
  }

  const args: FlowRunArgs = {
    runId,
    workspaceId,
    // Compiled by compileFlow when the version was written; the column is plain jsonb.
    machine: version.machine as MachineJson,
    input,
    run: { id: runId, flowId: version.flowId, version: version.version, startedAt: startedAt.toISOString() },
    ...(start.test ? { test: true } : {}),
    ...(start.callQueue ? { callQueue: start.callQueue } : {}),
    ...(start.conversation ? { conversation: true } : {}),
    ...(start.resume ? { resume: start.resume } : {}),
  };
  const workflowArgs: [FlowRunArgs] = [args];
  const options = { taskQueue, workflowId, args: workflowArgs, memo: { runId } };
  let handle: FlowRunHandle;
  let executionRunId: string;
  try {
    if (start.joinRunning) {
      const joined = await temporal.workflow.signalWithStart<typeof workflows.flowRun, [FlowEvent]>(
        flowRunName,
        { ...options, signal: eventSignal, signalArgs: [joinSignal] },
      );
      handle = joined;
      executionRunId = joined.signaledRunId;
    } else {
      const started = await temporal.workflow.start<typeof workflows.flowRun>(flowRunName, options);
      handle = started;
      executionRunId = started.firstExecutionRunId;
    }
  } catch (error) {
    if (error instanceof WorkflowExecutionAlreadyStartedError)
      return { runId, outcome: 'already-started', handle: temporal.workflow.getHandle(workflowId) };
    await removeRow();
    throw new RunError('TEMPORAL_UNAVAILABLE', 'notStarted', { reason: messageOf(error) });
  }

  if (start.joinRunning) {
    const owner = (await handle.describe()).memo?.runId;
    if (owner !== runId) {
      // The conversation was already going: this row never ran.
      await removeRow();
      return { runId, outcome: 'joined', ...(typeof owner === 'string' ? { owner } : {}), handle };
    }
  }
  const recorded = await recordRunWorkflow(db, runId, executionRunId);
  if (recorded && isNotStartedFault(recorded.error)) {
    // Given up on (by the reconciler or a cancel) while this start was on its way: it must not run.
    await handle.terminate('The run was given up on before its workflow started').catch((error: unknown) => {
      if (!(error instanceof WorkflowNotFoundError)) throw error;
    });
    await db
      .update(runs)
      .set({ status: recorded.status === 'cancelled' ? 'cancelled' : 'failed', endedAt: new Date() })
      .where(eq(runs.id, runId));
  } else if (recorded && !start.test && version.version > 0) {
    // A draft's test (version 0: the simulator, the browser phone) tells no one.
    const contact = start.contact === undefined ? contactOf(input) : start.contact;
    const run = { runId, workspaceId, flowId: version.flowId, version: version.version, contact, startedAt };
    await emitWebhookEvents(db, runStartedWebhookEvent(run));
  }
  return { runId, outcome: 'started', handle };
}

const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));
