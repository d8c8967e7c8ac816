import { WorkflowNotFoundError, type Client } from '@temporalio/client';
import { asc, eq } from 'drizzle-orm';
import { runSteps, type Db } from '@omniflow/db';
import type { Call } from '@omniflow/nodes/drivers/voice';
import { recordCall } from '../recordings/record-call.ts';
import { startFlowRun } from '../runs/start-flow-run.ts';
import { eventSignal } from '../temporal/workflow-api.ts';
import { callPath } from './call-path.ts';
import type { CallRegistry } from './call-registry.ts';
import { findCallFlow } from './find-call-flow.ts';

export interface TakeCallDeps {
  db: Db;
  temporal: Client;
  /** The queue flow runs go to (their workflows and every non-voice node). */
  taskQueue: string;
}

export interface CallLine {
  /** The calls this process holds; the call joins them. */
  calls: CallRegistry;
  /** This process's call-queue worker: where the run's voice nodes come back to. */
  callQueue: string;
  /** Call records say which driver carried the call: `sip`, `twiml`. */
  driver: string;
  /** A provider webhook belongs to one workspace; the SIP endpoint serves them all. */
  workspaceId?: string;
}

/** One Temporal workflow id per call, so a retried start cannot run the flow twice. */
export const callWorkflowId = (workspaceId: string, callId: string) => `call:${workspaceId}:${callId}`;

/**
 * Hands a new call to the flow whose `voice.inbound-call` holds the dialled number, whichever
 * driver answered it: records it, runs the flow, and tells the run when the caller hangs up.
 */
export async function takeCall(deps: TakeCallDeps, line: CallLine, call: Call): Promise<void> {
  const { db } = deps;
  const startedAt = new Date();
  const version = await findCallFlow(db, call.to, line.workspaceId);
  // Nobody answers this number: hanging up before the answer refuses the call (SIP 603, <Reject>).
  if (!version) {
    await call.hangup();
    return;
  }
  await call.answer();
  await runCallFlow(deps, line, call, version, {
    input: { callId: call.id, from: call.from, to: call.to },
    contact: call.from,
    startedAt,
  });
}

/** The published version a call runs. */
export type CallFlowVersion = NonNullable<Awaited<ReturnType<typeof findCallFlow>>>;

/**
 * Runs `version` for an answered call until both are over: the call's record, the run (one
 * workflow per call), the hang-up told to the run, and the path of keys on the record. Calls
 * people make and calls a campaign places go the same way.
 */
export async function runCallFlow(
  deps: TakeCallDeps,
  line: CallLine,
  call: Call,
  version: CallFlowVersion,
  start: {
    input: Record<string, unknown>;
    contact: string;
    startedAt: Date;
    /** The run's id when the caller must know it first (the browser phone shows its path). */
    runId?: string;
    /** A call to a draft: a test run, like the simulator's. */
    test?: boolean;
    /** As soon as the call is over (before its record takes the run's path). */
    onEnded?: (runId: string, ended: { side: string; at: Date }) => void;
  },
): Promise<{ runId: string; ended: { side: string; at: Date } }> {
  const { db } = deps;
  const { input, startedAt } = start;
  line.calls.add(call);
  const record = {
    workspaceId: version.workspaceId,
    callId: call.id,
    driver: line.driver,
    from: call.from,
    to: call.to,
  };
  const answeredAt = new Date();
  const { runId, handle } = await startFlowRun(deps, {
    workspaceId: version.workspaceId,
    version,
    input,
    contact: start.contact,
    // One workflow per call, so a retried start cannot run the flow twice.
    workflowId: callWorkflowId(version.workspaceId, call.id),
    ...(start.runId ? { id: start.runId } : {}),
    ...(start.test ? { test: true } : {}),
    callQueue: line.callQueue,
    startedAt,
    // The call's record and context exist before the flow's first voice node can save a recording.
    async beforeStart(runId) {
      const callRecord = await recordCall(db, {
        ...record,
        startedAt,
        answeredAt,
        runId,
        flowId: version.flowId,
      });
      // What the call's recordings are filed under (voice.record saves through it).
      line.calls.describe(call.id, {
        workspaceId: version.workspaceId,
        callRecordId: callRecord.id,
        runId,
        flowId: version.flowId,
        from: call.from,
        to: call.to,
      });
    },
  });

  // A run that ends with the caller still on the line (a port left unwired, a failed node) has
  // nobody left to talk to them: hang up rather than leave them in silence. A call bridged to a
  // transfer target or queue agent is theirs now: it stays up until one of them hangs up.
  const first = await Promise.race([
    call.ended.then(() => 'call' as const),
    handle.result().then(
      () => 'run' as const,
      () => 'run' as const,
    ),
  ]);
  if (first === 'run' && !call.bridged) await call.hangup();
  const ended = await call.ended;
  start.onEnded?.(runId, ended);
  const finalRecord = {
    ...record,
    startedAt,
    answeredAt,
    endedAt: ended.at,
    hangupSide: ended.side,
    runId,
    flowId: version.flowId,
  };
  await recordCall(db, finalRecord);
  // The flow ended the call itself (or transferred it): the run goes on to its end as drawn.
  if (ended.side !== 'flow' && ended.side !== 'transfer') {
    try {
      await handle.signal(eventSignal, { type: 'call.hangup' });
    } catch (error) {
      // A run that already finished needs no telling.
      if (!(error instanceof WorkflowNotFoundError)) throw error;
    }
  }
  // The path and keys come from the run's steps, which the run writes as it goes: wait briefly
  // for it to settle (a run that goes on for days after the call is not waited for).
  await Promise.race([
    handle.result().catch(() => undefined),
    new Promise((resolve) => setTimeout(resolve, pathSettleMs).unref()),
  ]);
  const steps = await db
    .select({ seq: runSteps.seq, nodeId: runSteps.nodeId, enteredAt: runSteps.enteredAt })
    .from(runSteps)
    .where(eq(runSteps.runId, runId))
    .orderBy(asc(runSteps.seq));
  await recordCall(db, { ...finalRecord, ...callPath(steps, call.pressedKeys ?? []) });
  return { runId, ended };
}

/** How long a call's end waits for its run to finish before the record takes the path so far. */
const pathSettleMs = 15_000;
