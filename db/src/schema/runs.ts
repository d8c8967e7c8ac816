import { sql } from 'drizzle-orm';
import {
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
  type AnyPgColumn,
} from 'drizzle-orm/pg-core';
import { flows, flowVersions } from './flows.ts';
import { users, workspaces } from './workspaces.ts';

// A plain text column (the enum is TypeScript's only), so a new status needs no migration.
// `abandoned`: the caller hung up before the flow ended.
// `skipped`: a mail its trigger took but must not answer (RFC 3834: an auto-reply, a list, a
// bounce, a sender answered within the period); the run never starts, its error says why.
export const runStatuses = [
  'running',
  'waiting',
  'completed',
  'failed',
  'cancelled',
  'abandoned',
  'skipped',
] as const;
export type RunStatus = (typeof runStatuses)[number];

/** What is left of a run once the retention job has removed its details. */
export interface RunSummaryRecord {
  stepCount: number;
  path: string[];
  lastNodeId: string | null;
}

export const runs = pgTable(
  'runs',
  {
    id: uuid('id').primaryKey(),
    workspaceId: uuid('workspace_id')
      .notNull()
      .references(() => workspaces.id, { onDelete: 'cascade' }),
    flowId: uuid('flow_id')
      .notNull()
      .references(() => flows.id, { onDelete: 'cascade' }),
    flowVersionId: uuid('flow_version_id')
      .notNull()
      .references(() => flowVersions.id, { onDelete: 'cascade' }),
    version: integer('version').notNull(),
    status: text('status', { enum: runStatuses }).notNull().default('running'),
    currentNodes: jsonb('current_nodes').$type<string[]>().notNull().default([]),
    // The node a failed run failed at, kept in a column so "failed at X" is an index lookup.
    failedNodeId: text('failed_node_id'),
    // Who the run is about (a phone number or an email address), lower-cased; searched exactly.
    contact: text('contact'),
    input: jsonb('input').notNull().default({}),
    output: jsonb('output'),
    error: jsonb('error'),
    // A re-run points at the run whose trigger input it repeated.
    rerunOf: uuid('rerun_of').references((): AnyPgColumn => runs.id, { onDelete: 'set null' }),
    // A subflow's run points at the run whose flow.call node started it, and at that node.
    parentRunId: uuid('parent_run_id').references((): AnyPgColumn => runs.id, { onDelete: 'set null' }),
    parentNodeId: text('parent_node_id'),
    temporalWorkflowId: text('temporal_workflow_id').notNull(),
    temporalRunId: text('temporal_run_id'),
    startedAt: timestamp('started_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    endedAt: timestamp('ended_at', { withTimezone: true }),
    detailsExpiredAt: timestamp('details_expired_at', { withTimezone: true }),
    summary: jsonb('summary').$type<RunSummaryRecord>(),
    // When the flow analytics rollup took this ended run in (analytics/flow-analytics-rollup.ts);
    // null while it is open or not yet rolled up, and then the analytics read it live.
    analyticsRolledAt: timestamp('analytics_rolled_at', { withTimezone: true }),
  },
  (t) => [
    // Cursor pages walk (…, id desc): uuid v7 ids sort by creation time, so date ranges are id
    // ranges too and every filter below ends in id.
    index('runs_workspace_id_idx').on(t.workspaceId, t.id),
    index('runs_workspace_status_idx').on(t.workspaceId, t.status, t.id),
    index('runs_flow_status_idx').on(t.flowId, t.status, t.id),
    index('runs_flow_version_idx').on(t.flowId, t.version, t.id),
    index('runs_contact_idx')
      .on(t.workspaceId, t.contact, t.id)
      .where(sql`${t.contact} is not null`),
    index('runs_failed_node_idx')
      .on(t.flowId, t.failedNodeId, t.id)
      .where(sql`${t.failedNodeId} is not null`),
    index('runs_rerun_of_idx')
      .on(t.rerunOf)
      .where(sql`${t.rerunOf} is not null`),
    index('runs_parent_run_idx')
      .on(t.parentRunId, t.id)
      .where(sql`${t.parentRunId} is not null`),
    // Runs the flow analytics rollup has not taken: what the analytics read live, and where the
    // rollup job finds its next batch. Partial, so a rolled-up run leaves it.
    index('runs_analytics_pending_idx')
      .on(t.flowId, t.version, t.id)
      .where(sql`${t.analyticsRolledAt} is null`),
    // The retention job looks for ended runs whose details are still there.
    index('runs_retention_idx')
      .on(t.workspaceId, t.endedAt)
      .where(sql`${t.detailsExpiredAt} is null and ${t.endedAt} is not null`),
  ],
);

export const runSteps = pgTable(
  'run_steps',
  {
    // No foreign key of its own: the run's already ties it to the workspace, and steps are
    // the hottest insert in the system.
    workspaceId: uuid('workspace_id').notNull(),
    runId: uuid('run_id')
      .notNull()
      .references(() => runs.id, { onDelete: 'cascade' }),
    // Order of entry within the run; (run_id, seq) is the key, so a retried write is idempotent.
    seq: integer('seq').notNull(),
    nodeId: text('node_id').notNull(),
    nodeType: text('node_type').notNull(),
    enteredAt: timestamp('entered_at', { withTimezone: true }).notNull(),
    leftAt: timestamp('left_at', { withTimezone: true }),
    port: text('port'),
    // Where the step began in Temporal's history: retry-from-step resets to this workflow task.
    temporalRunId: text('temporal_run_id'),
    wftEventId: integer('wft_event_id'),
    // How many times the node's activity ran (Temporal retries); null for nodes without one.
    attempts: integer('attempts'),
    input: jsonb('input'),
    output: jsonb('output'),
    error: jsonb('error'),
  },
  (t) => [
    primaryKey({ name: 'run_steps_pkey', columns: [t.runId, t.seq] }),
    // The IVR and call-traffic reports read menu and agent-queue steps by time (#17). Partial, so
    // the other steps (most of them, the hottest insert) pay nothing for it.
    index('run_steps_voice_report_idx')
      .on(t.workspaceId, t.nodeType, t.enteredAt)
      .where(sql`${t.nodeType} in ('voice.menu', 'voice.enqueue')`),
  ],
);

/** Events sent into a run from outside (API, channel replies), in the order the run took them. */
export const runEvents = pgTable(
  'run_events',
  {
    workspaceId: uuid('workspace_id').notNull(),
    runId: uuid('run_id')
      .notNull()
      .references(() => runs.id, { onDelete: 'cascade' }),
    seq: integer('seq').notNull(),
    type: text('type').notNull(),
    data: jsonb('data'),
    receivedAt: timestamp('received_at', { withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ name: 'run_events_pkey', columns: [t.runId, t.seq] })],
);

export const bulkActions = ['cancel', 'rerun', 'retry'] as const;
export type BulkAction = (typeof bulkActions)[number];
export const bulkJobStatuses = ['running', 'completed', 'failed'] as const;

/** A bulk action over a filter of runs, carried out by a Temporal workflow of the same id. */
export const bulkJobs = pgTable(
  'bulk_jobs',
  {
    id: uuid('id').primaryKey(),
    workspaceId: uuid('workspace_id')
      .notNull()
      .references(() => workspaces.id, { onDelete: 'cascade' }),
    action: text('action', { enum: bulkActions }).notNull(),
    filter: jsonb('filter').notNull(),
    // Chosen by the caller: asking twice with the same key returns the first job, never a second.
    idempotencyKey: text('idempotency_key').notNull(),
    status: text('status', { enum: bulkJobStatuses }).notNull().default('running'),
    total: integer('total').notNull().default(0),
    done: integer('done').notNull().default(0),
    succeeded: integer('succeeded').notNull().default(0),
    failed: integer('failed').notNull().default(0),
    errors: jsonb('errors').$type<{ runId: string; message: string }[]>().notNull().default([]),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('bulk_jobs_idempotency_unique').on(t.workspaceId, t.idempotencyKey)],
);

export const bulkItemStates = ['pending', 'started', 'done', 'failed'] as const;

/**
 * One run of a bulk job. `started` is written before the action so a retried activity finishes
 * that run's action (with the same ids) instead of doing it a second time.
 */
export const bulkJobItems = pgTable(
  'bulk_job_items',
  {
    jobId: uuid('job_id')
      .notNull()
      .references(() => bulkJobs.id, { onDelete: 'cascade' }),
    runId: uuid('run_id').notNull(),
    state: text('state', { enum: bulkItemStates }).notNull().default('pending'),
    // The run a re-run started (its id is chosen before starting it).
    newRunId: uuid('new_run_id'),
    // A retry's plan (execution and reset point), saved before the reset is asked for.
    plan: jsonb('plan'),
    error: text('error'),
  },
  (t) => [
    primaryKey({ name: 'bulk_job_items_pkey', columns: [t.jobId, t.runId] }),
    index('bulk_job_items_state_idx').on(t.jobId, t.state),
  ],
);
