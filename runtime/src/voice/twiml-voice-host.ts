import { TwimlVoiceDriver } from '@omniflow/nodes/drivers/voice';
import { CallRegistry } from './call-registry.ts';
import { startCallWorker, type CallHostDeps } from './call-worker.ts';
import { takeCall } from './take-call.ts';

export interface TwimlVoiceHostDeps extends CallHostDeps {
  /** Webhook holding time and the like, for tests (see TwimlVoiceDriverOptions). */
  heldRequestMs?: number;
}

/** The voice webhook path of a workspace, under the API. */
export const twilioVoiceWebhookPath = (workspaceId: string) => `/api/v1/webhooks/twilio/${workspaceId}/voice`;

/**
 * TwiML calls of every workspace, held by the process that serves the webhooks (the API): the
 * provider's request is open here, so the runs' voice nodes come back here on its call queue.
 */
export interface TwimlVoiceHost {
  calls: CallRegistry;
  callQueue: string;
  /**
   * The driver of one workspace's line, made on first use. `publicOrigin` is where the provider
   * reaches us (OMNIFLOW_PUBLIC_URL, else the request's own origin).
   */
  driverFor(
    workspaceId: string,
    publicOrigin: string,
    authToken: () => Promise<string | undefined>,
  ): TwimlVoiceDriver;
  stop(): Promise<void>;
}

export async function startTwimlVoiceHost(deps: TwimlVoiceHostDeps): Promise<TwimlVoiceHost> {
  const calls = new CallRegistry();
  const report =
    deps.onError ?? ((error, where) => console.warn(`TwiML voice ${where}: ${messageOf(error)}`));
  const worker = await startCallWorker(deps, calls);
  const callQueue = worker.callQueue;
  const drivers = new Map<string, TwimlVoiceDriver>();
  // What a held caller hears (an http(s) WAV/MP3 the provider fetches); silence without it.
  const holdMusicUrl = deps.env?.OMNIFLOW_TWIML_HOLD_MUSIC_URL;
  return {
    calls,
    callQueue,
    driverFor(workspaceId, publicOrigin, authToken) {
      const webhookUrl = new URL(twilioVoiceWebhookPath(workspaceId), publicOrigin).toString();
      let driver = drivers.get(webhookUrl);
      if (!driver) {
        driver = new TwimlVoiceDriver({
          webhookUrl,
          authToken,
          ...(deps.heldRequestMs ? { heldRequestMs: deps.heldRequestMs } : {}),
          ...(holdMusicUrl ? { holdAudio: { kind: 'url' as const, url: holdMusicUrl } } : {}),
        });
        driver.onCall((call) => {
          takeCall(deps, { calls, callQueue, driver: 'twiml', workspaceId }, call).catch((error: unknown) => {
            report(error, `call ${call.id}`);
            void call.hangup();
          });
        });
        drivers.set(webhookUrl, driver);
      }
      return driver;
    },
    async stop() {
      for (const driver of drivers.values()) await driver.stop();
      await worker.stop();
    },
  };
}

const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));
