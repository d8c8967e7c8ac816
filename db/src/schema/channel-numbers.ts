import { index, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { channelProviders } from './credentials.ts';
import { messagingChannels } from './messaging.ts';
import { workspaces } from './workspaces.ts';

/**
 * A further number of a workspace's channel (its first is the channel's settings in
 * `credentials`): its own provider settings, secrets sealed like there. `address` is what a
 * provider's webhook names the number by (WhatsApp's phone_number_id, Twilio's To number); one
 * address belongs to one workspace on the whole install, so a webhook finds its owner.
 */
export const channelNumbers = pgTable(
  'channel_numbers',
  {
    id: uuid('id').primaryKey(),
    workspaceId: uuid('workspace_id')
      .notNull()
      .references(() => workspaces.id, { onDelete: 'cascade' }),
    channel: text('channel', { enum: messagingChannels }).notNull(),
    address: text('address').notNull(),
    name: text('name').notNull().default(''),
    provider: text('provider', { enum: channelProviders }).notNull(),
    config: jsonb('config').$type<Record<string, unknown>>().notNull().default({}),
    secretsSealed: text('secrets_sealed').notNull(),
    keyId: text('key_id').notNull(),
    secretNames: jsonb('secret_names').$type<string[]>().notNull().default([]),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('channel_numbers_address_unique').on(t.channel, t.address),
    index('channel_numbers_workspace_idx').on(t.workspaceId, t.channel),
  ],
);
