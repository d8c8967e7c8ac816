import type { Client } from '@temporalio/client';
import type { Db } from '@omniflow/db';
import { attachChannelLinks } from '../messaging/channel-links.ts';
import type { WorkerChannels } from '../messaging/worker-channels.ts';

export interface ChannelUpkeepOptions {
  db: Db;
  temporal: Client;
  taskQueue: string;
  env?: Record<string, string | undefined>;
}

/**
 * A worker holds provider links (SMPP binds): what arrives on them — receipts, inbound messages —
 * is routed with its Temporal client, and settings saved while it runs open or close links on the
 * next refresh. Every kind of worker (flows, campaign sends) keeps its links this one way.
 */
export function channelUpkeep(channels: WorkerChannels, options: ChannelUpkeepOptions) {
  const detach = attachChannelLinks(channels.resolver, {
    db: options.db,
    temporal: options.temporal,
    taskQueue: options.taskQueue,
    messaging: channels.messaging,
  });
  const refreshMs = positiveMs(
    options.env?.OMNIFLOW_CHANNEL_REFRESH_MS ?? process.env.OMNIFLOW_CHANNEL_REFRESH_MS,
    15_000,
  );
  const refresh = () =>
    channels.resolver
      .refresh((error, where) => console.warn(`Channel ${where}: ${messageOf(error)}`))
      .catch((error: unknown) => console.warn(`Reading channel settings failed: ${messageOf(error)}`));
  let refreshing: ReturnType<typeof setInterval> | undefined;
  return {
    async start() {
      await refresh();
      refreshing = setInterval(() => void refresh(), refreshMs);
    },
    async stop() {
      clearInterval(refreshing);
      detach();
      if (channels.owned) await channels.resolver.close();
    },
  };
}

export const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

export function positiveMs(text: string | undefined, fallback: number): number {
  const value = Number(text);
  return text && Number.isFinite(value) && value > 0 ? value : fallback;
}
