import { sql } from 'drizzle-orm';
import { index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { runs } from './runs.ts';
import { workspaces } from './workspaces.ts';

export const messagingChannels = ['whatsapp', 'sms', 'webchat', 'email'] as const;
export const messageDirections = ['outbound', 'inbound'] as const;
export const messageStatuses = [
  'queued',
  'sent',
  'delivered',
  'read',
  'failed',
  'undelivered',
  'expired',
  'received',
  // Email: a hard bounce (RFC 3464 DSN) or a complaint (RFC 5965 ARF) came back for it.
  'bounced',
] as const;

/**
 * A person the workspace talks to. Custom fields (typed by `contact_fields`) and answers saved by
 * flows live in `attributes`, keyed by the field's key; their addresses are `contact_channels`.
 */
export const contacts = pgTable(
  'contacts',
  {
    id: uuid('id').primaryKey(),
    workspaceId: uuid('workspace_id')
      .notNull()
      .references(() => workspaces.id, { onDelete: 'cascade' }),
    displayName: text('display_name').notNull().default(''),
    firstName: text('first_name').notNull().default(''),
    lastName: text('last_name').notNull().default(''),
    // BCP 47 (es, en, es-PE): the language messages and templates use for this person.
    language: text('language'),
    // IANA zone (America/Lima): campaigns sent "at 09:00 local time" use it.
    timezone: text('timezone'),
    tags: text('tags')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    attributes: jsonb('attributes').$type<Record<string, unknown>>().notNull().default({}),
    // Set by a data-protection erasure: the row stays, nameless and addressless, so counts hold.
    erasedAt: timestamp('erased_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('contacts_workspace_idx').on(t.workspaceId, t.id),
    index('contacts_tags_idx').using('gin', t.tags),
    index('contacts_attributes_idx').using('gin', t.attributes),
  ],
);

/** How consent to write to an address was given (or withdrawn). */
export const consentSources = [
  'imported',
  'web_form',
  'keyword',
  'api',
  'inbound',
  'manual',
  'unsubscribe',
  'bounce',
] as const;

/** One address of a contact on one channel, with its consent (STOP/START) and last message in. */
export const contactChannels = pgTable(
  'contact_channels',
  {
    id: uuid('id').primaryKey(),
    workspaceId: uuid('workspace_id')
      .notNull()
      .references(() => workspaces.id, { onDelete: 'cascade' }),
    contactId: uuid('contact_id')
      .notNull()
      .references(() => contacts.id, { onDelete: 'cascade' }),
    channel: text('channel', { enum: messagingChannels }).notNull(),
    // E.164 for phones, the session id for web chat, the lower-cased address for email.
    address: text('address').notNull(),
    // When and how the person agreed to be written to here (null: never asked).
    consentAt: timestamp('consent_at', { withTimezone: true }),
    consentSource: text('consent_source', { enum: consentSources }),
    optedOutAt: timestamp('opted_out_at', { withTimezone: true }),
    optOutKeyword: text('opt_out_keyword'),
    optOutSource: text('opt_out_source', { enum: consentSources }),
    // WhatsApp's customer-service window is 24 h from the person's last message.
    lastInboundAt: timestamp('last_inbound_at', { withTimezone: true }),
  },
  (t) => [
    uniqueIndex('contact_channels_address_unique').on(t.workspaceId, t.channel, t.address),
    index('contact_channels_contact_idx').on(t.contactId),
    // Segments' "has consent on …" checks each candidate here instead of hashing every consenting
    // address (BENCHMARKS.md, Segments).
    index('contact_channels_consent_idx')
      .on(t.contactId, t.channel)
      .where(sql`${t.consentAt} is not null and ${t.optedOutAt} is null`),
  ],
);

export interface StatusEntry {
  status: (typeof messageStatuses)[number];
  at: string;
  errorCode?: string;
  errorMessage?: string;
}

/** Every message in or out, with its delivery history; the run and node that sent it. */
export const messages = pgTable(
  'messages',
  {
    id: uuid('id').primaryKey(),
    workspaceId: uuid('workspace_id')
      .notNull()
      .references(() => workspaces.id, { onDelete: 'cascade' }),
    channel: text('channel', { enum: messagingChannels }).notNull(),
    direction: text('direction', { enum: messageDirections }).notNull(),
    contactAddress: text('contact_address').notNull(),
    ourAddress: text('our_address').notNull().default(''),
    contactId: uuid('contact_id').references(() => contacts.id, { onDelete: 'set null' }),
    runId: uuid('run_id').references(() => runs.id, { onDelete: 'set null' }),
    nodeId: text('node_id'),
    // The campaign that sent it (campaigns.ts), or the API key of the application that did.
    campaignId: uuid('campaign_id'),
    apiKeyId: uuid('api_key_id'),
    providerMessageId: text('provider_message_id'),
    // The activity's key: a retried send finds its row instead of sending again.
    idempotencyKey: text('idempotency_key'),
    body: jsonb('body').notNull(),
    segments: integer('segments').notNull().default(1),
    status: text('status', { enum: messageStatuses }).notNull(),
    statusHistory: jsonb('status_history').$type<StatusEntry[]>().notNull().default([]),
    errorCode: text('error_code'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('messages_idempotency_unique')
      .on(t.workspaceId, t.idempotencyKey)
      .where(sql`${t.idempotencyKey} is not null`),
    uniqueIndex('messages_provider_id_unique')
      .on(t.channel, t.providerMessageId)
      .where(sql`${t.providerMessageId} is not null`),
    index('messages_run_idx')
      .on(t.runId, t.id)
      .where(sql`${t.runId} is not null`),
    index('messages_contact_idx').on(t.workspaceId, t.contactAddress, t.id),
    index('messages_status_idx').on(t.workspaceId, t.status, t.id),
    index('messages_campaign_idx')
      .on(t.campaignId, t.status)
      .where(sql`${t.campaignId} is not null`),
    // The sweep that starts send-API messages whose workflow start was lost.
    index('messages_api_queued_idx')
      .on(t.createdAt)
      .where(
        sql`${t.status} = 'queued' and ${t.direction} = 'outbound' and ${t.runId} is null and ${t.idempotencyKey} like 'api:%'`,
      ),
    // Reports (#17) read a workspace's messages by period: a month of them, not every message.
    // created_at never changes, so status updates stay heap-only as far as this index goes.
    index('messages_report_idx').on(t.workspaceId, t.createdAt),
    index('messages_contact_id_idx')
      .on(t.contactId, t.id)
      .where(sql`${t.contactId} is not null`),
  ],
);

export const conversationStatuses = ['bot', 'agent', 'closed'] as const;

/** A contact's conversation on a channel; handed to a human agent queue and back. */
export const conversations = pgTable(
  'conversations',
  {
    id: uuid('id').primaryKey(),
    workspaceId: uuid('workspace_id')
      .notNull()
      .references(() => workspaces.id, { onDelete: 'cascade' }),
    channel: text('channel', { enum: messagingChannels }).notNull(),
    contactAddress: text('contact_address').notNull(),
    runId: uuid('run_id').references(() => runs.id, { onDelete: 'set null' }),
    status: text('status', { enum: conversationStatuses }).notNull().default('bot'),
    queue: text('queue'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    closedAt: timestamp('closed_at', { withTimezone: true }),
  },
  (t) => [index('conversations_contact_idx').on(t.workspaceId, t.channel, t.contactAddress, t.id)],
);
