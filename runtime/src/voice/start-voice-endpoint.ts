import { randomUUID } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { WorkflowNotFoundError, type Client } from '@temporalio/client';
import { NativeConnection, Worker } from '@temporalio/worker';
import { asc, eq } from 'drizzle-orm';
import { newId, runs, runSteps, type Db } from '@omniflow/db';
import { createPromptCache, SipVoiceDriver, type Call } from '@omniflow/nodes/drivers/voice';
import type { NodeRegistry } from '@omniflow/nodes/sdk';
import type { MachineJson } from '../compiler/machine-json.ts';
import { recordCall } from '../recordings/record-call.ts';
import type { RecordingStore } from '../recordings/recording-store.ts';
import { recordingStoreFromEnv } from '../recordings/recording-store-from-env.ts';
import { createActivities } from '../temporal/activities.ts';
import { eventSignal, type FlowRunArgs } from '../temporal/workflow-api.ts';
import { callPath } from './call-path.ts';
import { CallRegistry } from './call-registry.ts';
import { createCallRecordings } from './call-recordings.ts';
import { findCallFlow } from './find-call-flow.ts';
import type { VoiceEndpointEnv } from './voice-endpoint-options.ts';

export interface VoiceEndpointDeps {
  db: Db;
  temporal: Client;
  /** Temporal address and namespace for this process's call-queue worker. */
  address: string;
  namespace?: string;
  /** The queue flow runs go to (their workflows and every non-voice node). */
  taskQueue: string;
  registry: NodeRegistry;
  env?: Record<string, string | undefined>;
  settings: Pick<VoiceEndpointEnv, 'sip' | 'promptDir'>;
  /** Where `voice.record` stores audio (default: from the environment, as the API reads it). */
  recordingStore?: RecordingStore;
  /** Where drivers write a recording before it is stored (default: the system's temp folder). */
  recordingScratchDir?: string;
  /** Reports calls that could not be handed to a flow (default: console.warn). */
  onError?: (error: unknown, where: string) => void;
}

export interface VoiceEndpoint {
  driver: SipVoiceDriver;
  calls: CallRegistry;
  /** This process's task queue: voice nodes of its calls' runs run here. */
  callQueue: string;
  stop(): Promise<void>;
}

/** One Temporal workflow id per call, so a retried start cannot run the flow twice. */
export const callWorkflowId = (workspaceId: string, callId: string) => `call:${workspaceId}:${callId}`;

/**
 * The built-in SIP endpoint wired to flows: each call to a number a published
 * `voice.inbound-call` flow answers starts a run of it; the call stays in this process (its RTP
 * socket cannot move), so the run's voice nodes come back here on a task queue of our own.
 */
export async function startVoiceEndpoint(deps: VoiceEndpointDeps): Promise<VoiceEndpoint> {
  const calls = new CallRegistry();
  const callQueue = `voice-${randomUUID()}`;
  const report =
    deps.onError ?? ((error, where) => console.warn(`Voice endpoint ${where}: ${messageOf(error)}`));
  const driver = new SipVoiceDriver(deps.settings.sip, {
    prompts: createPromptCache({ dir: deps.settings.promptDir }),
    onError: (error) => report(error, 'SIP'),
  });
  const connection = await NativeConnection.connect({ address: deps.address });
  // Only the node activity: workflows stay on the shared queue, where any worker may run them.
  const worker = await Worker.create({
    connection,
    namespace: deps.namespace ?? 'default',
    taskQueue: callQueue,
    activities: createActivities({
      registry: deps.registry,
      ...(deps.env ? { env: deps.env } : {}),
      voice: calls,
      recordings: createCallRecordings({
        db: deps.db,
        store: deps.recordingStore ?? recordingStoreFromEnv(deps.env ?? process.env),
        calls,
        scratchDir: deps.recordingScratchDir ?? join(tmpdir(), 'omniflow-recording-scratch'),
      }),
    }),
  });
  const running = worker.run();
  driver.onCall((call) => {
    takeCall(deps, { calls, callQueue }, call).catch((error: unknown) => {
      report(error, `call ${call.id}`);
      void call.hangup();
    });
  });
  await driver.start();
  return {
    driver,
    calls,
    callQueue,
    async stop() {
      await driver.stop();
      // On SIGINT/SIGTERM the SDK has begun draining every worker already.
      if (worker.getState() === 'RUNNING') worker.shutdown();
      await running;
      await connection.close();
    },
  };
}

async function takeCall(
  deps: VoiceEndpointDeps,
  endpoint: { calls: CallRegistry; callQueue: string },
  call: Call,
) {
  const { db, temporal } = deps;
  const startedAt = new Date();
  const version = await findCallFlow(db, call.to);
  // Nobody answers this number: hanging up before the answer refuses the call (603 Decline).
  if (!version) {
    await call.hangup();
    return;
  }
  endpoint.calls.add(call);
  await call.answer();
  const runId = newId();
  const workflowId = callWorkflowId(version.workspaceId, call.id);
  const input = { callId: call.id, from: call.from, to: call.to };
  await db.insert(runs).values({
    id: runId,
    workspaceId: version.workspaceId,
    flowId: version.flowId,
    flowVersionId: version.id,
    version: version.version,
    input,
    contact: call.from,
    temporalWorkflowId: workflowId,
    startedAt,
  });
  const record = {
    workspaceId: version.workspaceId,
    callId: call.id,
    driver: 'sip',
    from: call.from,
    to: call.to,
  };
  const answeredAt = new Date();
  const callRecord = await recordCall(db, {
    ...record,
    startedAt,
    answeredAt,
    runId,
    flowId: version.flowId,
  });
  endpoint.calls.describe(call.id, {
    workspaceId: version.workspaceId,
    callRecordId: callRecord.id,
    runId,
    flowId: version.flowId,
    from: call.from,
    to: call.to,
  });
  const args: FlowRunArgs = {
    runId,
    workspaceId: version.workspaceId,
    machine: version.machine as MachineJson,
    input,
    run: { id: runId, flowId: version.flowId, version: version.version, startedAt: startedAt.toISOString() },
    callQueue: endpoint.callQueue,
  };
  const handle = await temporal.workflow.start('flowRun', {
    taskQueue: deps.taskQueue,
    workflowId,
    args: [args],
  });
  await db.update(runs).set({ temporalRunId: handle.firstExecutionRunId }).where(eq(runs.id, runId));

  // A run that ends with the caller still on the line (a port left unwired, a failed node) has
  // nobody left to talk to them: hang up rather than leave them in silence.
  const first = await Promise.race([
    call.ended.then(() => 'call' as const),
    handle.result().then(
      () => 'run' as const,
      () => 'run' as const,
    ),
  ]);
  if (first === 'run') await call.hangup();
  const ended = await call.ended;
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
}

/** How long a call's end waits for its run to finish before the record takes the path so far. */
const pathSettleMs = 15_000;

const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));
