import { randomUUID } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Client } from '@temporalio/client';
import { NativeConnection, Worker } from '@temporalio/worker';
import type { Db } from '@omniflow/db';
import type { NodeRegistry } from '@omniflow/nodes/sdk';
import type { RecordingStore } from '../recordings/recording-store.ts';
import { recordingStoreFromEnv } from '../recordings/recording-store-from-env.ts';
import { createActivities } from '../temporal/activities.ts';
import type { CallRegistry } from './call-registry.ts';
import { createCallRecordings } from './call-recordings.ts';
import { createVoicePromptFiles } from '../voice-prompts/voice-prompt-files.ts';

/** What a process that answers calls (SIP endpoint, TwiML host) needs, whichever driver. */
export interface CallHostDeps {
  db: Db;
  temporal: Client;
  /** Temporal address and namespace for this process's call-queue worker. */
  address: string;
  namespace?: string;
  /** The queue flow runs go to (their workflows and every non-voice node). */
  taskQueue: string;
  registry: NodeRegistry;
  env?: Record<string, string | undefined>;
  /** Where `voice.record` stores audio (default: from the environment, as the API reads it). */
  recordingStore?: RecordingStore;
  /** Where drivers write a recording before it is stored (default: the system's temp folder). */
  recordingScratchDir?: string;
  /** Where recorded prompts are copied from the store to be played (default: the system's temp folder). */
  voicePromptDir?: string;
  /** Reports calls that could not be handed to a flow (default: console.warn). */
  onError?: (error: unknown, where: string) => void;
}

export interface CallWorker {
  /** This process's task queue: the voice nodes of its calls' runs run here. */
  callQueue: string;
  stop(): Promise<void>;
}

/**
 * A Temporal worker for the voice activities of the calls this process holds. A call cannot move
 * (an RTP socket, a held provider webhook), so each process that answers calls polls a queue of
 * its own; workflows stay on the shared queue, where any worker may run them.
 */
export async function startCallWorker(
  deps: CallHostDeps,
  calls: CallRegistry,
  /** The most calls this process can hold at once (the SIP endpoint: one per RTP port). */
  maxCalls?: number,
): Promise<CallWorker> {
  const options = { ...deps, calls, maxCalls };
  const store = deps.recordingStore ?? recordingStoreFromEnv(deps.env ?? process.env);
  const recordings = createCallRecordings({
    db: deps.db,
    store,
    calls,
    scratchDir: deps.recordingScratchDir ?? join(tmpdir(), 'omniflow-recording-scratch'),
  });
  const voicePrompts = createVoicePromptFiles({
    db: deps.db,
    store,
    workspaceOf: (callId) => calls.workspaceOf(callId),
    dir: deps.voicePromptDir ?? join(tmpdir(), 'omniflow-voice-prompts'),
  });
  const callQueue = `voice-${randomUUID()}`;
  const connection = await NativeConnection.connect({ address: options.address });
  const worker = await Worker.create({
    connection,
    namespace: options.namespace ?? 'default',
    taskQueue: callQueue,
    // Every call has a voice activity open nearly all the time (a prompt, a menu waiting for a
    // key), mostly idle on its RTP timer: the SDK's default of 100 at once would leave calls past
    // the 100th in silence.
    maxConcurrentActivityTaskExecutions: Math.max(100, options.maxCalls ?? 1000),
    // More pollers waiting on the call queue: the next voice node of a call starts without
    // queueing behind another call's poll.
    maxConcurrentActivityTaskPolls: 10,
    activities: createActivities({
      registry: options.registry,
      ...(options.env ? { env: options.env } : {}),
      voice: options.calls,
      recordings,
      voicePrompts,
    }),
  });
  const running = worker.run();
  return {
    callQueue,
    async stop() {
      // On SIGINT/SIGTERM the SDK has begun draining every worker already.
      if (worker.getState() === 'RUNNING') worker.shutdown();
      await running;
      await connection.close();
    },
  };
}
