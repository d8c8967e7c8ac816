import { and, asc, eq, sql } from 'drizzle-orm';
import { credentials, newId, type Db } from '@omniflow/db';
import type { MessagingChannel } from '@omniflow/nodes/drivers/messaging';
import { NodeError } from '@omniflow/nodes/sdk';
import {
  channelSettingsSchema,
  providerServes,
  providerSpecs,
  type ChannelSettings,
  type ChannelSettingsBody,
} from './channel-settings.ts';
import { openSecrets, sealSecrets } from './secret-box.ts';
import type { SecretKeyring } from './secret-keyring.ts';

/** What the API may show of a saved channel: never a secret, only which ones are set. */
export interface ChannelSettingsSummary {
  channel: MessagingChannel;
  provider: ChannelSettings['provider'];
  config: Record<string, unknown>;
  secretsSet: string[];
  keyId: string;
  updatedAt: Date;
}

/** Sealed values are bound to their row's workspace and channel (AES-GCM associated data). */
export const contextOf = (workspaceId: string, channel: MessagingChannel) => `${workspaceId}/${channel}`;

/** Channel settings per workspace, secrets sealed with the install's key. */
export function createCredentialsStore(db: Db, keyring: () => SecretKeyring) {
  const summary = (row: typeof credentials.$inferSelect): ChannelSettingsSummary => ({
    channel: row.channel,
    provider: row.provider,
    config: row.config,
    secretsSet: row.secretNames,
    keyId: row.keyId,
    updatedAt: row.updatedAt,
  });

  async function row(workspaceId: string, channel: MessagingChannel) {
    const [found] = await db
      .select()
      .from(credentials)
      .where(and(eq(credentials.workspaceId, workspaceId), eq(credentials.channel, channel)));
    return found;
  }

  function open(found: typeof credentials.$inferSelect): ChannelSettings {
    const secrets = openSecrets(
      keyring(),
      { sealed: found.secretsSealed, keyId: found.keyId },
      contextOf(found.workspaceId, found.channel),
    );
    const parsed = channelSettingsSchema.safeParse({
      provider: found.provider,
      config: found.config,
      secrets,
    });
    if (!parsed.success) {
      throw new NodeError(
        'CHANNEL_SETTINGS_INVALID',
        `The saved ${found.channel} settings no longer fit the ${found.provider} provider (${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}); save them again`,
        false,
      );
    }
    return parsed.data;
  }

  return {
    async list(workspaceId: string): Promise<ChannelSettingsSummary[]> {
      const rows = await db
        .select()
        .from(credentials)
        .where(eq(credentials.workspaceId, workspaceId))
        .orderBy(asc(credentials.channel));
      return rows.map(summary);
    },

    /** Every saved channel of every workspace, without opening secrets (for the worker's links). */
    async all() {
      return db
        .select({
          workspaceId: credentials.workspaceId,
          channel: credentials.channel,
          provider: credentials.provider,
          updatedAt: credentials.updatedAt,
        })
        .from(credentials);
    },

    /** Changes whenever the channel's settings are saved; undefined when it has none. */
    async revision(workspaceId: string, channel: MessagingChannel): Promise<string | undefined> {
      const [found] = await db
        .select({ revision: credentials.secretsSealed })
        .from(credentials)
        .where(and(eq(credentials.workspaceId, workspaceId), eq(credentials.channel, channel)));
      return found?.revision;
    },

    /** The settings with their secrets opened, and their revision; undefined when none. */
    async read(workspaceId: string, channel: MessagingChannel) {
      const found = await row(workspaceId, channel);
      return found ? { settings: open(found), revision: found.secretsSealed } : undefined;
    },

    /**
     * Saves a channel's settings. A secret left out keeps the value saved before for the same
     * provider; switching provider needs all of the new one's secrets. Saving re-seals with the
     * current key, which is how a rotated key takes over. `check` sees the whole settings (kept
     * secrets included) before anything is written, and throws to refuse them.
     */
    async save(
      workspaceId: string,
      channel: MessagingChannel,
      body: ChannelSettingsBody,
      check: (settings: ChannelSettings) => void = () => undefined,
    ) {
      if (!providerServes(body.provider, channel)) {
        throw new NodeError(
          'PROVIDER_NOT_FOR_CHANNEL',
          `${body.provider} does not serve the ${channel} channel; use ${Object.entries(providerSpecs)
            .filter(([, spec]) => (spec.channels as readonly string[]).includes(channel))
            .map(([name]) => name)
            .join(' or ')}`,
          false,
        );
      }
      const existing = await row(workspaceId, channel);
      const kept = existing?.provider === body.provider ? open(existing).secrets : {};
      const given = Object.fromEntries(
        Object.entries(body.secrets).filter((entry): entry is [string, string] => entry[1] !== undefined),
      );
      const secrets: Record<string, string> = { ...kept, ...given };
      const spec = providerSpecs[body.provider];
      const optional: readonly string[] = 'optionalSecrets' in spec ? spec.optionalSecrets : [];
      const missing = spec.secrets.filter((name) => !secrets[name] && !optional.includes(name));
      if (missing.length > 0) {
        throw new NodeError(
          'SECRETS_MISSING',
          `${body.provider} needs ${missing.map((m) => `secrets.${m}`).join(', ')}`,
          false,
          { missing },
        );
      }
      const whole = channelSettingsSchema.safeParse({
        provider: body.provider,
        config: body.config,
        secrets,
      });
      if (!whole.success) {
        throw new NodeError(
          'CHANNEL_SETTINGS_INVALID',
          whole.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; '),
          false,
        );
      }
      check(whole.data);
      const sealed = sealSecrets(keyring(), secrets, contextOf(workspaceId, channel));
      const values = {
        provider: body.provider,
        config: body.config,
        secretsSealed: sealed.sealed,
        keyId: sealed.keyId,
        secretNames: Object.keys(secrets).sort(),
      };
      const [saved] = await db
        .insert(credentials)
        .values({ id: newId(), workspaceId, channel, ...values })
        .onConflictDoUpdate({
          target: [credentials.workspaceId, credentials.channel],
          // clock_timestamp(), not now(): two saves in one transaction still differ, and the
          // resolver rebuilds drivers when this changes.
          set: { ...values, updatedAt: sql`clock_timestamp()` },
        })
        .returning();
      return summary(saved!);
    },

    async remove(workspaceId: string, channel: MessagingChannel): Promise<boolean> {
      const deleted = await db
        .delete(credentials)
        .where(and(eq(credentials.workspaceId, workspaceId), eq(credentials.channel, channel)))
        .returning({ id: credentials.id });
      return deleted.length > 0;
    },
  };
}

export type CredentialsStore = ReturnType<typeof createCredentialsStore>;
