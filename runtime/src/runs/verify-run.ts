import type { Client } from '@temporalio/client';
import { ReplayError, Worker, type WorkflowBundleWithSourceMap } from '@temporalio/worker';
import { DeterminismViolationError } from '@temporalio/workflow';
import type { RunRow } from './run-operations.ts';
import { historyMissing, isWorkflowMissing, runWorkflow } from './run-workflow.ts';

export interface VerifyResult {
  deterministic: boolean;
  error: string | null;
  historyLength: number;
}

/**
 * Replays the run's recorded history against a workflow bundle (the worker's current code by
 * default) without side effects: activities are not run, only the decisions are compared.
 * A run without history (its workflow never started, or Temporal removed it) is refused.
 */
export async function verifyRun(
  temporal: Client,
  row: RunRow,
  workflowBundle: WorkflowBundleWithSourceMap,
): Promise<VerifyResult> {
  // The latest execution when it is this run's; else the one its start noted (a conversation
  // whose workflow id has moved on to the person's next run).
  const execution = (await runWorkflow(temporal, row))?.runId ?? row.temporalRunId;
  if (!execution) throw historyMissing();
  const history = await temporal.workflow
    .getHandle(row.temporalWorkflowId, execution)
    .fetchHistory()
    .catch((error: unknown) => {
      throw isWorkflowMissing(error) ? historyMissing() : error;
    });
  const historyLength = history.events?.length ?? 0;
  try {
    await Worker.runReplayHistory(
      {
        workflowBundle,
        replayName: `verify-${row.id}`,
        // Replays record nothing: the run's progress is already in the database.
        sinks: { progress: { record: { fn: () => {} } } },
      },
      history,
      row.id,
    );
    return { deterministic: true, error: null, historyLength };
  } catch (error) {
    if (error instanceof DeterminismViolationError || error instanceof ReplayError) {
      return { deterministic: false, error: error.message, historyLength };
    }
    throw error;
  }
}
