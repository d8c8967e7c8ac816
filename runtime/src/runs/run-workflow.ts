import {
  WorkflowNotFoundError,
  isGrpcServiceError,
  type Client,
  type WorkflowExecutionDescription,
} from '@temporalio/client';
import type { runs } from '@omniflow/db';
import { RunError } from './run-error.ts';

type RunRow = typeof runs.$inferSelect;

/**
 * The Temporal execution behind a run, or undefined when it has none: its workflow never
 * started (the process starting it stopped first) or Temporal no longer has it. A conversation's
 * workflow id is reused by the person's next conversation, so an execution whose memo names
 * another run is not this run's. Runs started before the memo existed had ids of their own.
 */
export async function runWorkflow(
  temporal: Client,
  row: Pick<RunRow, 'id' | 'temporalWorkflowId'>,
): Promise<WorkflowExecutionDescription | undefined> {
  try {
    const described = await temporal.workflow.getHandle(row.temporalWorkflowId).describe();
    const owner = described.memo?.runId;
    return owner === undefined || owner === row.id ? described : undefined;
  } catch (error) {
    if (isWorkflowMissing(error)) return undefined;
    throw error;
  }
}

/** The error a run records when its workflow never started (see reconcile-run-starts.ts). */
export const runNotStartedCode = 'RUN_NOT_STARTED';

/** True for the fault a run is given when its workflow never started. */
export function isNotStartedFault(error: unknown): boolean {
  return typeof error === 'object' && error !== null && 'code' in error && error.code === runNotStartedCode;
}

/** Refusal of what needs a run's Temporal history (verify, retry) when there is none. */
export const historyMissing = () => new RunError('RUN_HISTORY_MISSING', 'historyMissing');

/** gRPC's NOT_FOUND: what fetching a history Temporal does not have throws (not WorkflowNotFoundError). */
const grpcNotFound = 5;

/** True when Temporal has no such workflow execution, however the client says it. */
export const isWorkflowMissing = (error: unknown) =>
  error instanceof WorkflowNotFoundError || (isGrpcServiceError(error) && error.code === grpcNotFound);
