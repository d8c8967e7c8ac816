import { fileURLToPath } from 'node:url';
import { Client, Connection } from '@temporalio/client';
import type { Db } from '@omniflow/db';
import { apiKeyCacheOf } from '../api/api-key-cache.ts';
import { buildCatalog, type NodeRegistry } from '@omniflow/nodes/sdk';
import { createApp } from '../api/create-app.ts';
import { flowTaskQueue } from '../temporal/task-queue.ts';
import {
  channelDriversFromEnv,
  processWebChatHub,
  type ChannelDrivers,
} from '../messaging/channel-drivers.ts';
import { startWebChatRelay } from '../messaging/webchat-relay.ts';
import type { ChannelResolver } from '../messaging/channel-resolver.ts';
import { startTwimlVoiceHost } from '../voice/twiml-voice-host.ts';
import { createBrowserPhoneHost } from '../voice/browser-phone/browser-phone-host.ts';
import { twilioAccounts } from '../voice/twilio-account.ts';
import { mailIntakeFromEnv } from '../email/mail-intake-from-env.ts';
import { startMailIntake } from '../email/start-mail-intake.ts';
import { startProcessHealth } from '../health/process-health.ts';
import { processProbe } from '../health/process-probe.ts';
import { lazyKeyring, loadSecretKeyring } from '../credentials/secret-keyring.ts';
import { recordingStoreFromEnv } from '../recordings/recording-store-from-env.ts';
import { publicOrigin } from '../api/public-origin.ts';
import { listenApi } from './listen-api.ts';
import { tlsSettingsFromEnv } from './tls-settings.ts';

export interface ApiServer {
  url: string;
  close(): Promise<void>;
}

export interface StartApiOptions {
  db: Db;
  ping: () => Promise<void>;
  registry: NodeRegistry;
  temporalAddress: string;
  port: number;
  hostname?: string;
  /** Drivers of channels with no saved settings (default: the environment's, else the sandbox). */
  channels?: ChannelDrivers;
  /** The in-process worker's, so both use one driver (one SMPP bind) per channel. */
  channelResolver?: ChannelResolver;
  /** Settings read at start (TwiML voice, mail intake); default the process's environment. */
  env?: Record<string, string | undefined>;
}

export async function startApi(options: StartApiOptions): Promise<ApiServer> {
  const connection = await Connection.connect({ address: options.temporalAddress });
  const temporal = new Client({ connection });
  const env = options.env ?? process.env;
  // Read first: settings that are wrong stop the start before anything listens.
  const mailSettings = mailIntakeFromEnv(env);
  const tls = tlsSettingsFromEnv(env);
  const origin = publicOrigin({}, env);
  const keyring = options.channelResolver?.keyring ?? lazyKeyring(() => loadSecretKeyring());
  // TwiML calls live where their webhooks are answered: here, with a call-queue worker of their own.
  const twimlVoice =
    env.OMNIFLOW_TWIML_VOICE === '0'
      ? undefined
      : await startTwimlVoiceHost({
          db: options.db,
          temporal,
          address: options.temporalAddress,
          taskQueue: flowTaskQueue,
          registry: options.registry,
          env,
          // Voice campaigns of workspaces whose calls go through their Twilio account.
          campaignCalls: { account: twilioAccounts(options.db, keyring) },
        });
  // The builder's browser phone: calls are held where the browser's WebSocket is, here.
  const browserPhone =
    env.OMNIFLOW_BROWSER_PHONE === '0'
      ? undefined
      : createBrowserPhoneHost({
          db: options.db,
          temporal,
          address: options.temporalAddress,
          taskQueue: flowTaskQueue,
          registry: options.registry,
          env,
        });
  // Mail comes in here like the other channels' webhooks: the inbound SMTP server and the
  // environment's IMAP mailbox when set (off by default), and the mailboxes workspaces saved in
  // Settings, whose routes (below) tell the pollers of each change.
  const mail = await startMailIntake({
    db: options.db,
    temporal,
    taskQueue: flowTaskQueue,
    settings: mailSettings,
    attachmentStore: recordingStoreFromEnv(env),
    keyring,
  });
  const app = createApp({
    db: options.db,
    registry: options.registry,
    catalog: buildCatalog(options.registry.all()),
    temporal,
    taskQueue: flowTaskQueue,
    health: {
      db: options.ping,
      temporal: async () => void (await connection.healthService.check({})),
    },
    builderDir: fileURLToPath(new URL('../../../builder/dist', import.meta.url)),
    widgetFile: fileURLToPath(new URL('../../../builder/widget/dist/webchat.js', import.meta.url)),
    channels: options.channels ?? channelDriversFromEnv(process.env, { db: options.db }),
    ...(options.channelResolver ? { channelResolver: options.channelResolver } : {}),
    ...(twimlVoice ? { twimlVoice } : {}),
    ...(browserPhone ? { browserPhone } : {}),
    secretKeyring: keyring,
    ...(mail.mailboxes ? { workspaceMailboxes: mail.mailboxes } : {}),
    // One line per request, request id first (OMNIFLOW_REQUEST_LOG=0 turns it off).
    ...(env.OMNIFLOW_REQUEST_LOG === '0'
      ? {}
      : { requestLog: (line: string) => console.log(`${new Date().toISOString()} ${line}`) }),
  });
  // The API's own health samples (the availability report counts their absence as down).
  const health = startProcessHealth(options.db, [processProbe('api', options.ping)], env);
  // Replies sent by workers in other processes reach the widgets connected here.
  const stopRelay = startWebChatRelay({ db: options.db, hub: processWebChatHub });
  const listening = await listenApi(app, {
    port: options.port,
    hostname: options.hostname ?? '0.0.0.0',
    ...(tls ? { tls } : {}),
    ...(origin ? { publicOrigin: origin } : {}),
  });
  return {
    url: listening.url,
    close: async () => {
      await health.stop();
      await mail.stop();
      stopRelay();
      app.closeWebSockets();
      // Held webhooks get <Hangup/> first: server.close() waits for open requests.
      await twimlVoice?.stop();
      await browserPhone?.stop();
      await listening.close();
      // While the database is still open: the keys used since the last batch.
      await apiKeyCacheOf(options.db).flush();
      await connection.close();
    },
  };
}
