import { randomUUID } from 'node:crypto';
import { NativeConnection, Worker } from '@temporalio/worker';
import type { NodeRegistry } from '@omniflow/nodes/sdk';
import { createActivities } from '../temporal/activities.ts';
import type { CallRegistry } from './call-registry.ts';
import type { CallRecordings } from './call-recordings.ts';

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
export async function startCallWorker(options: {
  address: string;
  namespace?: string;
  registry: NodeRegistry;
  env?: Record<string, string | undefined>;
  calls: CallRegistry;
  /** Where `voice.record` files its audio; without it the node fails with RECORDINGS_NOT_CONFIGURED. */
  recordings?: CallRecordings;
  /** The most calls this process can hold at once (the SIP endpoint: one per RTP port). */
  maxCalls?: number;
}): Promise<CallWorker> {
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
      ...(options.recordings ? { recordings: options.recordings } : {}),
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
