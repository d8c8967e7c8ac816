import { index, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { messagingChannels } from './messaging.ts';
import { workspaces } from './workspaces.ts';

export const channelProviders = ['whatsapp-cloud', 'smpp', 'twilio', 'smtp', 'sandbox'] as const;

/**
 * A workspace's provider for one channel. `config` is what an admin may read back (hosts, sender
 * numbers); the secrets (passwords, tokens) are only ever stored sealed with AES-256-GCM.
 */
export const credentials = pgTable(
  'credentials',
  {
    id: uuid('id').primaryKey(),
    workspaceId: uuid('workspace_id')
      .notNull()
      .references(() => workspaces.id, { onDelete: 'cascade' }),
    channel: text('channel', { enum: messagingChannels }).notNull(),
    provider: text('provider', { enum: channelProviders }).notNull(),
    config: jsonb('config').$type<Record<string, unknown>>().notNull().default({}),
    // `v1.<iv>.<tag>.<ciphertext>` (base64url) of the secrets as JSON; empty object when none.
    secretsSealed: text('secrets_sealed').notNull(),
    // Which key sealed them (a SHA-256 fingerprint of it), so a rotated key can still open old rows.
    keyId: text('key_id').notNull(),
    // The names of the secrets that are set, so listing never needs the key.
    secretNames: jsonb('secret_names').$type<string[]>().notNull().default([]),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('credentials_channel_unique').on(t.workspaceId, t.channel),
    index('credentials_provider_idx').on(t.provider),
  ],
);

/**
 * Where a workspace's applications hear about their messages (the send API's status webhook):
 * each change of an API message's status is POSTed there, signed with the sealed secret.
 */
export const workspaceWebhooks = pgTable('workspace_webhooks', {
  workspaceId: uuid('workspace_id')
    .primaryKey()
    .references(() => workspaces.id, { onDelete: 'cascade' }),
  url: text('url').notNull(),
  // The signing secret, sealed like provider secrets (`v1.<iv>.<tag>.<ciphertext>`).
  secretSealed: text('secret_sealed').notNull(),
  keyId: text('key_id').notNull(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});
