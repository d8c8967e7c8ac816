import { and, asc, eq } from 'drizzle-orm';
import { channelNumbers, isUniqueViolation, newId, type Db } from '@omniflow/db';
import type { MessagingChannel } from '@omniflow/nodes/drivers/messaging';
import { NodeError } from '@omniflow/nodes/sdk';
import {
  channelSettingsSchema,
  providerServes,
  providerSpecs,
  type ChannelSettings,
  type ChannelSettingsBody,
} from '../credentials/channel-settings.ts';
import { openSecrets, sealSecrets } from '../credentials/secret-box.ts';
import type { SecretKeyring } from '../credentials/secret-keyring.ts';
import { isNumberProvider, numberAddressOf, numberProviders } from './number-address.ts';
import { numberOwner } from './number-claims.ts';

export interface ChannelNumberSummary {
  id: string;
  channel: MessagingChannel;
  address: string;
  name: string;
  provider: ChannelSettings['provider'];
  config: Record<string, unknown>;
  secretsSet: string[];
  createdAt: Date;
}

type Row = typeof channelNumbers.$inferSelect;

/** Sealed values are bound to their number (AES-GCM associated data): a copied row does not open. */
export const contextOf = (row: { workspaceId: string; channel: string; id: string }) =>
  `${row.workspaceId}/${row.channel}/numbers/${row.id}`;

const summary = (row: Row): ChannelNumberSummary => ({
  id: row.id,
  channel: row.channel,
  address: row.address,
  name: row.name,
  provider: row.provider,
  config: row.config,
  secretsSet: row.secretNames,
  createdAt: row.createdAt,
});

/** The further numbers of workspaces' channels, each with its own provider settings, secrets sealed. */
export function createChannelNumberStore(db: Db, keyring: () => SecretKeyring) {
  function open(row: Row): ChannelSettings {
    const secrets = openSecrets(keyring(), { sealed: row.secretsSealed, keyId: row.keyId }, contextOf(row));
    const parsed = channelSettingsSchema.safeParse({ provider: row.provider, config: row.config, secrets });
    if (!parsed.success)
      throw new NodeError(
        'CHANNEL_SETTINGS_INVALID',
        `The saved settings of ${row.channel} number ${row.address} no longer fit ${row.provider}; add the number again`,
        false,
      );
    return parsed.data;
  }

  return {
    async list(workspaceId: string, channel: MessagingChannel) {
      const rows = await db
        .select()
        .from(channelNumbers)
        .where(and(eq(channelNumbers.workspaceId, workspaceId), eq(channelNumbers.channel, channel)))
        .orderBy(asc(channelNumbers.createdAt), asc(channelNumbers.id));
      return rows.map(summary);
    },

    /** The number a webhook names, with its settings opened; undefined when no workspace has it. */
    async byAddress(channel: MessagingChannel, address: string) {
      const [row] = await db
        .select()
        .from(channelNumbers)
        .where(and(eq(channelNumbers.channel, channel), eq(channelNumbers.address, address)));
      return row ? { workspaceId: row.workspaceId, id: row.id, settings: open(row) } : undefined;
    },

    /**
     * Adds a number: every secret its provider needs, and an address (phone number id, sender
     * number) no workspace has yet — NUMBER_TAKEN otherwise, whoever has it. `check` sees the
     * whole settings before anything is written and throws to refuse them.
     */
    async add(
      workspaceId: string,
      channel: MessagingChannel,
      input: ChannelSettingsBody & { name: string },
      check: (settings: ChannelSettings) => void = () => undefined,
    ): Promise<ChannelNumberSummary> {
      if (!isNumberProvider(input.provider) || !providerServes(input.provider, channel))
        throw new NodeError(
          'NUMBERS_UNSUPPORTED',
          `Further numbers go through ${numberProviders.filter((p) => providerServes(p, channel)).join(' or ') || 'no provider'} on ${channel}`,
          false,
        );
      const spec = providerSpecs[input.provider];
      const secrets = Object.fromEntries(
        Object.entries(input.secrets).filter((e): e is [string, string] => e[1] !== undefined),
      );
      const missing = spec.secrets.filter((name) => !secrets[name]);
      if (missing.length > 0)
        throw new NodeError(
          'SECRETS_MISSING',
          `${input.provider} needs ${missing.map((m) => `secrets.${m}`).join(', ')}`,
          false,
          { missing },
        );
      const whole = channelSettingsSchema.safeParse({
        provider: input.provider,
        config: input.config,
        secrets,
      });
      if (!whole.success)
        throw new NodeError(
          'CHANNEL_SETTINGS_INVALID',
          whole.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; '),
          false,
        );
      const address = numberAddressOf(input.provider, whole.data.config);
      if (!address)
        throw new NodeError(
          'NUMBER_ADDRESS_MISSING',
          input.provider === 'twilio'
            ? 'Set config.from: the Twilio number this is (its webhooks name it as To)'
            : 'Set config.phoneNumberId: Meta names the number by it in every webhook',
          false,
        );
      check(whole.data);
      if (await numberOwner(db, channel, address))
        throw new NodeError(
          'NUMBER_TAKEN',
          `The number ${address} is already connected on this install`,
          false,
        );
      const id = newId();
      const sealed = sealSecrets(keyring(), secrets, contextOf({ workspaceId, channel, id }));
      try {
        const [row] = await db
          .insert(channelNumbers)
          .values({
            id,
            workspaceId,
            channel,
            address,
            name: input.name,
            provider: input.provider,
            config: input.config,
            secretsSealed: sealed.sealed,
            keyId: sealed.keyId,
            secretNames: Object.keys(secrets).sort(),
          })
          .returning();
        return summary(row!);
      } catch (error) {
        // Two workspaces adding the same number at once: the unique index decides.
        if (isUniqueViolation(error))
          throw new NodeError(
            'NUMBER_TAKEN',
            `The number ${address} is already connected on this install`,
            false,
          );
        throw error;
      }
    },

    async remove(workspaceId: string, channel: MessagingChannel, id: string): Promise<boolean> {
      const deleted = await db
        .delete(channelNumbers)
        .where(
          and(
            eq(channelNumbers.workspaceId, workspaceId),
            eq(channelNumbers.channel, channel),
            eq(channelNumbers.id, id),
          ),
        )
        .returning({ id: channelNumbers.id });
      return deleted.length > 0;
    },
  };
}

export type ChannelNumberStore = ReturnType<typeof createChannelNumberStore>;
