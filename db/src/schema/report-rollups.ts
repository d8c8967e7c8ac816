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

const owner = () =>
  uuid('workspace_id')
    .notNull()
    .references(() => workspaces.id, { onDelete: 'cascade' });

/** What a message rollup row counts: messages, with each mail's engagement (from email_events) summed in. */
const messageFigures = () => ({
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
});

/** What a call rollup row counts, with the queue and agent of the call's last agent-queue step. */
const callFigures = () => ({
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
});

/** What a quota rollup row sums: the ledger's changes per channel, campaign and reason. */
const quotaFigures = () => ({
  channel: text('channel').notNull(),
  campaignId: uuid('campaign_id'),
  reason: text('reason').notNull(),
  delta: bigint('delta', { mode: 'number' }).notNull(),
});

/**
 * What an IVR rollup row counts: menu steps per menu and option (the port left by; null for a
 * caller who hung up in the menu), and the calls whose first menu step this is, with the time from
 * that step's entry to the call's last exit from a menu. Each call is counted once, in the bucket of
 * its first menu step, so the figures add up across buckets.
 */
const ivrFigures = () => ({
  flowId: uuid('flow_id'),
  flowVersion: integer('flow_version'),
  nodeId: text('node_id').notNull(),
  port: text('port'),
  steps: integer('steps').notNull(),
  stepMs: doublePrecision('step_ms'),
  stepTimed: integer('step_timed').notNull(),
  calls: integer('calls').notNull(),
  callMs: doublePrecision('call_ms'),
});

/** Messages by 15-minute bucket of `created_at`. */
export const reportMessageRollup = pgTable(
  'report_message_rollup',
  {
    workspaceId: owner(),
    bucketStart: timestamp('bucket_start', { withTimezone: true }).notNull(),
    ...messageFigures(),
  },
  (t) => [index('report_message_rollup_bucket_idx').on(t.workspaceId, t.bucketStart)],
);

/** Calls by 15-minute bucket of `started_at`. */
export const reportCallRollup = pgTable(
  'report_call_rollup',
  {
    workspaceId: owner(),
    bucketStart: timestamp('bucket_start', { withTimezone: true }).notNull(),
    ...callFigures(),
  },
  (t) => [index('report_call_rollup_bucket_idx').on(t.workspaceId, t.bucketStart)],
);

/** Menu steps by 15-minute bucket of `entered_at`. */
export const reportIvrRollup = pgTable(
  'report_ivr_rollup',
  {
    workspaceId: owner(),
    bucketStart: timestamp('bucket_start', { withTimezone: true }).notNull(),
    ...ivrFigures(),
  },
  (t) => [index('report_ivr_rollup_bucket_idx').on(t.workspaceId, t.bucketStart)],
);

/** The quota ledger by 15-minute bucket of `at`. */
export const reportQuotaRollup = pgTable(
  'report_quota_rollup',
  {
    workspaceId: owner(),
    bucketStart: timestamp('bucket_start', { withTimezone: true }).notNull(),
    ...quotaFigures(),
  },
  (t) => [index('report_quota_rollup_bucket_idx').on(t.workspaceId, t.bucketStart)],
);

/*
 * The same figures per whole local day in the workspace's time zone (`day_start` is its local
 * midnight), summed from the 15-minute rows once the day is rolled up to its end: a month by day
 * reads 30 rows per group instead of 2,880. Reports in another zone read the 15-minute rows.
 */

/** The zone each workspace's daily rows are cut in; a workspace that changes zone has them rebuilt. */
export const reportRollupZones = pgTable('report_rollup_zones', {
  workspaceId: uuid('workspace_id')
    .primaryKey()
    .references(() => workspaces.id, { onDelete: 'cascade' }),
  // What the workspace said when the days were cut (null: none) and the zone they were cut in
  // (UTC where that was not a zone PostgreSQL knows), as the reports default to.
  sourceTimezone: text('source_timezone'),
  timezone: text('timezone').notNull(),
});

export const reportMessageRollupDaily = pgTable(
  'report_message_rollup_daily',
  {
    workspaceId: owner(),
    dayStart: timestamp('day_start', { withTimezone: true }).notNull(),
    ...messageFigures(),
  },
  (t) => [index('report_message_rollup_daily_idx').on(t.workspaceId, t.dayStart)],
);

export const reportCallRollupDaily = pgTable(
  'report_call_rollup_daily',
  {
    workspaceId: owner(),
    dayStart: timestamp('day_start', { withTimezone: true }).notNull(),
    ...callFigures(),
  },
  (t) => [index('report_call_rollup_daily_idx').on(t.workspaceId, t.dayStart)],
);

export const reportQuotaRollupDaily = pgTable(
  'report_quota_rollup_daily',
  {
    workspaceId: owner(),
    dayStart: timestamp('day_start', { withTimezone: true }).notNull(),
    ...quotaFigures(),
  },
  (t) => [index('report_quota_rollup_daily_idx').on(t.workspaceId, t.dayStart)],
);

export const reportIvrRollupDaily = pgTable(
  'report_ivr_rollup_daily',
  {
    workspaceId: owner(),
    dayStart: timestamp('day_start', { withTimezone: true }).notNull(),
    ...ivrFigures(),
  },
  (t) => [index('report_ivr_rollup_daily_idx').on(t.workspaceId, t.dayStart)],
);
