import type { Db } from '@omniflow/db';
import { lazyKeyring, loadSecretKeyring } from '../credentials/secret-keyring.ts';
import { channelDriversFromEnv, type ChannelDrivers } from './channel-drivers.ts';
import { createChannelResolver, type ChannelResolver } from './channel-resolver.ts';
import { createDkimKeyStore } from '../email/dkim-key-store.ts';
import { createMessagingService } from './messaging-service.ts';
import { replyNumbers } from './reply-numbers.ts';
import { emailLinksFromEnv } from '../email/email-links-from-env.ts';
import { recordingStoreFromEnv } from '../recordings/recording-store-from-env.ts';
import type { RecordingStore } from '../recordings/recording-store.ts';

export interface WorkerChannelsOptions {
  db: Db;
  env?: Record<string, string | undefined>;
  /** The drivers of channels a workspace saved no settings for (default: environment, else sandbox). */
  messagingDrivers?: ChannelDrivers;
  /** A resolver shared with the API in the same process; otherwise the worker makes its own. */
  channelResolver?: ChannelResolver;
  /** Where received mail's attachments are (default: the recordings store of the environment). */
  attachmentStore?: RecordingStore;
}

/** The worker's messaging: each workspace's saved providers, the fallback drivers for the rest. */
export function workerChannels(options: WorkerChannelsOptions) {
  const env = options.env ?? process.env;
  const fallback = options.messagingDrivers ?? channelDriversFromEnv(env, { db: options.db });
  const keyring = lazyKeyring(() => loadSecretKeyring(env));
  const resolver =
    options.channelResolver ??
    createChannelResolver({
      db: options.db,
      keyring,
      fallback,
      ...(env.OMNIFLOW_PUBLIC_URL ? { publicUrl: env.OMNIFLOW_PUBLIC_URL } : {}),
    });
  const dkimKey = createDkimKeyStore(options.db, resolver.keyring).signingKey;
  const emailLinks = emailLinksFromEnv(env, keyring);
  const messaging = createMessagingService({
    db: options.db,
    drivers: fallback,
    resolve: resolver.driverFor,
    replyNumber: replyNumbers(options.db, resolver.keyring, env.OMNIFLOW_PUBLIC_URL),
    dkimKey,
    emailLinks,
    attachmentStore: options.attachmentStore ?? recordingStoreFromEnv(env),
  });
  // Campaign sends use the same drivers, keys and links as flows' sends.
  return { resolver, messaging, owned: !options.channelResolver, dkimKey, emailLinks };
}

export type WorkerChannels = ReturnType<typeof workerChannels>;
