import { createPromptCache, SipVoiceDriver } from '@omniflow/nodes/drivers/voice';
import { CallRegistry } from './call-registry.ts';
import { startCallWorker, type CallHostDeps } from './call-worker.ts';
import { takeCall } from './take-call.ts';
import { startVoiceCampaignWorker } from './voice-campaign-worker.ts';
import type { VoiceEndpointEnv } from './voice-endpoint-options.ts';

export interface VoiceEndpointDeps extends CallHostDeps {
  settings: Pick<VoiceEndpointEnv, 'sip' | 'promptDir'>;
  /** Voice campaigns: how long their calls ring, how often a waiting chunk looks for a free line. */
  campaignCalls?: { ringTimeoutMs?: number; pollMs?: number };
}

export interface VoiceEndpoint {
  driver: SipVoiceDriver;
  calls: CallRegistry;
  /** This process's task queue: voice nodes of its calls' runs run here. */
  callQueue: string;
  stop(): Promise<void>;
}

export { callWorkflowId } from './take-call.ts';

/**
 * The built-in SIP endpoint wired to flows: each call to a number a published
 * `voice.inbound-call` flow answers starts a run of it; the call stays in this process (its RTP
 * socket cannot move), so the run's voice nodes come back here on a task queue of our own.
 */
export async function startVoiceEndpoint(deps: VoiceEndpointDeps): Promise<VoiceEndpoint> {
  const calls = new CallRegistry();
  const report =
    deps.onError ?? ((error, where) => console.warn(`Voice endpoint ${where}: ${messageOf(error)}`));
  const driver = new SipVoiceDriver(deps.settings.sip, {
    prompts: createPromptCache({ dir: deps.settings.promptDir }),
    onError: (error) => report(error, 'SIP'),
    // The same escape hatch as http.request: audio URLs on private addresses only when allowed.
    allowPrivateAudio: (deps.env ?? process.env).OMNIFLOW_HTTP_ALLOW_PRIVATE === '1',
  });
  const worker = await startCallWorker(deps, calls, rtpPortsOf(driver.options));
  const callQueue = worker.callQueue;
  // Calls still being recorded or told to their runs; stop() lets them finish with the client open.
  const handling = new Set<Promise<void>>();
  driver.onCall((call) => {
    const handled = takeCall(deps, { calls, callQueue, driver: 'sip' }, call).catch((error: unknown) => {
      report(error, `call ${call.id}`);
      void call.hangup();
    });
    handling.add(handled);
    void handled.finally(() => handling.delete(handled));
  });
  await driver.start();
  // Campaign calls go out through this endpoint and its call queue, like the calls it answers.
  const campaigns = await startVoiceCampaignWorker(
    { ...deps, ...deps.campaignCalls },
    { calls, callQueue, driver: 'sip' },
    (_workspaceId, to, options) => driver.placeCall(to, options),
  );
  return {
    driver,
    calls,
    callQueue,
    async stop() {
      // No new campaign calls while the endpoint stops; the calls going on end with it.
      campaigns.shutdown();
      await driver.stop();
      // Ending the calls makes each run hear its caller hung up; bounded, as Temporal may be gone.
      let bound: NodeJS.Timeout | undefined;
      await Promise.race([
        Promise.allSettled(handling),
        new Promise((resolve) => {
          bound = setTimeout(resolve, 10_000);
        }),
      ]);
      clearTimeout(bound);
      await campaigns.stop();
      await worker.stop();
    },
  };
}

/** RTP ports are even ones of the range: one per call. */
const rtpPortsOf = (options: { rtpPortMin: number; rtpPortMax: number }) =>
  Math.floor((options.rtpPortMax - options.rtpPortMin) / 2) + 1;

const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));
