import { TwimlVoiceDriver, type TwimlAccount } from '@omniflow/nodes/drivers/voice';
import { VoiceError } from '@omniflow/nodes/drivers/voice';
import { CallRegistry } from './call-registry.ts';
import { startCallWorker, type CallHostDeps } from './call-worker.ts';
import { takeCall } from './take-call.ts';
import { startVoiceCampaignWorker } from './voice-campaign-worker.ts';

export interface TwimlVoiceHostDeps extends CallHostDeps {
  /** Webhook holding time and the like, for tests (see TwimlVoiceDriverOptions). */
  heldRequestMs?: number;
  /**
   * Voice campaigns through the provider: each workspace's account (twilio-account.ts), and where
   * the provider reaches this process (OMNIFLOW_PUBLIC_URL). Without an account no campaign
   * worker runs here.
   */
  campaignCalls?: {
    account: (workspaceId: string) => Promise<TwimlAccount | undefined>;
    publicUrl?: () => string | undefined;
    ringTimeoutMs?: number;
    pollMs?: number;
  };
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
  const campaignCalls = deps.campaignCalls;
  // The webhook routes read the token the same way; a placed call's webhooks come back there.
  const tokenOf = (workspaceId: string) => async () => (await campaignCalls?.account(workspaceId))?.authToken;
  const campaigns = campaignCalls
    ? await startVoiceCampaignWorker(
        { ...deps, ringTimeoutMs: campaignCalls.ringTimeoutMs, pollMs: campaignCalls.pollMs },
        { calls, callQueue, driver: 'twiml' },
        async (workspaceId, to, options) => {
          const account = await campaignCalls.account(workspaceId);
          if (!account)
            throw new VoiceError(
              'SIP_TRUNK_MISSING',
              'This workspace has no Twilio account to call with: save it with PUT /api/v1/channels/sms (provider twilio, config.from)',
            );
          const origin = campaignCalls.publicUrl?.() ?? deps.env?.OMNIFLOW_PUBLIC_URL;
          if (!origin)
            throw new VoiceError(
              'SIP_TRUNK_MISSING',
              'Set OMNIFLOW_PUBLIC_URL: the provider fetches the call’s TwiML from this install',
            );
          const driver = host.driverFor(workspaceId, origin, tokenOf(workspaceId));
          return driver.placeCall(to, account, { ringTimeoutMs: options.ringTimeoutMs });
        },
        'twiml',
      )
    : undefined;
  const host: TwimlVoiceHost = {
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
      campaigns?.shutdown();
      for (const driver of drivers.values()) await driver.stop();
      await campaigns?.stop();
      await worker.stop();
    },
  };
  return host;
}

const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));
