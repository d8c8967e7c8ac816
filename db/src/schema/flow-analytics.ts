import { sql } from 'drizzle-orm';
import { bigint, integer, numeric, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { flows } from './flows.ts';
import { workspaces } from './workspaces.ts';

/** What a rollup row counts: the same figures flow analytics computes from raw rows. */
export const flowAnalyticsKinds = ['node', 'port', 'last', 'set', 'status', 'delivery'] as const;

/**
 * Flow analytics summed per 15-minute UTC bucket of the runs' start (every time zone's offset is a
 * multiple of 15 minutes, so any period of a workspace's zone is a set of whole buckets plus its
 * edges). One row per kind of figure and its key; only ended runs are in it (runs.analytics_rolled_at),
 * the open ones and the edges of a period are read live (analytics/flow-analytics.ts). Derived data:
 * not exported, rebuilt by the rollup job from the runs.
 */
export const flowAnalyticsRollup = pgTable(
  'flow_analytics_rollup',
  {
    workspaceId: uuid('workspace_id')
      .notNull()
      .references(() => workspaces.id, { onDelete: 'cascade' }),
    flowId: uuid('flow_id')
      .notNull()
      .references(() => flows.id, { onDelete: 'cascade' }),
    version: integer('version').notNull(),
    bucket: timestamp('bucket', { withTimezone: true }).notNull(),
    kind: text('kind', { enum: flowAnalyticsKinds }).notNull(),
    // Key parts a kind does not use are '' (or '{}'), so they can be in the primary key.
    nodeId: text('node_id').notNull().default(''),
    port: text('port').notNull().default(''),
    status: text('status').notNull().default(''),
    // `set`: the sorted distinct nodes a run visited (what a funnel needs).
    nodes: text('nodes')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    nodeType: text('node_type'),
    // Steps (node, port), runs (last, set, status) or messages sent (delivery).
    n: bigint('n', { mode: 'number' }).notNull().default(0),
    // `node`: runs that entered; the summed seconds and the count of timed entries for the mean.
    runs: bigint('runs', { mode: 'number' }).notNull().default(0),
    seconds: numeric('seconds').notNull().default('0'),
    timed: bigint('timed', { mode: 'number' }).notNull().default(0),
    // `delivery`: the sending node's messages by status group.
    delivered: bigint('delivered', { mode: 'number' }).notNull().default(0),
    read: bigint('read', { mode: 'number' }).notNull().default(0),
    replied: bigint('replied', { mode: 'number' }).notNull().default(0),
    failed: bigint('failed', { mode: 'number' }).notNull().default(0),
  },
  (t) => [
    primaryKey({
      name: 'flow_analytics_rollup_pkey',
      columns: [t.flowId, t.version, t.bucket, t.kind, t.nodeId, t.port, t.status, t.nodes],
    }),
  ],
);

/**
 * Buckets whose rolled-up runs changed after they were rolled up (a receipt, an open, a reply, a
 * retried run): the analytics read them live until the job rolls them up again. Written by the
 * triggers of the migration that added these tables.
 */
export const flowAnalyticsDirty = pgTable(
  'flow_analytics_dirty',
  {
    workspaceId: uuid('workspace_id').notNull(),
    flowId: uuid('flow_id')
      .notNull()
      .references(() => flows.id, { onDelete: 'cascade' }),
    version: integer('version').notNull(),
    bucket: timestamp('bucket', { withTimezone: true }).notNull(),
    markedAt: timestamp('marked_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ name: 'flow_analytics_dirty_pkey', columns: [t.flowId, t.version, t.bucket] })],
);
