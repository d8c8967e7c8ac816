import { newId } from '@omniflow/db';
import type { NodeRegistry } from '@omniflow/nodes/sdk';
import type { MachineJson } from '../compiler/machine-json.ts';
import type { RunContext } from '../machine/run-context.ts';
import { storableProgress, writeProgressBatch } from '../temporal/progress-writer.ts';
import { playInstantRun } from './play-instant-run.ts';
import { RunError } from './run-error.ts';
import { recordInstantRun } from './record-instant-run.ts';
import { startFlowRun, type FlowRunStart, type StartFlowRunDeps } from './start-flow-run.ts';

export interface StartInstantRunDeps extends StartFlowRunDeps {
  registry: NodeRegistry;
}

export interface InstantRunRequest {
  workspaceId: string;
  version: FlowRunStart['version'];
  input: Record<string, unknown>;
  contact: string | null;
  /**
   * Whether the caller has what it waits for once the run reaches a node that is not pure (a
   * webhook's answer). When it has not, nothing is kept and `needs-temporal` says to start the
   * run as before; without it, the run is always handed over from where it is.
   */
  settled?: (context: RunContext) => boolean;
}

export type InstantRunStarted =
  /** Played to its end and recorded: nothing of it is in Temporal. */
  | { kind: 'ended'; runId: string; status: 'completed' | 'failed'; context: RunContext }
  /** Played up to a node that is not pure, recorded so far, and going on in its workflow. */
  | { kind: 'handed-over'; runId: string; context: RunContext }
  /** Not settled when it needed Temporal: nothing was recorded or started. */
  | { kind: 'needs-temporal' };

/**
 * Starts a run the instant way (play-instant-run.ts): played here, and recorded before the caller
 * hears of it. A run that ends here is one write; one that reaches a node that is not pure has
 * its steps so far written, then its flowRun workflow started from the snapshot reached, as
 * startFlowRun starts any run (its row first, given up on if the start fails), and is answered
 * once Temporal holds it.
 */
export async function startInstantRun(
  deps: StartInstantRunDeps,
  request: InstantRunRequest,
): Promise<InstantRunStarted> {
  const { db, registry } = deps;
  const { workspaceId, version, input, contact } = request;
  const runId = newId();
  const startedAt = new Date();
  const outcome = await playInstantRun(registry, {
    runId,
    workspaceId,
    // Compiled by compileFlow when the version was written; the column is plain jsonb.
    machine: version.machine as MachineJson,
    input,
    run: { id: runId, flowId: version.flowId, version: version.version, startedAt: startedAt.toISOString() },
  });
  if (outcome.kind === 'ended') {
    try {
      await recordInstantRun(db, {
        workspaceId,
        flowId: version.flowId,
        flowVersionId: version.id,
        version: version.version,
        input,
        contact,
        startedAt,
        progress: outcome.progress,
      });
    } catch (error) {
      // Not recorded is not run: the play touched nothing outside, so the caller may send again.
      console.error(`Run ${runId} of flow ${version.flowId} could not be recorded:`, error);
      throw new RunError('RUN_NOT_RECORDED', 'notRecorded');
    }
    const status = outcome.progress.status === 'completed' ? 'completed' : 'failed';
    return { kind: 'ended', runId, status, context: outcome.context };
  }
  if (request.settled && !request.settled(outcome.context)) return { kind: 'needs-temporal' };
  await startFlowRun(deps, {
    id: runId,
    workspaceId,
    version,
    input,
    contact,
    startedAt,
    resume: outcome.resume,
    // The steps played so far, before the workflow can write any of its own.
    beforeStart: () => writeProgressBatch(db, [storableProgress(outcome.progress)]),
  });
  return { kind: 'handed-over', runId, context: outcome.context };
}

/** Whether runs start the instant way here (AppDeps.instantRuns; OMNIFLOW_INSTANT_RUNS=0 turns it off). */
export const instantRunsOn = (deps: { instantRuns?: boolean | undefined }) =>
  deps.instantRuns ?? process.env.OMNIFLOW_INSTANT_RUNS !== '0';
