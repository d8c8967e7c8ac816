import { bigint, doublePrecision, index, integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { workspaces } from './workspaces.ts';

/*
 * Rollups of the historical reports (issue #17), one row per 15-minute UTC bucket and group.
 * Every time zone in use today is offset from UTC by a multiple of 15 minutes, so any local hour,
 * day, week or month is an exact union of these buckets. Rows are derived: the rollup job
 * (runtime/src/rollups/) rewrites a whole (workspace, bucket) at a time, so they are never
 * exported and a wrong one is mended by marking its bucket dirty.
 */

/** How far the rollups reach: every bucket before `rolled_up_to` is in the tables; the rest is read live. */
export const reportRollupState = pgTable('report_rollup_state', {
  name: text('name').primaryKey(),
  rolledUpTo: timestamp('rolled_up_to', { withTimezone: true }).notNull(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

/**
 * Buckets a write changed, appended by statement-level triggers on the source tables (no key, no
 * index: an append costs a writer one narrow heap row per statement and never waits on a lock).
 * The job deletes the rows it saw and re-rolls their buckets in the same transaction.
 */
export const reportRollupDirty = pgTable('report_rollup_dirty', {
  workspaceId: uuid('workspace_id').notNull(),
  bucketStart: timestamp('bucket_start', { withTimezone: true }).notNull(),
});

/** Messages by bucket of `created_at`, with each mail's engagement (from email_events) summed in. */
export const reportMessageRollup = pgTable(
  'report_message_rollup',
  {
    workspaceId: uuid('workspace_id')
      .notNull()
      .references(() => workspaces.id, { onDelete: 'cascade' }),
    bucketStart: timestamp('bucket_start', { withTimezone: true }).notNull(),
    channel: text('channel').notNull(),
    direction: text('direction').notNull(),
    campaignId: uuid('campaign_id'),
    // The run's flow and version (a message sent by a flow), for the flow filter.
    flowId: uuid('flow_id'),
    flowVersion: integer('flow_version'),
    status: text('status').notNull(),
    // The provider's code, only where the status is a failure (as the reports show it).
    errorCode: text('error_code'),
    messages: integer('messages').notNull(),
    openedUnique: integer('opened_unique').notNull().default(0),
    openedTotal: integer('opened_total').notNull().default(0),
    clickedUnique: integer('clicked_unique').notNull().default(0),
    clickedTotal: integer('clicked_total').notNull().default(0),
    bouncedUnique: integer('bounced_unique').notNull().default(0),
    bouncedTotal: integer('bounced_total').notNull().default(0),
    unsubscribedUnique: integer('unsubscribed_unique').notNull().default(0),
    unsubscribedTotal: integer('unsubscribed_total').notNull().default(0),
    complainedUnique: integer('complained_unique').notNull().default(0),
    complainedTotal: integer('complained_total').notNull().default(0),
  },
  (t) => [index('report_message_rollup_bucket_idx').on(t.workspaceId, t.bucketStart)],
);

/** Calls by bucket of `started_at`, with the queue and agent of the call's last agent-queue step. */
export const reportCallRollup = pgTable(
  'report_call_rollup',
  {
    workspaceId: uuid('workspace_id')
      .notNull()
      .references(() => workspaces.id, { onDelete: 'cascade' }),
    bucketStart: timestamp('bucket_start', { withTimezone: true }).notNull(),
    flowId: uuid('flow_id'),
    flowVersion: integer('flow_version'),
    queue: text('queue'),
    agent: text('agent'),
    offered: integer('offered').notNull(),
    answered: integer('answered').notNull(),
    abandoned: integer('abandoned').notNull(),
    transferred: integer('transferred').notNull(),
    waitedSum: doublePrecision('waited_sum'),
    waitedN: integer('waited_n').notNull(),
    handledSum: doublePrecision('handled_sum'),
    handledN: integer('handled_n').notNull(),
  },
  (t) => [index('report_call_rollup_bucket_idx').on(t.workspaceId, t.bucketStart)],
);

/** The quota ledger by bucket of `at`: the sum of its changes per channel, campaign and reason. */
export const reportQuotaRollup = pgTable(
  'report_quota_rollup',
  {
    workspaceId: uuid('workspace_id')
      .notNull()
      .references(() => workspaces.id, { onDelete: 'cascade' }),
    bucketStart: timestamp('bucket_start', { withTimezone: true }).notNull(),
    channel: text('channel').notNull(),
    campaignId: uuid('campaign_id'),
    reason: text('reason').notNull(),
    delta: bigint('delta', { mode: 'number' }).notNull(),
  },
  (t) => [index('report_quota_rollup_bucket_idx').on(t.workspaceId, t.bucketStart)],
);
