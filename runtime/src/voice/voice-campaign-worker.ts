import { Context } from '@temporalio/activity';
import { NativeConnection, Worker } from '@temporalio/worker';
import type { ChunkInput } from '../campaigns/campaign-sending.ts';
import { campaignTaskQueue, voiceQueueChannel, type VoiceCarrier } from '../campaigns/campaign-task-queue.ts';
import { createVoiceCampaignCalls, type PlaceCall } from '../campaigns/voice-campaign-calls.ts';
import type { CallHostDeps } from './call-worker.ts';
import type { CallLine } from './take-call.ts';

export interface VoiceCampaignWorker {
  /** Takes no more chunks (those running hand back at once); calls going on are not touched. */
  shutdown(): void;
  /** Waits for the worker to end and, a while, for the outcomes of its calls to be written. */
  stop(): Promise<void>;
}

/**
 * Polls the voice campaign queue from the process that holds the calls, so a campaign's calls
 * (their RTP, their flow's voice nodes) stay here. Its `campaignSendChunk` is the one
 * campaignRun calls on every queue. OMNIFLOW_CAMPAIGN_CALLER_ID is the number people see;
 * OMNIFLOW_CAMPAIGN_RING_SECONDS how long a call rings before it counts as not answered.
 */
export async function startVoiceCampaignWorker(
  deps: CallHostDeps & { ringTimeoutMs?: number; pollMs?: number },
  line: CallLine,
  place: PlaceCall,
  /** Which voice queue: the SIP endpoint's, or the TwiML provider's (campaignVoiceQueue). */
  carrier: VoiceCarrier = 'sip',
): Promise<VoiceCampaignWorker> {
  const env = deps.env ?? process.env;
  const ringSeconds = Number(env.OMNIFLOW_CAMPAIGN_RING_SECONDS);
  const calls = createVoiceCampaignCalls({
    db: deps.db,
    temporal: deps.temporal,
    taskQueue: deps.taskQueue,
    line,
    place,
    ...(env.OMNIFLOW_CAMPAIGN_CALLER_ID ? { callerId: env.OMNIFLOW_CAMPAIGN_CALLER_ID } : {}),
    ringTimeoutMs: deps.ringTimeoutMs ?? (ringSeconds > 0 ? ringSeconds * 1000 : 30_000),
    ...(deps.pollMs ? { pollMs: deps.pollMs } : {}),
    ...(deps.onError ? { onError: deps.onError } : {}),
  });
  const connection = await NativeConnection.connect({ address: deps.address });
  const worker = await Worker.create({
    connection,
    namespace: deps.namespace ?? 'default',
    taskQueue: campaignTaskQueue(voiceQueueChannel[carrier], deps.taskQueue),
    activities: {
      async campaignSendChunk(input: ChunkInput) {
        const context = Context.current();
        // Waiting for a free line is quiet work: the heartbeat says the chunk is alive.
        const beat = setInterval(() => context.heartbeat(), 5_000);
        try {
          return await calls.activities.campaignSendChunk(input, context.cancellationSignal);
        } finally {
          clearInterval(beat);
        }
      },
    },
    maxConcurrentActivityTaskExecutions: 4,
    shutdownForceTime: '30s',
  });
  const running = worker.run();
  const shutdown = () => {
    if (worker.getState() === 'RUNNING') worker.shutdown();
  };
  return {
    shutdown,
    async stop() {
      shutdown();
      await running;
      // Calls ended by the driver's stop write their outcome; bounded, as the database may be gone.
      let bound: NodeJS.Timeout | undefined;
      await Promise.race([
        calls.drain(),
        new Promise((resolve) => {
          bound = setTimeout(resolve, 10_000);
        }),
      ]);
      clearTimeout(bound);
      await connection.close();
    },
  };
}
