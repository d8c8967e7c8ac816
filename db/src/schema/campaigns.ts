import { sql } from 'drizzle-orm';
import {
  boolean,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { flows } from './flows.ts';
import { contacts, messages, messagingChannels } from './messaging.ts';
import { segments } from './audience.ts';
import { users, workspaces } from './workspaces.ts';

/** broadcast: one message per person; journey: a published flow per person; voice: a call each. */
export const campaignKinds = ['broadcast', 'journey', 'voice'] as const;
export const campaignStatuses = [
  'draft',
  'scheduled',
  'running',
  'paused',
  'completed',
  'cancelled',
  'failed',
] as const;
/** The channels a campaign can reach people on: the messaging ones, and calls. */
export const campaignChannels = [...messagingChannels, 'voice'] as const;
export type CampaignChannel = (typeof campaignChannels)[number];

/** What a campaign sends (per A/B variant): a library template or a text, with its language. */
export interface CampaignContent {
  templateId?: string;
  text?: string;
  subject?: string;
  language?: string;
  /**
   * On WhatsApp, what goes to people outside the 24 h window: an approved template, its body
   * parameters Liquid over the person's fields. `text` goes only to people inside the window.
   */
  whatsappTemplate?: { name: string; language: string; parameters: string[] };
}

/** A/B: variants with shares of the audience; the winner goes to the rest after the test. */
export interface CampaignVariant {
  key: string;
  share: number;
  content: CampaignContent;
  /** A/B: the variant's figures when the test ended (what the winner was picked on). */
  testResult?: { sent: number; hits: number; rate: number };
}

/**
 * When: now, at an instant, or at a local time in each person's timezone; optionally again
 * every day/week/month. Quiet hours defer sends to the next allowed minute.
 */
export interface CampaignSchedule {
  mode: 'now' | 'at' | 'local';
  at?: string;
  localTime?: string;
  localDate?: string;
  recurrence?: 'daily' | 'weekly' | 'monthly';
  /** Voice campaigns: calls per person in all (busy, not answered) and the wait between them. */
  callRetries?: { attempts: number; delaySeconds: number };
}

export const campaigns = pgTable(
  'campaigns',
  {
    id: uuid('id').primaryKey(),
    workspaceId: uuid('workspace_id')
      .notNull()
      .references(() => workspaces.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    kind: text('kind', { enum: campaignKinds }).notNull(),
    status: text('status', { enum: campaignStatuses }).notNull().default('draft'),
    segmentId: uuid('segment_id').references(() => segments.id, { onDelete: 'restrict' }),
    // Tried in order: a person with no consent or address on the first, or whose message there
    // is not delivered within `fallbackAfterMinutes`, gets the next.
    channels: text('channels', { enum: campaignChannels }).array().notNull(),
    fallbackAfterMinutes: integer('fallback_after_minutes'),
    variants: jsonb('variants').$type<CampaignVariant[]>().notNull().default([]),
    // How the A/B winner is picked, and after how long.
    abMetric: text('ab_metric', { enum: ['delivery', 'open', 'click', 'reply'] }),
    abTestMinutes: integer('ab_test_minutes'),
    abTestShare: integer('ab_test_share'),
    abWinner: text('ab_winner'),
    // The published flow a journey or voice campaign starts per person.
    flowId: uuid('flow_id').references(() => flows.id, { onDelete: 'restrict' }),
    // The flow version published when a journey started: every person's run starts on it, even
    // after a newer version is published mid-campaign.
    flowVersion: integer('flow_version'),
    schedule: jsonb('schedule').$type<CampaignSchedule>().notNull().default({ mode: 'now' }),
    // Minutes of the day (local to each person) when nothing is sent; null = the workspace's.
    quietHours: jsonb('quiet_hours').$type<{ from: string; to: string } | null>(),
    // Messages per second for this campaign (never above its sending account's own limit).
    ratePerSecond: integer('rate_per_second'),
    maxConcurrentCalls: integer('max_concurrent_calls'),
    marketing: boolean('marketing').notNull().default(true),
    workflowId: text('workflow_id'),
    // A recurring campaign's occurrences are campaigns of their own (recipients are per campaign),
    // each pointing at the campaign that repeats.
    parentId: uuid('parent_id'),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    startedAt: timestamp('started_at', { withTimezone: true }),
    finishedAt: timestamp('finished_at', { withTimezone: true }),
  },
  (t) => [
    index('campaigns_workspace_idx').on(t.workspaceId, t.id),
    index('campaigns_parent_idx')
      .on(t.parentId)
      .where(sql`${t.parentId} is not null`),
  ],
);

export const recipientStatuses = [
  'pending',
  // A/B: the rest of the audience, waiting for the test's winner.
  'held',
  // Voice: the call is placed or going on.
  'calling',
  // Journey: the person's flow run was started.
  'started',
  'skipped',
  'queued',
  'sent',
  'delivered',
  'undelivered',
  'failed',
  'answered',
  'busy',
  'no_answer',
] as const;

/** Why a person was not sent to: counted per reason in the campaign's stats. */
export const skipReasons = [
  'opted_out',
  'no_consent',
  'no_address',
  'frequency_cap',
  'quota',
  'duplicate',
  'deleted',
  'quiet_hours',
] as const;

/**
 * One person of a campaign: written in batches when the campaign pages through its segment, so
 * a crash never sends twice and every count (targeted, skipped by reason, sent…) comes from SQL.
 */
export const campaignRecipients = pgTable(
  'campaign_recipients',
  {
    campaignId: uuid('campaign_id')
      .notNull()
      .references(() => campaigns.id, { onDelete: 'cascade' }),
    // Null once the person is erased (a data-protection request): the row stays, addressless, so
    // the campaign's counts do not change.
    contactId: uuid('contact_id').references(() => contacts.id, { onDelete: 'set null' }),
    workspaceId: uuid('workspace_id')
      .notNull()
      .references(() => workspaces.id, { onDelete: 'cascade' }),
    variant: text('variant'),
    channel: text('channel', { enum: campaignChannels }),
    address: text('address'),
    status: text('status', { enum: recipientStatuses }).notNull().default('pending'),
    skipReason: text('skip_reason', { enum: skipReasons }),
    // The send's row (the latest one, after a fallback); its status history is the detail. No
    // foreign key: a message row is never deleted on its own (only with its workspace, which takes
    // the recipients too), and the check cost a locking read of `messages` per person sent; the
    // readers left-join it, so a missing row would read as no message, as `set null` did.
    messageId: uuid('message_id'),
    // Journey and voice campaigns: the person's flow run (runs are kept apart by retention).
    runId: uuid('run_id'),
    attempts: integer('attempts').notNull().default(0),
    // When the send is due (local-time schedules, quiet hours, retries).
    dueAt: timestamp('due_at', { withTimezone: true }),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('campaign_recipients_campaign_contact_unique').on(t.campaignId, t.contactId),
    // Who is due, in contact order: the sends' chunks walk it from one contact id to the next and
    // stop at their limit, instead of sorting every pending person of the campaign each time.
    index('campaign_recipients_due_idx').on(t.campaignId, t.status, t.channel, t.contactId),
    index('campaign_recipients_contact_idx').on(t.contactId),
  ],
);

/** A workspace's bag of messages on a channel: an amount per period, with an optional overdraft. */
export const quotas = pgTable(
  'quotas',
  {
    id: uuid('id').primaryKey(),
    workspaceId: uuid('workspace_id')
      .notNull()
      .references(() => workspaces.id, { onDelete: 'cascade' }),
    channel: text('channel', { enum: campaignChannels }).notNull(),
    period: text('period', { enum: ['month', 'year', 'total'] }).notNull(),
    amount: integer('amount').notNull(),
    // Sends allowed past the amount before the block (0: none).
    overdraft: integer('overdraft').notNull().default(0),
    warnPercent: integer('warn_percent').notNull().default(80),
    startsAt: timestamp('starts_at', { withTimezone: true }).notNull().defaultNow(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('quotas_channel_unique').on(t.workspaceId, t.channel)],
);

export const ledgerReasons = ['delivered', 'accepted', 'refund', 'top_up', 'adjustment'] as const;

/**
 * Every change of a quota's balance, so the balance can be explained line by line: a message
 * counts when delivered (SMS/WhatsApp receipts) or accepted (email), by segments for long SMS.
 */
export const quotaLedger = pgTable(
  'quota_ledger',
  {
    id: uuid('id').primaryKey(),
    workspaceId: uuid('workspace_id')
      .notNull()
      .references(() => workspaces.id, { onDelete: 'cascade' }),
    channel: text('channel', { enum: campaignChannels }).notNull(),
    // Negative: consumed; positive: a top-up or a refund.
    delta: integer('delta').notNull(),
    reason: text('reason', { enum: ledgerReasons }).notNull(),
    messageId: uuid('message_id').references(() => messages.id, { onDelete: 'set null' }),
    campaignId: uuid('campaign_id').references(() => campaigns.id, { onDelete: 'set null' }),
    note: text('note'),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('quota_ledger_channel_idx').on(t.workspaceId, t.channel, t.at),
    // The quota report lists top-ups and adjustments newest first among a period of message lines.
    index('quota_ledger_manual_idx')
      .on(t.workspaceId, t.at)
      .where(sql`${t.reason} in ('top_up', 'adjustment')`),
    // A message is counted once, however many receipts say it was delivered.
    uniqueIndex('quota_ledger_message_unique')
      .on(t.messageId, t.reason)
      .where(sql`${t.messageId} is not null`),
  ],
);

/**
 * The next free instant of a sending account (an SMPP account, an SMTP relay, a WhatsApp number),
 * GCRA-style: a worker about to send a slice moves it forward by the slice's share of the account's
 * limit in one statement and sends in the time it reserved, so every worker shares the limit
 * (runtime/src/campaigns/account-rate.ts). Keyed by the provider's own account, not the workspace.
 */
export const sendRateSlots = pgTable('send_rate_slots', {
  accountKey: text('account_key').primaryKey(),
  nextFreeAt: timestamp('next_free_at', { withTimezone: true }).notNull(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});
