import type { Db } from '@omniflow/db';
import type { MessagingChannel, MessagingDriver } from '@omniflow/nodes/drivers/messaging';
import { NodeError } from '@omniflow/nodes/sdk';
import { createCredentialsStore } from '../credentials/credentials-store.ts';
import type { SecretKeyring } from '../credentials/secret-keyring.ts';
import type { ChannelDrivers } from './channel-drivers.ts';
import { driverFromSettings, type DriverContext } from './driver-from-settings.ts';

export interface ChannelResolverOptions {
  db: Db;
  /** Opens the sealed secrets; loaded the first time a saved channel is read. */
  keyring: () => SecretKeyring;
  /** The driver of a channel a workspace saved no settings for: the environment's, else the sandbox. */
  fallback: ChannelDrivers;
  publicUrl?: string;
  smpp?: DriverContext['smpp'];
  /** How long a replaced driver may finish the sends it has under way before it is closed (default 30 s). */
  retireAfterMs?: number;
}

export interface BuiltDriver {
  workspaceId: string;
  channel: MessagingChannel;
  driver: MessagingDriver;
}

interface Entry extends BuiltDriver {
  /** The sealed secrets: a fresh IV on every save, so any change of settings changes it. */
  revision: string;
}

/**
 * The driver behind each workspace's channel. Saved settings win over the fallback (environment
 * or sandbox) so an admin's change takes effect without a restart; each lookup compares the
 * row's revision, so an API replica and a worker both notice a save without talking to each other.
 */
export function createChannelResolver(options: ChannelResolverOptions) {
  const store = createCredentialsStore(options.db, options.keyring);
  const cache = new Map<string, Entry>();
  const building = new Map<string, Promise<MessagingDriver | undefined>>();
  const listeners = new Set<(built: BuiltDriver) => void>();
  const retiring = new Set<{ timer: NodeJS.Timeout; driver: MessagingDriver }>();
  let closed = false;

  function retire(key: string) {
    const entry = cache.get(key);
    cache.delete(key);
    if (!entry?.driver.close) return;
    const driver = entry.driver;
    const retired = {
      driver,
      timer: setTimeout(() => {
        retiring.delete(retired);
        void driver.close?.().catch(() => undefined);
      }, options.retireAfterMs ?? 30_000),
    };
    retired.timer.unref();
    retiring.add(retired);
  }

  async function build(workspaceId: string, channel: MessagingChannel, key: string) {
    const read = await store.read(workspaceId, channel);
    if (!read) return undefined;
    let driver: MessagingDriver;
    try {
      driver = driverFromSettings(channel, read.settings, {
        workspaceId,
        ...(options.publicUrl ? { publicUrl: options.publicUrl } : {}),
        ...(options.smpp ? { smpp: options.smpp } : {}),
      });
    } catch (error) {
      // Settings saved before the driver's rules were checked on save: say so, not a bare crash.
      throw new NodeError(
        'CHANNEL_SETTINGS_INVALID',
        `The saved ${channel} settings cannot be used (${error instanceof Error ? error.message : String(error)}); save them again in Settings → Channels (PUT /api/v1/channels/${channel})`,
        false,
      );
    }
    if (closed) {
      await driver.close?.();
      return undefined;
    }
    retire(key);
    cache.set(key, { revision: read.revision, workspaceId, channel, driver });
    for (const listener of listeners) listener({ workspaceId, channel, driver });
    return driver;
  }

  async function driverFor(workspaceId: string, channel: MessagingChannel) {
    const key = `${workspaceId}/${channel}`;
    const revision = await store.revision(workspaceId, channel);
    if (revision === undefined) {
      retire(key);
      return options.fallback[channel];
    }
    const cached = cache.get(key);
    if (cached?.revision === revision) return cached.driver;
    // Two sends at once after a save share one new driver (one SMPP bind, not two).
    const pendingKey = `${key}@${revision}`;
    let pending = building.get(pendingKey);
    if (!pending) {
      pending = build(workspaceId, channel, key).then((d) => d ?? options.fallback[channel]);
      building.set(pendingKey, pending);
      void pending.finally(() => building.delete(pendingKey)).catch(() => undefined);
    }
    return pending;
  }

  return {
    store,
    /** The keyring that opens this install's sealed secrets (DKIM keys are sealed with it too). */
    keyring: options.keyring,
    /** The channel's driver for this workspace; undefined when neither settings nor fallback have one. */
    driverFor: (workspaceId: string, channel: MessagingChannel): Promise<MessagingDriver | undefined> =>
      driverFor(workspaceId, channel),

    /** Told of every driver built from saved settings (the worker subscribes to their links). */
    onDriver(listener: (built: BuiltDriver) => void): () => void {
      listeners.add(listener);
      for (const { workspaceId, channel, driver } of cache.values())
        listener({ workspaceId, channel, driver });
      return () => listeners.delete(listener);
    },

    /**
     * Builds the drivers that must stay connected to hear from their provider (SMPP: receipts and
     * inbound SMS arrive on the link, not by webhook) and drops those whose settings are gone.
     * Errors are reported per channel: one workspace's bad settings do not stop the others.
     */
    async refresh(onError: (error: unknown, where: string) => void = () => undefined) {
      const rows = await store.all();
      const keys = new Set(rows.map((r) => `${r.workspaceId}/${r.channel}`));
      for (const key of [...cache.keys()]) if (!keys.has(key)) retire(key);
      for (const row of rows) {
        if (row.provider !== 'smpp' && !cache.has(`${row.workspaceId}/${row.channel}`)) continue;
        await driverFor(row.workspaceId, row.channel).catch((error: unknown) =>
          onError(error, `${row.channel} of workspace ${row.workspaceId}`),
        );
      }
    },

    /** Closes every driver it built (unbinding SMPP links). */
    async close() {
      closed = true;
      const drivers = [...cache.values()].map((e) => e.driver);
      cache.clear();
      for (const retired of retiring) {
        clearTimeout(retired.timer);
        drivers.push(retired.driver);
      }
      retiring.clear();
      await Promise.all(drivers.map((d) => d.close?.().catch(() => undefined)));
    },
  };
}

export type ChannelResolver = ReturnType<typeof createChannelResolver>;
