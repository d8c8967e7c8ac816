import { lazyKeyring, loadSecretKeyring } from '../credentials/secret-keyring.ts';
import { attachChannelLinks } from '../messaging/channel-links.ts';
import { channelDriversFromEnv } from '../messaging/channel-drivers.ts';
import { createChannelResolver, type ChannelResolver } from '../messaging/channel-resolver.ts';
import { createMessagingService } from '../messaging/messaging-service.ts';
import type { AppDeps } from './app-deps.ts';

const owned = new WeakMap<AppDeps, ChannelResolver>();

/**
 * The one resolver every route of an app shares, so that saving a channel's settings is seen by
 * the webhooks at once. An app given none makes its own; should it ever hold an SMPP link (an
 * agent's reply), what arrives there is routed like on the worker's, not left unanswered.
 */
export function channelResolverOf(deps: AppDeps): ChannelResolver {
  if (deps.channelResolver) return deps.channelResolver;
  let resolver = owned.get(deps);
  if (!resolver) {
    const fallback = deps.channels ?? channelDriversFromEnv(process.env, { db: deps.db });
    resolver = createChannelResolver({
      db: deps.db,
      keyring: deps.secretKeyring ?? lazyKeyring(() => loadSecretKeyring()),
      fallback,
      ...(process.env.OMNIFLOW_PUBLIC_URL ? { publicUrl: process.env.OMNIFLOW_PUBLIC_URL } : {}),
    });
    attachChannelLinks(resolver, {
      db: deps.db,
      temporal: deps.temporal,
      taskQueue: deps.taskQueue,
      messaging: createMessagingService({ db: deps.db, drivers: {} }),
    });
    owned.set(deps, resolver);
  }
  return resolver;
}
