import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Client } from '@temporalio/client';
import type { Db } from '@omniflow/db';
import { TwimlVoiceDriver } from '@omniflow/nodes/drivers/voice';
import type { NodeRegistry } from '@omniflow/nodes/sdk';
import type { RecordingStore } from '../recordings/recording-store.ts';
import { recordingStoreFromEnv } from '../recordings/recording-store-from-env.ts';
import { CallRegistry } from './call-registry.ts';
import { createCallRecordings } from './call-recordings.ts';
import { startCallWorker } from './call-worker.ts';
import { takeCall } from './take-call.ts';

export interface TwimlVoiceHostDeps {
  db: Db;
  temporal: Client;
  /** Temporal address and namespace for this process's call-queue worker. */
  address: string;
  namespace?: string;
  taskQueue: string;
  registry: NodeRegistry;
  env?: Record<string, string | undefined>;
  /** Webhook holding time and the like, for tests (see TwimlVoiceDriverOptions). */
  heldRequestMs?: number;
  /** Where `voice.record` stores audio (default: from the environment, as the API reads it). */
  recordingStore?: RecordingStore;
  /** Where the provider's recording is downloaded before it is stored (default: the temp folder). */
  recordingScratchDir?: string;
  onError?: (error: unknown, where: string) => void;
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
  const worker = await startCallWorker({
    address: deps.address,
    ...(deps.namespace ? { namespace: deps.namespace } : {}),
    registry: deps.registry,
    ...(deps.env ? { env: deps.env } : {}),
    calls,
    recordings: createCallRecordings({
      db: deps.db,
      store: deps.recordingStore ?? recordingStoreFromEnv(deps.env ?? process.env),
      calls,
      scratchDir: deps.recordingScratchDir ?? join(tmpdir(), 'omniflow-recording-scratch'),
    }),
  });
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
